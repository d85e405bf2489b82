// Follow-up jobs on disk through FileCollection (a journal synced once per batch of changes,
// and a snapshot of every job, without a file per job), with the due-time and scope indexes kept in memory. For one bot
// process: several instances need a queue that locks across processes (PostgreSQL).
import { JobSchema, type Job } from '../domain/followups/job.js';
import { FileCollection } from './fileCollection.js';
import { MemoryJobQueue } from './memoryJobQueue.js';

export class FileJobStore extends MemoryJobQueue {
  private constructor(private readonly files: FileCollection<Job>) {
    super();
  }

  /**
   * Opens (or creates) the jobs folder; a corrupt or invalid job file stops it with a
   * StoreError. One process uses a folder, so a claim found here was made by a process that
   * has stopped: the job is pending again at once rather than when that lease would end.
   */
  static async open(folder: string): Promise<FileJobStore> {
    const files = jobRecords(folder);
    await files.load();
    const stored = await files.all();
    const released = stored.filter((job) => job.status === 'claimed').map(releasedClaim);
    await Promise.all(released.map((job) => files.put(job)));
    const store = new FileJobStore(files);
    // Read once, at start; from here on the indexes in memory answer every query.
    store.restore([...stored.filter((job) => job.status !== 'claimed'), ...released]);
    return store;
  }

  /** Resolves once every change so far is on disk. */
  async flush(): Promise<void> {
    await this.files.flush();
  }

  /** Flushes, and notes which job files are known to be valid, for a quicker next open. */
  async close(): Promise<void> {
    await this.files.close();
  }

  protected override async persist(id: string, job: Job | undefined): Promise<void> {
    if (job) await this.files.put(job);
    else await this.files.delete(id);
  }
}

function releasedClaim(job: Job): Job {
  const { lease: _lease, ...rest } = job;
  return { ...rest, status: 'pending' };
}

/** The jobs as plain records: a journal and a snapshot of every job, no file per job. */
export function jobRecords(folder: string): FileCollection<Job> {
  return new FileCollection<Job>('jobs', folder, JobSchema, {}, { recordFiles: false });
}
