import { cp, mkdir, readdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JobSchema, type Job } from '../../src/domain/followups/job.js';
import { FileCollection } from '../../src/store/fileCollection.js';
import { FileJobStore } from '../../src/store/fileJobStore.js';
import { failJournalWrites } from '../support/journalFault.js';
import { tempDir } from '../support/tempDir.js';
import { at, job, jobQueueContract } from './jobQueueContract.js';

const jobsFolder = async () => join(await tempDir('enlace-jobs-'), 'jobs');

jobQueueContract('JSON files', async () => FileJobStore.open(await jobsFolder()));

const LEASE = 5 * 60_000;

/** The job as a restart would find it on disk (read from a copy, so this process's store is left alone). */
async function onDisk(folder: string, id: string): Promise<Record<string, unknown>> {
  const copy = await tempDir('enlace-jobs-copy-');
  for (const entry of await readdir(dirname(folder))) {
    if (entry.startsWith(basename(folder))) await cp(join(dirname(folder), entry), join(copy, entry), { recursive: true });
  }
  const files = new FileCollection<Job>('jobs', join(copy, basename(folder)), JobSchema, {}, { recordFiles: false });
  await files.load();
  return (await files.get(id)) as unknown as Record<string, unknown>;
}

describe('job files on disk', () => {
  it('has a claim on disk by the time claimDue resolves', async () => {
    const folder = await jobsFolder();
    const store = await FileJobStore.open(folder);
    const one = job(0);
    await store.schedule([one]);
    await store.claimDue(at(0), 'A', LEASE, 10);
    expect(await onDisk(folder, one.id)).toMatchObject({ status: 'claimed', lease: { owner: 'A', until: at(5).toISOString() }, attempts: 1 });
  });

  it('after a crash between claim and send, hands the job to the next process at once', async () => {
    const folder = await jobsFolder();
    const one = job(0);
    const crashed = await FileJobStore.open(folder);
    await crashed.schedule([one]);
    await crashed.claimDue(at(0), 'A', LEASE, 10);
    // The process dies here; a new one opens the same folder, long before the lease would end.
    const restarted = await FileJobStore.open(folder);
    expect(await onDisk(folder, one.id)).toMatchObject({ status: 'pending', attempts: 1 });
    expect(await onDisk(folder, one.id)).not.toHaveProperty('lease');
    expect(await restarted.dueSummary(at(1))).toEqual({ due: 1, oldestDueMs: 60_000 });
    const recovered = await restarted.claimDue(at(1), 'B', LEASE, 10);
    expect(recovered.map((j) => [j.id, j.lease?.owner, j.attempts])).toEqual([[one.id, 'B', 2]]);
  });

  it('remembers what was sent across a restart, so deriving it again sends nothing', async () => {
    const folder = await jobsFolder();
    const one = job(0);
    const first = await FileJobStore.open(folder);
    await first.schedule([one]);
    await first.claimDue(at(0), 'A', LEASE, 10);
    await first.markSent(one.id, 'A', at(1));
    const second = await FileJobStore.open(folder);
    await second.schedule([one]);
    expect(await second.claimDue(at(60), 'B', LEASE, 10)).toEqual([]);
    expect(await onDisk(folder, one.id)).toMatchObject({ status: 'sent', finishedAt: at(1).toISOString() });
  });

  it('rolls back a change the disk refused, and throws', async () => {
    const folder = await jobsFolder();
    const store = await FileJobStore.open(folder);
    const kept = job(0);
    await store.schedule([kept]);
    const fault = await failJournalWrites((store as unknown as { files: unknown }).files);
    await expect(store.schedule([job(1, { taskId: 'T-2' })])).rejects.toThrow(/EISDIR/);
    await expect(store.claimDue(at(0), 'A', LEASE, 10)).rejects.toThrow(/EISDIR/);
    expect((await store.pendingFor('case:C-1')).map((j) => [j.id, j.status, j.attempts])).toEqual([[kept.id, 'pending', 0]]);
    await fault.restore();
    expect((await store.claimDue(at(0), 'A', LEASE, 10)).map((j) => [j.id, j.attempts])).toEqual([[kept.id, 1]]);
  });

  it('refuses to start on a job file that is not a job, naming the file', async () => {
    const folder = await jobsFolder();
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, 'J-0123.json'), JSON.stringify({ id: 'J-0123', kind: 'postcard' }));
    await expect(FileJobStore.open(folder)).rejects.toThrow(/J-0123\.json.*jobs schema/);
  });
});
