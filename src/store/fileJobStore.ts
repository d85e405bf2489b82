// Follow-up jobs on disk, one file per job through FileCollection (group-committed,
// durable writes), with the due-time and scope indexes kept in memory. For one bot
// process: several instances need a queue that locks across processes (PostgreSQL).
import { JobSchema, type Job } from '../domain/followups/job.js';
import { FileCollection } from './fileCollection.js';
import { MemoryJobQueue } from './memoryJobQueue.js';

export class FileJobStore extends MemoryJobQueue {
  private constructor(private readonly files: FileCollection<Job>) {
    super();
  }

  /** Opens (or creates) the jobs folder; a corrupt or invalid job file stops it with a StoreError. */
  static async open(folder: string): Promise<FileJobStore> {
    const files = new FileCollection<Job>('jobs', folder, JobSchema);
    await files.load();
    const store = new FileJobStore(files);
    // Read once, at start; from here on the indexes in memory answer every query.
    store.restore(await files.all());
    return store;
  }

  /** Resolves once every change so far is on disk. */
  async flush(): Promise<void> {
    await this.files.flush();
  }

  protected override async persist(id: string, job: Job | undefined): Promise<void> {
    if (job) await this.files.put(job);
    else await this.files.delete(id);
  }
}
