// The write-ahead journal on a real disk: segments are zero-filled ahead of the appends, and
// what was acknowledged reads back after a restart whatever the unused space holds.
import { open, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { convertStore } from '../../src/store/encryptionConversion.js';
import { parseDataKey, useDataKeys } from '../../src/store/encryption.js';
import { Journal, writtenPart } from '../../src/store/journal.js';
import { tempDir } from '../support/tempDir.js';

type Note = { id: string; text: string };
const note = (id: string, text = 'x'.repeat(100)): readonly [string, Note] => [id, { id, text }];

async function segmentsIn(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((name) => name.startsWith('notes.journal.')).sort();
}

describe('Journal', () => {
  it('appends into space filled beforehand, and reads back only what was written', async () => {
    const dir = await tempDir();
    const { journal } = await Journal.open<Note>(join(dir, 'notes.journal'));
    await journal.append([note('a'), note('b')]);
    await journal.append([note('a', 'changed')]);
    const [segment] = await segmentsIn(dir);
    const text = await readFile(join(dir, segment!), 'utf8');
    // The file is larger than its lines: the rest is the zero-filled space of later appends.
    expect((await stat(join(dir, segment!))).size).toBeGreaterThan(writtenPart(text).length);
    // Each batch: a line saying how many changes follow, then the changes.
    expect(writtenPart(text).split('\n').filter(Boolean)).toEqual([
      '["",2]',
      JSON.stringify(note('a')),
      JSON.stringify(note('b')),
      '["",1]',
      JSON.stringify(note('a', 'changed')),
    ]);

    const reopened = await Journal.open<Note>(join(dir, 'notes.journal'));
    expect(reopened.entries.map(([id, value]) => [id, value?.text])).toEqual([
      ['a', 'x'.repeat(100)],
      ['b', 'x'.repeat(100)],
      ['a', 'changed'],
    ]);
    expect(reopened.journal.hasUnfiled).toBe(true);
  });

  it('reads lines written before batches had a header each on their own', async () => {
    const dir = await tempDir();
    const path = join(dir, 'notes.journal.1-999999999');
    await writeFile(path, `${JSON.stringify(note('a'))}\n${JSON.stringify(note('b'))}\n["",1]\n${JSON.stringify(note('c'))}\n`);
    expect((await Journal.open<Note>(join(dir, 'notes.journal'))).entries.map(([id]) => id)).toEqual(['a', 'b', 'c']);
  });

  it('skips a torn last line before the unused space, and writes later changes to a new segment', async () => {
    const dir = await tempDir();
    const { journal } = await Journal.open<Note>(join(dir, 'notes.journal'));
    await journal.append([note('a')]);
    const [segment] = await segmentsIn(dir);
    const path = join(dir, segment!);
    // A crash mid-append: half a line, then the zeros that were there before.
    const written = writtenPart(await readFile(path, 'utf8'));
    const size = (await stat(path)).size;
    const torn = `${written}["b",{"id":"b","te`;
    await writeFile(path, torn + '\0'.repeat(size - torn.length));

    const reopened = await Journal.open<Note>(join(dir, 'notes.journal'));
    expect(reopened.entries.map(([id]) => id)).toEqual(['a']);
    await reopened.journal.append([note('c')]);
    expect(await segmentsIn(dir)).toHaveLength(2);
    const again = await Journal.open<Note>(join(dir, 'notes.journal'));
    expect(again.entries.map(([id]) => id)).toEqual(['a', 'c']);
  });

  it('keeps every change in order across many segments, and removes the ones never written to on close', async () => {
    const dir = await tempDir();
    const base = join(dir, 'notes.journal');
    const { journal } = await Journal.open<Note>(base);
    // 2 MB in 20 KB batches: more than the first segment holds, so the next is made ready and used.
    for (let i = 0; i < 100; i++) await journal.append([note(`n${i % 10}`, `${i}:${'y'.repeat(20_000)}`)]);
    expect((await segmentsIn(dir)).length).toBeGreaterThanOrEqual(2);
    await journal.close();

    const reopened = await Journal.open<Note>(base);
    expect(reopened.entries.map(([, value]) => Number(value?.text.split(':')[0]))).toEqual(Array.from({ length: 100 }, (_, i) => i));
    for (const name of await segmentsIn(dir)) expect(writtenPart(await readFile(join(dir, name), 'utf8'))).not.toBe('');
  });

  it('writes a batch larger than a fresh segment whole', async () => {
    const dir = await tempDir();
    const { journal } = await Journal.open<Note>(join(dir, 'notes.journal'));
    const big = Array.from({ length: 40 }, (_, i) => note(`big${i}`, 'z'.repeat(20_000)));
    await journal.append(big);
    const reopened = await Journal.open<Note>(join(dir, 'notes.journal'));
    expect(reopened.entries).toHaveLength(40);
    expect(reopened.entries.every(([, value]) => value?.text.length === 20_000)).toBe(true);
  });

  it('leaves a batch whose write failed part way out whole, its lines on disk too, and writes the next to a segment of its own', async () => {
    const dir = await tempDir();
    const { journal } = await Journal.open<Note>(join(dir, 'notes.journal'));
    // The disk takes half of the next write, then fails: as a full disk would.
    const probe = await open(join(dir, 'probe'), 'w');
    const fileHandle = Object.getPrototypeOf(probe) as { write: (...args: unknown[]) => Promise<unknown> };
    await probe.close();
    const write = fileHandle.write;
    fileHandle.write = async function (this: unknown, ...args: unknown[]) {
      const [data, offset, , position] = args as [Buffer, number, number, number];
      // The segment's zero-fill goes through; the batch's lines do not.
      if (data[0] === 0) return write.apply(this, args);
      fileHandle.write = write;
      // Its header and first change whole, the second torn.
      await write.call(this, data, offset, data.indexOf('\n', data.indexOf('\n') + 1) + 10, position);
      throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    };
    try {
      await expect(journal.append([note('a', 'lost'), note('b', 'lost')])).rejects.toThrow(/ENOSPC/);
    } finally {
      fileHandle.write = write;
    }
    await journal.append([note('c')]);
    expect(await segmentsIn(dir)).toHaveLength(2);
    const [failed] = await segmentsIn(dir);
    expect(writtenPart(await readFile(join(dir, failed!), 'utf8'))).toContain('"lost"');
    const reopened = await Journal.open<Note>(join(dir, 'notes.journal'));
    expect(reopened.entries).toEqual([note('c')]);
  });

  it('removes on start a segment prepared but never written to by a writer that is gone', async () => {
    const dir = await tempDir();
    // A process that no longer runs made this segment ready, then was killed.
    const stray = join(dir, 'notes.journal.7-999999999');
    await writeFile(stray, '\0'.repeat(4096));
    const { journal, entries } = await Journal.open<Note>(join(dir, 'notes.journal'));
    expect(entries).toEqual([]);
    expect(journal.hasUnfiled).toBe(false);
    expect(await segmentsIn(dir)).toEqual([]);
  });

  it('seals and removes the filed segments, leaving the space made ready for the next change', async () => {
    const dir = await tempDir();
    const { journal } = await Journal.open<Note>(join(dir, 'notes.journal'));
    await journal.append([note('a')]);
    const { sealed, closed } = journal.seal();
    await closed;
    await journal.remove(sealed);
    expect(journal.hasUnfiled).toBe(false);
    expect(journal.bytes).toBe(0);
    await journal.append([note('b')]);
    expect((await Journal.open<Note>(join(dir, 'notes.journal'))).entries.map(([id]) => id)).toEqual(['b']);
  });

  it('is sealed line by line by the encryption conversion, the unused space left out', async () => {
    const dir = await tempDir();
    const { journal } = await Journal.open<Note>(join(dir, 'notes.journal'));
    await journal.append([note('a', 'Carmen')]);
    await journal.close();
    const key = parseDataKey(Buffer.alloc(32, 7).toString('base64'));
    await convertStore(dir, key, []);
    const [segment] = await segmentsIn(dir);
    const text = await readFile(join(dir, segment!), 'utf8');
    expect(text).not.toContain('Carmen');
    expect(text).not.toContain('\0');
    useDataKeys(key);
    try {
      expect((await Journal.open<Note>(join(dir, 'notes.journal'))).entries).toEqual([note('a', 'Carmen')]);
    } finally {
      useDataKeys(undefined);
    }
  });
});
