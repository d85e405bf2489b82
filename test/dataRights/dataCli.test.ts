// `npm run data` on a seeded store: export writes the JSON and the summary; retention lists
// what is due; block and erase act only after the case id is typed back, and only for an admin.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/cli/seedDemo.js';
import { DEMO_CASE_IDS, PLAYGROUND_USERS } from '../../src/demo/demoData.js';
import { JsonStore } from '../../src/store/jsonStore.js';
import { tempDir } from '../support/tempDir.js';
import { runData } from './runData.js';

const CLOSED = DEMO_CASE_IDS.clinical;
const ADMIN = PLAYGROUND_USERS.admin.aadObjectId;
const NOW_PERIODS = ['--years', '0', '--blocked-years', '0'];

async function seeded(): Promise<string> {
  const dataDir = await tempDir();
  const store = await JsonStore.open(dataDir);
  await seedDemo(store.repositories, new Date());
  await store.close();
  return dataDir;
}

async function filesHolding(dir: string, text: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
  const holding: string[] = [];
  for (const file of files) if ((await readFile(file, 'utf8')).includes(text)) holding.push(file);
  return holding;
}

describe('npm run data', { timeout: 180_000 }, () => {
  it('exports a case to a JSON file and a summary beside it', async () => {
    const dataDir = await seeded();
    const out = join(await tempDir(), 'export', 'carmen.json');
    const run = await runData(dataDir, ['export', '--case', DEMO_CASE_IDS.strengths, '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const document = JSON.parse(await readFile(out, 'utf8'));
    expect(document.case.client.name).toBe('Carmen R.');
    expect(await readFile(out.replace(/\.json$/, '.txt'), 'utf8')).toContain('- Nombre: Carmen R.');

    const bad = await runData(dataDir, ['export', '--case', 'C-ZZZZZZ', '--out', out]);
    expect([bad.code, bad.stderr.trim()]).toEqual([2, 'Error: no case has id "C-ZZZZZZ"']);
  });

  it('lists what is due, blocks and erases only once confirmed, and leaves no file naming the client', async () => {
    const dataDir = await seeded();
    const retention = await runData(dataDir, ['retention', ...NOW_PERIODS]);
    expect(retention.code).toBe(0);
    expect(retention.stdout).toMatch(new RegExp(`${CLOSED}\\s+\\d{4}-\\d\\d-\\d\\d\\s+block`));

    const noAdmin = await runData(dataDir, ['block', '--case', CLOSED, ...NOW_PERIODS], { input: `${CLOSED}\n` });
    expect(noAdmin.code).toBe(2);
    expect(noAdmin.stderr).toContain('--admin is required');
    const notConfirmed = await runData(dataDir, ['block', '--case', CLOSED, '--admin', ADMIN, ...NOW_PERIODS], { input: 'no\n' });
    expect([notConfirmed.code, notConfirmed.stderr.includes('Not confirmed: nothing changed.')]).toEqual([2, true]);
    expect(await readFile(join(dataDir, 'cases', `${CLOSED}.json`), 'utf8')).not.toContain('"blocked"');

    const blocked = await runData(dataDir, ['block', '--case', CLOSED, '--admin', ADMIN, ...NOW_PERIODS], { input: `${CLOSED}\n` });
    expect(blocked.stdout).toContain(`Blocked case ${CLOSED}`);
    expect(blocked.code).toBe(0);
    const notBlockedYet = await runData(dataDir, ['erase', '--case', DEMO_CASE_IDS.strengths, '--admin', ADMIN, ...NOW_PERIODS], {
      input: `${DEMO_CASE_IDS.strengths}\n`,
    });
    expect(notBlockedYet.code).toBe(2);
    expect(notBlockedYet.stderr).toContain('it must be blocked first');

    // The case's file, and the header a caseload lists, in the snapshot read at start.
    expect((await filesHolding(dataDir, 'Antonio G.')).sort()).toEqual([join(dataDir, 'cases', `${CLOSED}.json`), join(dataDir, 'cases.snapshot')].sort());
    const erased = await runData(dataDir, ['erase', '--case', CLOSED, '--admin', ADMIN, ...NOW_PERIODS], { input: `${CLOSED}\n` });
    expect(erased.stderr).toContain('Type the case id to confirm');
    expect(erased.stdout).toContain(`Erased case ${CLOSED}`);
    expect(erased.code).toBe(0);
    expect(await filesHolding(dataDir, 'Antonio G.')).toEqual([]);
    expect(await filesHolding(dataDir, '600 777 888')).toEqual([]);
  });
});
