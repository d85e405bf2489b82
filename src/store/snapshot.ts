// A collection's snapshot, beside its folder (`cases.snapshot`): a JSON line with the
// schema's fingerprint, then a JSON line per record file (its name, size, modification time,
// the digest of its content when known valid, and what memory holds of it) or, for a
// collection without record files, per record. Each line is sealed on its own when a key is
// set, so the snapshot is written as a stream and never held whole in memory.
import { readFile, rename } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { syncFolder, writeSynced } from './durableFile.js';
import { openText, sealText } from './encryption.js';
import { StoreError } from './errors.js';

export type SnapshotLine = [file: string, size: number, mtimeMs: number, digest: string, held: unknown];

/** Text written at once: large enough for few writes, small enough to stay out of the way. */
const CHUNK_CHARS = 1 << 20;

let tempCounter = 0;

/** Writes the snapshot durably (temp file in the collection's folder, fsync, rename, folder fsync). */
export async function writeSnapshot(path: string, folder: string, fingerprint: string, lines: Iterable<SnapshotLine>): Promise<void> {
  // In the folder, so a temp file left by a crash is removed as the folder's others are.
  const temp = join(folder, `${basename(path)}.${process.pid}.${++tempCounter}.tmp`);
  await writeSynced(temp, async (write) => {
    let chunk = `${sealText(JSON.stringify(fingerprint))}\n`;
    for (const line of lines) {
      chunk += `${sealText(JSON.stringify(line))}\n`;
      if (chunk.length >= CHUNK_CHARS) {
        await write(chunk);
        chunk = '';
      }
    }
    await write(chunk);
  });
  await rename(temp, path);
  await syncFolder(dirname(path));
}

/** The snapshot's fingerprint and lines; undefined when there is none. */
export async function readSnapshot(path: string): Promise<{ fingerprint: unknown; lines: SnapshotLine[] } | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const [header = '', ...rest] = text.split('\n');
  const parse = (line: string, n: number): unknown => {
    try {
      return JSON.parse(openText(line, path));
    } catch (error) {
      if (error instanceof StoreError) throw error;
      throw new StoreError(path, `has a line (${n + 1}) that is not valid JSON: restore the store from a backup`);
    }
  };
  let fingerprint: unknown;
  try {
    fingerprint = parse(header, 0);
  } catch (error) {
    if (error instanceof StoreError && !/not valid JSON/.test(error.problem)) throw error;
    fingerprint = undefined;
  }
  return { fingerprint, lines: rest.filter(Boolean).map((line, n) => parse(line, n + 1) as SnapshotLine) };
}

/**
 * The snapshot as a collection loads it: with record files, its lines by file name (none when
 * missing, unreadable or written under another schema: a hint only); without, the records it
 * holds, checked against `schema` when it was written under another one (`stale`: write it again).
 */
export async function loadSnapshot(
  path: string,
  fingerprint: string | undefined,
  recordFiles: boolean,
  check: (value: unknown) => unknown,
): Promise<{ lines: Map<string, SnapshotLine>; stale: boolean }> {
  let snapshot: Awaited<ReturnType<typeof readSnapshot>>;
  try {
    snapshot = await readSnapshot(path);
  } catch (error) {
    // Without record files the snapshot is the data: it must be readable.
    if (!recordFiles) throw error;
    return { lines: new Map(), stale: false };
  }
  if (!snapshot) return { lines: new Map(), stale: false };
  const current = fingerprint !== undefined && snapshot.fingerprint === fingerprint;
  if (recordFiles) return { lines: current ? new Map(snapshot.lines.map((line) => [line[0], line])) : new Map(), stale: false };
  const lines = snapshot.lines.map((line, n): [string, SnapshotLine] => [`#${n}`, ['', 0, 0, '', current ? line[4] : check(line[4])]]);
  return { lines: new Map(lines), stale: !current };
}
