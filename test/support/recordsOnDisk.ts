// The records of a collection as a restart would read them from DATA_DIR: from a copy of the
// collection's folder, journal and snapshot, so the running store is left alone. For the
// collections without a file per record (the jobs, the dialog state) this is the only way to
// see what is on disk.
import { cp, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { OutboxRecordSchema } from '../../src/domain/followups/outbox.js';
import { FileCollection } from '../../src/store/fileCollection.js';
import { jobRecords } from '../../src/store/fileJobStore.js';
import { collectionFor } from '../../src/store/jsonStore.js';
import type { CollectionName } from '../../src/store/migrations.js';
import { tempDir } from './tempDir.js';

export async function recordsAsRestartReads<T extends { id: string }>(dataDir: string, collection: string): Promise<T[]> {
  const copy = await tempDir('enlace-records-copy-');
  for (const entry of await readdir(dataDir)) {
    if (entry === collection || entry.startsWith(`${collection}.`)) await cp(join(dataDir, entry), join(copy, entry), { recursive: true });
  }
  const folder = join(copy, collection);
  const records =
    collection === 'jobs'
      ? jobRecords(folder)
      : collection === 'outbox'
        ? new FileCollection('outbox', folder, OutboxRecordSchema)
        : collectionFor(collection as CollectionName, folder);
  await records.load();
  return [...(await records.all())] as unknown as T[];
}
