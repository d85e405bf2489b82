// A collection's snapshot, beside its folder (`cases.snapshot`): a JSON line with the
// schema's fingerprint, then a JSON line per record file (its name, size, modification time,
// the digest of its content when known valid, and what memory holds of it) or, for a
// collection without record files, per record. Each line is sealed on its own when a key is
// set, so the snapshot is written as a stream and never held whole in memory.
import { open, readFile, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { syncFolder } from './durableFile.js';
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
  const handle = await open(temp, 'w', 0o600);
  try {
    let chunk = `${sealText(JSON.stringify(fingerprint))}\n`;
    for (const line of lines) {
      chunk += `${sealText(JSON.stringify(line))}\n`;
      if (chunk.length >= CHUNK_CHARS) {
        await handle.write(chunk);
        chunk = '';
      }
    }
    await handle.write(chunk);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await handle.close();
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
