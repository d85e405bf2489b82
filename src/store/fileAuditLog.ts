// The audit trail: one JSON line per entry in a file per day, appended and fsynced in
// batches. Entries carry ids only, never names or notes.
import { mkdir, open, readdir, readFile, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { syncFolder } from './durableFile.js';
import { openText, sealText } from './encryption.js';
import type { AuditLog } from '../domain/ports.js';
import { AuditEntrySchema, type AuditEntry } from '../domain/schemas.js';

interface Queued {
  line: string;
  day: string;
  resolve: () => void;
  reject: (error: unknown) => void;
}

export class FileAuditLog implements AuditLog {
  private queue: Queued[] = [];
  private writing: Promise<void> | null = null;
  private handle: { day: string; file: FileHandle } | null = null;

  constructor(private readonly folder: string) {}

  /**
   * Creates the folder, and cuts off a torn last line (a crash in the middle of an append):
   * an entry is acknowledged only once its whole line is on disk, so the torn one never was,
   * and the next entry must not be glued to it.
   */
  async open(): Promise<void> {
    await mkdir(this.folder, { recursive: true });
    for (const entry of await readdir(this.folder)) {
      if (entry.endsWith('.jsonl')) await cutTornTail(join(this.folder, entry));
    }
  }

  record(input: Parameters<AuditLog['record']>[0]): Promise<void> {
    const entry = AuditEntrySchema.parse({ ...input, at: input.at ?? new Date().toISOString() });
    return new Promise((resolve, reject) => {
      this.queue.push({ line: `${sealText(JSON.stringify(entry))}\n`, day: entry.at.slice(0, 10), resolve, reject });
      if (!this.writing) this.writing = this.drain();
    });
  }

  async readDay(day: string): Promise<AuditEntry[]> {
    await this.flush();
    let text: string;
    const file = this.fileFor(day);
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    return text
      .split('\n')
      .filter(Boolean)
      .map((line) => AuditEntrySchema.parse(JSON.parse(openText(line, file))));
  }

  async flush(): Promise<void> {
    while (this.writing) await this.writing;
  }

  async close(): Promise<void> {
    await this.flush();
    await this.handle?.file.close();
    this.handle = null;
  }

  private fileFor(day: string): string {
    return join(this.folder, `${day}.jsonl`);
  }

  private async drain(): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    while (this.queue.length > 0) {
      const batch = this.queue;
      this.queue = [];
      try {
        for (const day of new Set(batch.map((q) => q.day))) {
          const file = await this.fileHandleFor(day);
          await file.appendFile(
            batch
              .filter((q) => q.day === day)
              .map((q) => q.line)
              .join(''),
          );
          await file.datasync();
        }
        for (const q of batch) q.resolve();
      } catch (error) {
        for (const q of batch) q.reject(error);
      }
    }
    this.writing = null;
  }

  private async fileHandleFor(day: string): Promise<FileHandle> {
    if (this.handle?.day === day) return this.handle.file;
    await this.handle?.file.close();
    this.handle = { day, file: await open(this.fileFor(day), 'a', 0o600) };
    // A new file's name must reach the disk too, or a crash could lose the whole day.
    await syncFolder(this.folder);
    return this.handle.file;
  }
}

/** How much of a file's end is read at a time while looking for its last line break. */
const TAIL_CHUNK = 64 * 1024;

/** Truncates `file` after its last line break when it does not end with one. */
async function cutTornTail(file: string): Promise<void> {
  const handle = await open(file, 'r+');
  try {
    const { size } = await handle.stat();
    let end = size;
    const buffer = Buffer.alloc(TAIL_CHUNK);
    while (end > 0) {
      const start = Math.max(0, end - TAIL_CHUNK);
      const { bytesRead } = await handle.read(buffer, 0, end - start, start);
      const newline = buffer.subarray(0, bytesRead).lastIndexOf(0x0a);
      if (newline >= 0) {
        end = start + newline + 1;
        break;
      }
      end = start;
    }
    if (end === size) return;
    await handle.truncate(end);
    await handle.sync();
  } finally {
    await handle.close();
  }
}
