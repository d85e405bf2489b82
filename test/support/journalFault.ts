// Makes the next journal append of a collection fail, as a full or failing disk would: the
// active segment is sealed (by a compaction) and a folder put where the next one goes.
import { mkdir, rmdir } from 'node:fs/promises';
import type { FileCollection } from '../../src/store/fileCollection.js';

export async function failJournalWrites(collection: unknown): Promise<{ restore(): Promise<void> }> {
  const files = collection as FileCollection<{ id: string }>;
  await files.compact();
  const path = files.journalPath!;
  await mkdir(path);
  return { restore: () => rmdir(path) };
}
