// Converting a store in place: encrypting a plain one, or re-encrypting it under a new key.
// Every file is first read and checked, so a file the keys cannot open stops the conversion
// before anything is written. Then each file is replaced atomically (temp file, fsync, rename),
// so a crash at any point leaves every file whole, under the old form or the new; running the
// conversion again finishes the job. Run it with the bot stopped.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileDurably } from './durableFile.js';
import { isSealed, openTextWith, sealText, sealedKeyId, type DataKey } from './encryption.js';
import { StoreError } from './errors.js';
import { writtenPart } from './journal.js';

/** The audit log's folder: one JSON line per entry, each line sealed on its own. */
const AUDIT_FOLDER = 'audit';

export interface ConversionResult {
  /** Files rewritten under the target key. */
  converted: number;
  /** Files already under the target key. */
  alreadyDone: number;
  /** Files found that are neither records nor audit days (left as they are). */
  leftAlone: string[];
}

interface Planned {
  path: string;
  /** A record is sealed whole; an audit day, a snapshot or a journal segment line by line. */
  kind: 'record' | 'auditDay';
}

/**
 * Brings every record file and audit day under DATA_DIR to `target`. Files may be plain or
 * sealed under any of `readable` (the old key during a rotation). meta.json, which holds no
 * personal data, stays plain.
 */
export async function convertStore(
  dataDir: string,
  target: DataKey,
  readable: readonly DataKey[],
  onProgress: (done: number, total: number) => void = () => {},
): Promise<ConversionResult> {
  const keys = [...readable, target];
  const { planned, leftAlone } = await listFiles(dataDir);
  // Check everything before writing anything.
  const toConvert: Planned[] = [];
  for (const file of planned) {
    const text = await readFile(file.path, 'utf8');
    const pieces = piecesOf(file, text);
    let pending = false;
    for (const piece of pieces) {
      if (sealedKeyId(piece) === target.id) {
        openTextWith(piece, file.path, keys);
        continue;
      }
      pending = true;
      const plain = isSealed(piece) ? openTextWith(piece, file.path, keys) : piece;
      try {
        JSON.parse(plain);
      } catch (error) {
        throw new StoreError(file.path, `is not valid JSON (${(error as Error).message}): fix or restore it first`);
      }
    }
    if (pending) toConvert.push(file);
  }
  let done = 0;
  for (const file of toConvert) {
    // Read again rather than held, so a large store is never all in memory at once.
    const text = await readFile(file.path, 'utf8');
    const reseal = (piece: string) =>
      sealedKeyId(piece) === target.id ? piece : sealText(isSealed(piece) ? openTextWith(piece, file.path, keys) : piece, target);
    const content = file.kind === 'record' ? reseal(text) : `${piecesOf(file, text).map(reseal).join('\n')}\n`;
    await writeFileDurably(file.path, content);
    done++;
    if (done % 100 === 0 || done === toConvert.length) onProgress(done, toConvert.length);
  }
  return { converted: toConvert.length, alreadyDone: planned.length - toConvert.length, leftAlone };
}

/** What is sealed on its own: a record whole, the other files each line (a journal segment up to its unused space). */
function piecesOf(file: Planned, text: string): string[] {
  return file.kind === 'record' ? [text] : writtenPart(text).split('\n').filter(Boolean);
}

/** Every record file (`<collection>/<id>.json`) and audit day (`audit/<day>.jsonl`), in name order. */
async function listFiles(dataDir: string): Promise<{ planned: Planned[]; leftAlone: string[] }> {
  const planned: Planned[] = [];
  const leftAlone: string[] = [];
  for (const folder of (await readdir(dataDir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
    if (!folder.isDirectory()) {
      // A collection's snapshot and journal are sealed line by line, like an audit day.
      if (folder.name.endsWith('.snapshot') || /\.journal\.\d+-\d+$/.test(folder.name)) planned.push({ path: join(dataDir, folder.name), kind: 'auditDay' });
      else if (folder.name !== 'meta.json') leftAlone.push(folder.name);
      continue;
    }
    const audit = folder.name === AUDIT_FOLDER;
    for (const entry of (await readdir(join(dataDir, folder.name), { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dataDir, folder.name, entry.name);
      // Temp files are writes that never completed; the store removes them at start.
      if (entry.name.endsWith('.tmp')) continue;
      if (entry.isFile() && entry.name.endsWith(audit ? '.jsonl' : '.json')) {
        planned.push({ path, kind: audit ? 'auditDay' : 'record' });
      } else {
        leftAlone.push(join(folder.name, entry.name));
      }
    }
  }
  return { planned, leftAlone };
}
