import { spawn } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { StaffInputError, addStaff, listStaff, newStaffRecord, removeStaff, staffTable } from '../../src/cli/staffCommands.js';
import { JsonStore } from '../../src/store/jsonStore.js';
import { caseRecord, staffRecord } from '../support/records.js';
import { tempDir } from '../support/tempDir.js';

const NOW = new Date('2026-11-23T09:00:00Z');
const AAD_ID = '6f1c2a7e-93b4-4d0a-b1a2-3c4d5e6f7a8b';

let store: JsonStore | undefined;
afterEach(async () => {
  await store?.close();
  store = undefined;
});

async function openStore(dir?: string): Promise<JsonStore> {
  store = await JsonStore.open(dir ?? (await tempDir()));
  return store;
}

describe('newStaffRecord', () => {
  it('fills in the defaults: team general, 120 hours, Spanish, Europe/Madrid', () => {
    expect(newStaffRecord({ id: ` ${AAD_ID} `, name: ' Lucía Martín ', role: 'worker' }, NOW)).toEqual({
      id: AAD_ID,
      name: 'Lucía Martín',
      role: 'worker',
      team: 'general',
      availableHoursPerMonth: 120,
      language: 'es',
      timeZone: 'Europe/Madrid',
      createdAt: '2026-11-23T09:00:00.000Z',
    });
  });

  it('takes every option, with the time zone in its canonical spelling', () => {
    const staff = newStaffRecord(
      {
        id: 'sup-9',
        name: 'Tom Baker',
        role: 'Supervisor',
        team: 'sur',
        hours: '37,5',
        language: 'EN',
        timezone: 'america/bogota',
      },
      NOW,
    );
    expect(staff).toMatchObject({ role: 'supervisor', team: 'sur', availableHoursPerMonth: 37.5, language: 'en', timeZone: 'America/Bogota' });
  });

  it.each([
    [{ name: 'A', role: 'worker' }, '--id is required'],
    [{ id: 'x', role: 'worker' }, '--name is required'],
    [{ id: 'x', name: '  ', role: 'worker' }, '--name is required'],
    [{ id: 'x', name: 'A' }, '--role is required'],
    [{ id: 'x', name: 'A', role: 'boss' }, 'unknown role "boss": use worker, supervisor or admin'],
    [{ id: 'x', name: 'A', role: 'worker', timezone: 'Mars/Olympus' }, 'unknown time zone "Mars/Olympus"'],
    [{ id: 'x', name: 'A', role: 'worker', timezone: 'EST' }, 'unknown time zone "EST"'],
    [{ id: 'x', name: 'A', role: 'worker', hours: 'lots' }, '--hours must be the available hours a month'],
    [{ id: 'x', name: 'A', role: 'worker', hours: '800' }, 'a number from 0 to 744, not "800"'],
    [{ id: 'x', name: 'A', role: 'worker', language: 'fr' }, 'unknown language "fr": use es or en'],
    [{ id: 'x', name: 'A'.repeat(201), role: 'worker' }, 'invalid name'],
  ])('refuses %o with a clear message', (options, message) => {
    expect(() => newStaffRecord(options, NOW)).toThrow(StaffInputError);
    expect(() => newStaffRecord(options, NOW)).toThrow(message);
  });
});

describe('addStaff', () => {
  it('stores the record on disk and writes an audit entry without names', async () => {
    const dir = await tempDir();
    const opened = await openStore(dir);
    await addStaff(opened.repositories, newStaffRecord({ id: AAD_ID, name: 'Lucía Martín', role: 'worker' }, NOW));
    await opened.close();
    store = undefined;

    const reopened = await openStore(dir);
    expect((await reopened.repositories.staff.get(AAD_ID))?.name).toBe('Lucía Martín');
    const audit = await reopened.repositories.audit.readDay('2026-11-23');
    expect(audit).toEqual([{ at: '2026-11-23T09:00:00.000Z', actor: 'cli', action: 'staff.add', outcome: 'ok' }]);
  });

  it('refuses an id that is already registered and keeps the stored record', async () => {
    const { repositories } = await openStore();
    await repositories.staff.put(staffRecord({ id: 'worker-1', name: 'Lucía Martín' }));
    const duplicate = newStaffRecord({ id: 'worker-1', name: 'Otra Persona', role: 'admin' }, NOW);
    await expect(addStaff(repositories, duplicate)).rejects.toThrow('staff id "worker-1" is already registered');
    expect(await repositories.staff.get('worker-1')).toMatchObject({ name: 'Lucía Martín', role: 'worker' });
  });
});

describe('listStaff', () => {
  it("lists by role then name with each person's open cases, and no case content", async () => {
    const { repositories } = await openStore();
    await repositories.staff.put(staffRecord({ id: 'w-b', name: 'Pablo Ruiz' }));
    await repositories.staff.put(staffRecord({ id: 'w-a', name: 'Ana López' }));
    await repositories.staff.put(staffRecord({ id: 'boss', name: 'Marta Gil', role: 'supervisor' }));
    await repositories.cases.put(caseRecord({ id: 'C-AAAAAA', workerId: 'w-b' }));
    await repositories.cases.put(caseRecord({ id: 'C-BBBBBB', workerId: 'w-b', status: 'closed' }));

    const rows = await listStaff(repositories);
    expect(rows.map((r) => [r.staff.id, r.openCases])).toEqual([
      ['w-a', 0],
      ['w-b', 1],
      ['boss', 0],
    ]);
    const table = staffTable(rows);
    expect(table.split('\n')[0]).toMatch(/^ID\s+NAME\s+ROLE\s+TEAM\s+HOURS\s+LANG\s+TIME ZONE\s+OPEN CASES$/);
    expect(table).toContain('Pablo Ruiz');
    expect(table).not.toContain('Ana P.'); // the client's name in the case
  });

  it('says how to add someone when nobody is registered', async () => {
    const { repositories } = await openStore();
    expect(staffTable(await listStaff(repositories))).toContain('npm run staff -- add');
  });
});

describe('removeStaff', () => {
  it('removes someone whose cases are all closed', async () => {
    const { repositories } = await openStore();
    await repositories.staff.put(staffRecord({ id: 'w-1' }));
    await repositories.cases.put(caseRecord({ id: 'C-CCCCCC', workerId: 'w-1', status: 'closed' }));
    const removed = await removeStaff(repositories, 'w-1', NOW);
    expect(removed.id).toBe('w-1');
    expect(await repositories.staff.get('w-1')).toBeUndefined();
  });

  it('refuses while they hold open cases, naming how many by id only', async () => {
    const { repositories } = await openStore();
    await repositories.staff.put(staffRecord({ id: 'w-1' }));
    await repositories.cases.put(caseRecord({ id: 'C-DDDDDD', workerId: 'w-1' }));
    await repositories.cases.put(caseRecord({ id: 'C-EEEEEE', workerId: 'w-1' }));
    const error = await removeStaff(repositories, 'w-1', NOW).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StaffInputError);
    expect((error as Error).message).toBe('"w-1" still holds 2 open cases (C-DDDDDD, C-EEEEEE): reassign or close them first');
    expect(await repositories.staff.get('w-1')).toBeDefined();
  });

  it('refuses an unknown id', async () => {
    const { repositories } = await openStore();
    await expect(removeStaff(repositories, 'nobody', NOW)).rejects.toThrow('no staff member has id "nobody"');
    await expect(removeStaff(repositories, undefined, NOW)).rejects.toThrow('--id is required');
  });
});

/** Runs `npm run staff -- …` as the admin would (without npm), on `dataDir`. */
function runCli(dataDir: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '../../src/cli/staff.ts'), ...args], {
    env: { ...process.env, DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

// Each run starts Node and tsx, which takes seconds on a busy machine.
describe('npm run staff', { timeout: 90_000 }, () => {
  it('adds, lists and removes, with the change on disk each time', async () => {
    const dir = await tempDir();
    const added = await runCli(dir, ['add', '--id', AAD_ID, '--name', 'Lucía Martín', '--role', 'worker', '--team', 'norte']);
    expect(added).toMatchObject({ code: 0, stderr: '' });
    expect(added.stdout).toContain(`Added worker ${AAD_ID} (Lucía Martín), team norte, 120 h/month`);
    expect(added.stdout).toContain('picks up this change after a restart');

    const listed = await runCli(dir, ['list']);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(new RegExp(`${AAD_ID}\\s+Lucía Martín\\s+worker\\s+norte\\s+120\\s+es\\s+Europe/Madrid\\s+0`));

    const removed = await runCli(dir, ['remove', '--id', AAD_ID]);
    expect(removed.code).toBe(0);
    expect(removed.stdout).toContain(`Removed worker ${AAD_ID} (Lucía Martín)`);
    const reopened = await openStore(dir);
    expect(await reopened.repositories.staff.all()).toEqual([]);
  });

  it('answers bad input with one line on stderr and exit code 2, creating nothing', async () => {
    const dir = join(await tempDir(), 'data');
    for (const args of [
      ['add', '--id', 'x', '--name', 'A', '--role', 'boss'],
      ['add', '--id', 'x', '--name', 'Lucía', 'Martín', '--role', 'worker'],
      ['list', '--colour', 'blue'],
    ]) {
      const result = await runCli(dir, args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr.trimEnd().split('\n'), args.join(' ')).toHaveLength(1);
      expect(result.stderr).toMatch(/^Error: /);
    }
    await expect(readdir(dir)).rejects.toThrow(/ENOENT/);
  });

  it('refuses a removal with open cases with exit code 2 and keeps the person', async () => {
    const dir = await tempDir();
    const opened = await openStore(dir);
    await opened.repositories.staff.put(staffRecord({ id: 'w-1' }));
    await opened.repositories.cases.put(caseRecord({ id: 'C-FFFFFF', workerId: 'w-1' }));
    await opened.close();
    store = undefined;

    const result = await runCli(dir, ['remove', '--id', 'w-1']);
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr.trim()).toBe('Error: "w-1" still holds 1 open case (C-FFFFFF): reassign or close them first');
    const reopened = await openStore(dir);
    expect(await reopened.repositories.staff.get('w-1')).toBeDefined();
  });
});
