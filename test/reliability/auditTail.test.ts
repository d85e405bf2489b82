// A crash in the middle of an audit append leaves a torn last line. On start it is cut off
// (it was never acknowledged), so the next entry starts on a line of its own and every line
// of the day reads back.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileAuditLog } from '../../src/store/fileAuditLog.js';
import { JsonStore } from '../../src/store/jsonStore.js';
import { tempDir } from '../support/tempDir.js';

const DAY = '2026-11-30';
const entry = (n: number) => ({ at: `${DAY}T10:00:0${n}.000Z`, actor: 'worker-1', action: 'case.read', caseId: 'C-TEST01', outcome: 'ok' as const });
const line = (n: number) => `${JSON.stringify(entry(n))}\n`;

describe('a torn last line in the audit log', () => {
  it.each([
    ['half an entry', line(3).slice(0, 25)],
    ['an entry without its line break', line(3).slice(0, -1)],
    ['one stray byte', '{'],
  ])('%s is cut off on start and the next entry is not glued to it', async (_name, torn) => {
    const dataDir = await tempDir();
    const store = await JsonStore.open(dataDir);
    await store.close();
    const file = join(dataDir, 'audit', `${DAY}.jsonl`);
    await writeFile(file, `${line(1)}${line(2)}${torn}`);

    const reopened = await JsonStore.open(dataDir);
    await reopened.repositories.audit.record({ ...entry(4), outcome: 'ok' });
    await reopened.close();

    const lines = (await readFile(file, 'utf8')).split('\n');
    expect(lines.pop()).toBe('');
    expect(lines.map((l) => JSON.parse(l) as { at: string })).toMatchObject([entry(1), entry(2), entry(4)]);
    const log = new FileAuditLog(join(dataDir, 'audit'));
    await log.open();
    expect((await log.readDay(DAY)).map((e) => e.at)).toEqual([entry(1).at, entry(2).at, entry(4).at]);
  });

  it('a file with no complete line is emptied, and whole files are left as they are', async () => {
    const dataDir = await tempDir();
    const folder = join(dataDir, 'audit');
    const log = new FileAuditLog(folder);
    await log.open();
    await writeFile(join(folder, '2026-11-28.jsonl'), '{"at":"2026-11-28T1');
    await writeFile(join(folder, '2026-11-29.jsonl'), `${line(1)}${line(2)}`);
    await new FileAuditLog(folder).open();
    expect(await readFile(join(folder, '2026-11-28.jsonl'), 'utf8')).toBe('');
    expect(await readFile(join(folder, '2026-11-29.jsonl'), 'utf8')).toBe(`${line(1)}${line(2)}`);
  });
});
