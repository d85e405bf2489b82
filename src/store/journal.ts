// A collection's write-ahead journal: each batch of changes is appended as lines and made
// durable with one synchronous write (O_DSYNC), so a change costs one sync however large the store. The
// journal is cut into segments (`<base>.<seq>-<pid>`): compaction seals the active segment,
// files what it holds, then deletes it. A crash or a failed write in the middle of an append
// leaves a batch in part, which was never acknowledged and is skipped whole.
import { constants } from 'node:fs';
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

/**
 * Segments are zero-filled and synced before use, so an append overwrites allocated space and
 * its sync has only data to write, no size or block map: about half the latency of growing a
 * file. The first segment is small, as most collections change little; a collection that
 * fills it gets full-size segments, each made ready in the background while the last fills.
 */
const FIRST_SEGMENT_BYTES = 256 * 1024;
const SEGMENT_BYTES = 8 * 1024 * 1024;
const ZERO_CHUNK_BYTES = 1024 * 1024;

interface OpenedSegment {
  handle: FileHandle;
  capacity: number;
}

/** A segment file being made ready to write to. */
interface ReadySegment {
  segment: JournalSegment;
  opening: Promise<OpenedSegment>;
}

export class Journal<T> {
  /** The segment the next batch goes to; opened on the first append. */
  private active: ReadySegment | null = null;
  /** Bytes appended to the active segment. */
  private used = 0;
  /** The segment after the active one, prepared in the background once the active is half full. */
  private spare: ReadySegment | null = null;
  private nextCapacity = FIRST_SEGMENT_BYTES;
  private unmade: JournalSegment | null = null;
  /** Segments written or replayed by this process and not yet filed. */
  private older: JournalSegment[] = [];
  /** Bytes in the segments not yet filed. */
  bytes = 0;
  private sealedBytes = 0;

  private constructor(
    private readonly base: string,
    private nextSeq: number,
  ) {}

  /**
   * Opens the journal beside `base`, returning what it holds, oldest first. Segments still
   * being written by another live process (a CLI beside the bot) are read but never deleted.
   */
  static async open<T>(base: string): Promise<{ journal: Journal<T>; entries: JournalEntry<T>[] }> {
    const found = await existingSegments(base);
    const journal = new Journal<T>(base, Math.max(0, ...found.map((s) => s.seq)) + 1);
    const entries: JournalEntry<T>[] = [];
    for (const seg of found) {
      const text = writtenPart(await readFile(seg.path, 'utf8'));
      const ours = !writerAlive(seg.pid) || seg.pid === process.pid;
      // A segment prepared but never written to: nothing to file.
      if (text === '' && ours) {
        await unlink(seg.path).catch(() => undefined);
        continue;
      }
      journal.bytes += text.length;
      entries.push(...wholeBatches<T>(text, seg.path));
      if (ours) journal.older.push(seg);
    }
    return { journal, entries };
  }

  /** Appends the changes and waits until they are on disk. */
  async append(entries: readonly JournalEntry<T>[]): Promise<void> {
    const lines = [JSON.stringify(batchHeader(entries.length)), ...entries.map((entry) => JSON.stringify(entry))];
    const data = Buffer.from(lines.map((line) => `${sealText(line)}\n`).join(''));
    let opened: OpenedSegment;
    try {
      opened = await this.activeSegment(data.length);
      if (this.used > 0 && this.used + data.length > opened.capacity) {
        this.seal();
        opened = await this.activeSegment(data.length);
      }
    } catch (error) {
      // No segment to write to: nothing of the batch is on disk.
      await this.seal().closed.catch(() => undefined);
      throw error;
    }
    try {
      // A batch larger than a fresh segment grows its file: slower, never wrong.
      await opened.handle.write(data, 0, data.length, this.used);
    } catch (error) {
      // Part of the batch may be in the file, even at its start: later batches go to a new
      // segment, so that a torn line is the last of its segment (skipped on start), never
      // overwritten in part or glued to the next.
      await this.retireActive().catch(() => undefined);
      throw error;
    }
    this.used += data.length;
    this.bytes += data.length;
    if (this.used * 2 >= opened.capacity && !this.spare) this.spare = this.prepare(this.nextCapacity);
  }

  private activeSegment(needed: number): Promise<OpenedSegment> {
    if (!this.active) {
      this.active = this.spare ?? this.prepare(Math.max(needed, this.nextCapacity));
      this.spare = null;
    }
    return this.active.opening;
  }

  /** Creates the next segment, zero-filled to `capacity` and synced, its name too. */
  private prepare(capacity: number): ReadySegment {
    // A segment that could not be created is tried again under its name, not a new one each time.
    const seg = this.unmade ?? segment(this.base, this.nextSeq++, process.pid);
    this.unmade = null;
    this.nextCapacity = SEGMENT_BYTES;
    const opening = (async () => {
      const handle = await open(seg.path, 'w', 0o600);
      try {
        const zeros = Buffer.alloc(Math.min(capacity, ZERO_CHUNK_BYTES));
        for (let at = 0; at < capacity; at += zeros.length) await handle.write(zeros, 0, Math.min(zeros.length, capacity - at), at);
        await handle.sync();
        // The new file's name must reach the disk too, or a crash could lose the segment.
        await syncFolder(dirname(seg.path));
      } catch (error) {
        await handle.close().catch(() => undefined);
        throw error;
      }
      await handle.close();
      // Written with O_DSYNC: each write returns once its data is on disk, one call where a
      // write and an fdatasync would be two trips through the thread pool.
      return { handle: await open(seg.path, constants.O_RDWR | constants.O_DSYNC), capacity };
    })();
    // A spare that failed is noticed when it is needed.
    opening.catch(() => undefined);
    return { segment: seg, opening };
  }

  /**
   * Seals the active segment at once (later appends go to a new one) and returns every sealed
   * segment; `closed` resolves once the sealed file is closed. Call it between appends.
   */
  seal(): { sealed: JournalSegment[]; closed: Promise<void> } {
    const active = this.active;
    let closed = Promise.resolve();
    if (active && this.used > 0) {
      closed = this.retireActive();
    } else if (active) {
      // Opened but unwritten: it stays the active segment (a failed one is dropped).
      closed = active.opening.then(
        () => undefined,
        () => {
          if (this.active !== active) return;
          this.active = null;
          this.unmade = active.segment;
        },
      );
    }
    this.sealedBytes = this.bytes;
    return { sealed: [...this.older], closed };
  }

  /** Moves the active segment to the sealed ones, to be filed and deleted by the next compaction. */
  private retireActive(): Promise<void> {
    const active = this.active;
    if (!active) return Promise.resolve();
    this.older.push(active.segment);
    this.active = null;
    this.used = 0;
    return active.opening.then(({ handle }) => handle.close());
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
    return (this.active?.segment ?? this.unmade ?? this.spare?.segment ?? segment(this.base, this.nextSeq, process.pid)).path;
  }

  get hasUnfiled(): boolean {
    return this.older.length > 0 || this.used > 0;
  }

  /** Closes the files; segments prepared but never written to are removed. */
  async close(): Promise<void> {
    const unwritten = [this.used === 0 ? this.active : null, this.spare].filter((ready) => ready !== null);
    const active = this.used > 0 ? this.active : null;
    this.active = null;
    this.spare = null;
    this.used = 0;
    if (active) await (await active.opening).handle.close();
    for (const ready of unwritten) {
      const opened = await ready.opening.catch(() => undefined);
      await opened?.handle.close();
      await unlink(ready.segment.path).catch(() => undefined);
    }
  }
}

/**
 * Each batch starts with a line that says how many changes follow: a batch whose write failed
 * part way (its caller told so, its changes rolled back) is left out whole, even where some of
 * its lines reached the disk. Lines with no such header, from before batches had one, count
 * each on its own.
 */
const batchHeader = (changes: number) => ['', changes] as const;

function isBatchHeader(line: unknown[]): boolean {
  return line.length === 2 && line[0] === '' && Number.isInteger(line[1]);
}

/** The changes of a segment's complete batches, oldest first. */
function wholeBatches<T>(text: string, path: string): JournalEntry<T>[] {
  const entries: JournalEntry<T>[] = [];
  let batch: JournalEntry<T>[] = [];
  let owed = 0;
  // Only whole lines: a line without its line break was never acknowledged.
  const lines = text.slice(0, text.lastIndexOf('\n') + 1).split('\n');
  lines.forEach((line, n) => {
    if (!line) return;
    let entry: unknown;
    try {
      entry = JSON.parse(openText(line, path));
    } catch (error) {
      if (error instanceof StoreError) throw error;
      throw new StoreError(path, `has a line (${n + 1}) that is not valid JSON: restore the store from a backup`);
    }
    if (!Array.isArray(entry) || typeof entry[0] !== 'string') throw new StoreError(path, `has a line (${n + 1}) that is not a change`);
    if (isBatchHeader(entry)) {
      batch = [];
      owed = entry[1] as number;
    } else if (owed > 0) {
      batch.push(entry as unknown as JournalEntry<T>);
      if (--owed === 0) entries.push(...batch);
    } else {
      entries.push(entry as unknown as JournalEntry<T>);
    }
  });
  return entries;
}

/** What was written to a segment: the zero-filled space after it was never used. */
export function writtenPart(text: string): string {
  const end = text.indexOf('\0');
  return end === -1 ? text : text.slice(0, end);
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
