// A collection's write-ahead journal: each batch of changes is appended as lines and made
// durable with one fdatasync, so a change costs one sync however large the store. The
// journal is cut into segments (`<base>.<seq>-<pid>`): compaction seals the active segment,
// files what it holds, then deletes it. A crash in the middle of an append leaves a torn
// last line, which was never acknowledged and is skipped.
import { open, readdir, readFile, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { syncFolder } from './durableFile.js';
import { openText, sealText } from './encryption.js';
import { StoreError } from './errors.js';

export interface JournalSegment {
  path: string;
  seq: number;
  pid: number;
}

/** One change as the journal holds it: the record, or null for a deletion. */
export type JournalEntry<T> = readonly [id: string, value: T | null];

export class Journal<T> {
  private handle: FileHandle | null = null;
  private active: JournalSegment;
  /** Segments written or replayed by this process and not yet filed. */
  private older: JournalSegment[] = [];
  /** Bytes in the segments not yet filed. */
  bytes = 0;
  private sealedBytes = 0;

  private constructor(
    private readonly base: string,
    nextSeq: number,
  ) {
    this.active = segment(base, nextSeq, process.pid);
  }

  /**
   * Opens the journal beside `base`, returning what it holds, oldest first. Segments still
   * being written by another live process (a CLI beside the bot) are read but never deleted.
   */
  static async open<T>(base: string): Promise<{ journal: Journal<T>; entries: JournalEntry<T>[] }> {
    const found = await existingSegments(base);
    const journal = new Journal<T>(base, Math.max(0, ...found.map((s) => s.seq)) + 1);
    const entries: JournalEntry<T>[] = [];
    for (const seg of found) {
      const text = await readFile(seg.path, 'utf8');
      journal.bytes += text.length;
      // Only whole lines: a line without its line break was never acknowledged.
      const lines = text.slice(0, text.lastIndexOf('\n') + 1).split('\n');
      lines.forEach((line, n) => {
        if (!line) return;
        let entry: unknown;
        try {
          entry = JSON.parse(openText(line, seg.path));
        } catch (error) {
          if (error instanceof StoreError) throw error;
          throw new StoreError(seg.path, `has a line (${n + 1}) that is not valid JSON: restore the store from a backup`);
        }
        if (!Array.isArray(entry) || typeof entry[0] !== 'string') throw new StoreError(seg.path, `has a line (${n + 1}) that is not a change`);
        entries.push(entry as unknown as JournalEntry<T>);
      });
      if (!writerAlive(seg.pid) || seg.pid === process.pid) journal.older.push(seg);
    }
    return { journal, entries };
  }

  /** Appends the changes and waits until they are on disk. */
  async append(entries: readonly JournalEntry<T>[]): Promise<void> {
    const text = entries.map((entry) => `${sealText(JSON.stringify(entry))}\n`).join('');
    if (!this.handle) {
      this.handle = await open(this.active.path, 'a', 0o600);
      // The new file's name must reach the disk too, or a crash could lose the segment.
      await syncFolder(dirname(this.active.path));
    }
    try {
      await this.handle.appendFile(text);
      await this.handle.datasync();
    } catch (error) {
      // Part of the batch may be in the file: later batches go to a new segment, so that a
      // torn line is the last of its segment (skipped on start), never glued to the next.
      await this.seal().closed.catch(() => undefined);
      throw error;
    }
    this.bytes += text.length;
  }

  /**
   * Seals the active segment at once (later appends go to a new one) and returns every sealed
   * segment; `closed` resolves once the sealed file is closed. Call it between appends.
   */
  seal(): { sealed: JournalSegment[]; closed: Promise<void> } {
    const handle = this.handle;
    this.handle = null;
    if (handle) this.older.push(this.active);
    this.active = segment(this.base, this.active.seq + 1, process.pid);
    this.sealedBytes = this.bytes;
    return { sealed: [...this.older], closed: handle ? handle.close() : Promise.resolve() };
  }

  /** Deletes segments whose changes are now in the record files (or the snapshot). */
  async remove(filed: readonly JournalSegment[]): Promise<void> {
    for (const seg of filed) {
      await unlink(seg.path).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
      });
    }
    this.older = this.older.filter((seg) => !filed.includes(seg));
    this.bytes -= this.sealedBytes;
    this.sealedBytes = 0;
    await syncFolder(dirname(this.base));
  }

  /** The segment the next batch goes to. */
  get activePath(): string {
    return this.active.path;
  }

  get hasUnfiled(): boolean {
    return this.older.length > 0 || this.handle !== null;
  }

  async close(): Promise<void> {
    await this.handle?.close();
    this.handle = null;
  }
}

function segment(base: string, seq: number, pid: number): JournalSegment {
  return { path: `${base}.${seq}-${pid}`, seq, pid };
}

async function existingSegments(base: string): Promise<JournalSegment[]> {
  const prefix = `${basename(base)}.`;
  const names = await readdir(dirname(base)).catch(() => [] as string[]);
  return names
    .filter((name) => name.startsWith(prefix) && /^\d+-\d+$/.test(name.slice(prefix.length)))
    .map((name) => {
      const [seq, pid] = name.slice(prefix.length).split('-').map(Number) as [number, number];
      return { path: join(dirname(base), name), seq, pid };
    })
    .sort((a, b) => a.seq - b.seq || a.pid - b.pid);
}

/** Whether the process `pid` still runs (EPERM: it exists but belongs to someone else). */
export function writerAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
