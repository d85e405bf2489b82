import { spawn } from 'node:child_process';
import { readdir, readFile, writeFile, mkdir, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StoreError } from '../../src/store/errors.js';
import { fileNameFor } from '../../src/store/fileCollection.js';
import { JsonStore } from '../../src/store/jsonStore.js';
import { caseRecord, staffRecord } from '../support/records.js';
import { tempDir } from '../support/tempDir.js';
import { failJournalWrites } from '../support/journalFault.js';

describe('JsonStore', () => {
  it('keeps records across a restart, one file per record', async () => {
    const dir = await tempDir();
    const store = await JsonStore.open(dir);
    await store.repositories.cases.put(caseRecord({ id: 'C-AAAAAA' }));
    await store.repositories.cases.put(caseRecord({ id: 'C-BBBBBB' }));
    await store.repositories.staff.put(staffRecord());
    await store.close();

    expect((await readdir(join(dir, 'cases'))).sort()).toEqual(['C-AAAAAA.json', 'C-BBBBBB.json']);
    const reopened = await JsonStore.open(dir);
    expect((await reopened.repositories.cases.get('C-BBBBBB'))?.client.name).toBe('Ana P.');
    expect(await reopened.repositories.staff.all()).toHaveLength(1);
    await reopened.close();
  });

  it('applies concurrent changes to one case one after another, losing neither', async () => {
    const dir = await tempDir();
    const store = await JsonStore.open(dir);
    const { cases } = store.repositories;
    await cases.put(caseRecord());
    const addContact = (n: number) =>
      cases.update(
        'C-TEST01',
        (c) =>
          c && {
            ...c,
            contacts: [
              ...c.contacts,
              {
                id: `K-${n}`,
                date: '2026-11-02',
                type: 'call' as const,
                minutes: n,
                withWhom: 'cliente',
                note: '',
                by: 'worker-1',
                at: '2026-11-02T10:00:00.000Z',
              },
            ],
          },
      );
    await Promise.all([addContact(1), addContact(2), addContact(3)]);
    await store.close();
    const reopened = await JsonStore.open(dir);
    expect((await reopened.repositories.cases.get('C-TEST01'))?.contacts.map((k) => k.id).sort()).toEqual(['K-1', 'K-2', 'K-3']);
    await reopened.close();
  });

  it('refuses an invalid change and keeps the record as it was', async () => {
    const dir = await tempDir();
    const store = await JsonStore.open(dir);
    await store.repositories.cases.put(caseRecord());
    await expect(store.repositories.cases.update('C-TEST01', (c) => ({ ...c!, priority: 'urgent' as never }))).rejects.toThrow();
    expect((await store.repositories.cases.get('C-TEST01'))?.priority).toBe('medium');
    await store.close();
  });

  it('rolls a change back when it cannot reach the disk, so no one sees it', async () => {
    const dir = await tempDir();
    const store = await JsonStore.open(dir);
    await store.repositories.cases.put(caseRecord());
    const fault = await failJournalWrites(store.repositories.cases);
    await expect(store.repositories.cases.update('C-TEST01', (c) => c && { ...c, priority: 'low' })).rejects.toThrow(/EISDIR/);
    expect((await store.repositories.cases.get('C-TEST01'))?.priority).toBe('medium');
    await expect(store.repositories.cases.put(caseRecord({ id: 'C-NEWONE' }))).rejects.toThrow();
    expect(await store.repositories.cases.get('C-NEWONE')).toBeUndefined();
    await fault.restore();
    await store.repositories.cases.update('C-TEST01', (c) => c && { ...c, priority: 'high' });
    await store.close();
    expect(JSON.parse(await readFile(join(dir, 'cases', 'C-TEST01.json'), 'utf8')).priority).toBe('high');
  });

  it('writes a batch of thousands of records without running out of file handles', async () => {
    const dir = await tempDir();
    const store = await JsonStore.open(dir);
    await Promise.all(Array.from({ length: 3000 }, (_, i) => store.repositories.users.put({ id: `user-${i}`, failedLinkAttempts: 0 })));
    // Acknowledged in the journal; compaction writes a file per record.
    await store.compact();
    expect(await readdir(join(dir, 'users'))).toHaveLength(3000);
    await store.close();
  });

  it('keeps the parts of a case a change left alone as they were held, and the whole across a restart', async () => {
    const dir = await tempDir();
    const store = await JsonStore.open(dir);
    const { cases } = store.repositories;
    const before = await cases.put(caseRecord());
    const after = (await cases.update('C-TEST01', (c) => c && { ...c, client: { ...c.client, name: 'Ana Pérez' } }))!;
    expect(after.goals).toBe(before.goals);
    expect(after.client).not.toBe(before.client);
    await store.close();
    const reopened = await JsonStore.open(dir);
    expect(await reopened.repositories.cases.get('C-TEST01')).toEqual(after);
    await reopened.close();
  });

  it('hands out frozen records, so a reader cannot change stored data by accident', async () => {
    const dir = await tempDir();
    const store = await JsonStore.open(dir);
    await store.repositories.cases.put(caseRecord());
    const record = (await store.repositories.cases.get('C-TEST01'))!;
    expect(() => (record.contacts as unknown[]).push({})).toThrow(TypeError);
    expect(() => {
      (record.client as { name: string }).name = 'X';
    }).toThrow(TypeError);
    await store.close();
  });

  it('deletes a record from memory and disk', async () => {
    const dir = await tempDir();
    const store = await JsonStore.open(dir);
    await store.repositories.users.put({ id: '29:abc/def', failedLinkAttempts: 0 });
    await store.compact();
    expect(await readdir(join(dir, 'users'))).toEqual([fileNameFor('29:abc/def')]);
    await store.repositories.users.delete('29:abc/def');
    expect(await store.repositories.users.get('29:abc/def')).toBeUndefined();
    await store.compact();
    expect(await readdir(join(dir, 'users'))).toEqual([]);
    await store.close();
  });

  it('stops on a corrupt file, naming it, and leaves it untouched', async () => {
    const dir = await tempDir();
    const store = await JsonStore.open(dir);
    await store.repositories.cases.put(caseRecord());
    await store.close();
    const file = join(dir, 'cases', 'C-TEST01.json');
    const corrupt = '{"id": "C-TEST01", "status": ';
    await writeFile(file, corrupt);

    const error = await JsonStore.open(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).file).toBe(file);
    expect((error as StoreError).message).toMatch(/not valid JSON/);
    expect(await readFile(file, 'utf8')).toBe(corrupt);
  });

  it('stops on a record that breaks the schema, naming the field', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'cases'), { recursive: true });
    await writeFile(join(dir, 'meta.json'), JSON.stringify({ schemaVersion: 1, createdAt: '2026-11-01T00:00:00Z' }));
    const invalid = JSON.stringify({ ...caseRecord(), model: 'psychic' });
    await writeFile(join(dir, 'cases', 'C-TEST01.json'), invalid);
    await expect(JsonStore.open(dir)).rejects.toThrow(/C-TEST01\.json: does not match the cases schema at "model"/);
    expect(await readFile(join(dir, 'cases', 'C-TEST01.json'), 'utf8')).toBe(invalid);
  });

  it('refuses data from a newer version and data without its meta file', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'meta.json'), JSON.stringify({ schemaVersion: 99, createdAt: '2026-11-01T00:00:00Z' }));
    await expect(JsonStore.open(dir)).rejects.toThrow(/schema version 99, newer/);

    const lost = await tempDir();
    await mkdir(join(lost, 'cases'));
    await expect(JsonStore.open(lost)).rejects.toThrow(/meta\.json: is missing but the folder holds data/);
  });

  it('migrates older records on open and records the new version', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'services'), { recursive: true });
    await writeFile(join(dir, 'meta.json'), JSON.stringify({ schemaVersion: 1, createdAt: '2026-11-01T00:00:00Z' }));
    // A version-1 service without `active`, which version 2 of this test's schema requires.
    const { active: _dropped, ...oldService } = {
      id: 'S-1',
      name: 'Banco de alimentos',
      category: 'food',
      provider: 'Cáritas',
      contact: '',
      cost: 0,
      eligibility: '',
      capacity: null,
      active: true,
    };
    await writeFile(join(dir, 'services', 'S-1.json'), JSON.stringify(oldService));
    const store = await JsonStore.open(dir, { schemaVersion: 2, migrations: { 1: { services: (r) => ({ active: true, ...r }) } } });
    expect((await store.repositories.services.get('S-1'))?.active).toBe(true);
    await store.close();
    expect(JSON.parse(await readFile(join(dir, 'services', 'S-1.json'), 'utf8')).active).toBe(true);
    expect(JSON.parse(await readFile(join(dir, 'meta.json'), 'utf8')).schemaVersion).toBe(2);
  });

  it('discards temp files of writes that never completed: old ones, and those of processes that are gone', async () => {
    const dir = await tempDir();
    await (await JsonStore.open(dir)).close();
    const gone = spawn(process.execPath, ['-e', '']);
    await new Promise((resolve) => gone.once('exit', resolve));
    const stale = join(dir, 'cases', `C-X.json.${process.pid}.1.tmp`);
    const ofDeadWriter = join(dir, 'cases', `C-Z.json.${gone.pid}.1.tmp`);
    const recent = join(dir, 'cases', `C-Y.json.${process.pid}.2.tmp`);
    for (const file of [stale, ofDeadWriter, recent]) await writeFile(file, '{"half');
    const anHourAgo = new Date(Date.now() - 3600_000);
    await utimes(stale, anHourAgo, anHourAgo);
    const store = await JsonStore.open(dir);
    // The recent one of a live process may be its write in progress: it is left alone.
    expect(await readdir(join(dir, 'cases'))).toEqual([`C-Y.json.${process.pid}.2.tmp`]);
    await store.close();
  });

  it('refuses a folder where a record file belongs, naming its path, and changes nothing', async () => {
    const dir = await tempDir();
    await (await JsonStore.open(dir)).close();
    const folder = join(dir, 'cases', 'C-X.json');
    await mkdir(folder);
    await expect(JsonStore.open(dir)).rejects.toThrow(`${folder}: is a folder where a data file belongs`);
    expect(await readdir(folder)).toEqual([]);
  });

  it('records audit entries durably, ids only', async () => {
    const dir = await tempDir();
    const store = await JsonStore.open(dir);
    await store.repositories.audit.record({ actor: 'worker-1', action: 'case.read', caseId: 'C-TEST01', at: '2026-11-22T10:00:00.000Z' });
    await store.repositories.audit.record({ actor: 'worker-2', action: 'case.read', caseId: 'C-TEST01', outcome: 'denied', at: '2026-11-22T10:01:00.000Z' });
    await store.close();
    const reopened = await JsonStore.open(dir);
    const entries = await reopened.repositories.audit.readDay('2026-11-22');
    expect(entries.map((e) => [e.actor, e.outcome])).toEqual([
      ['worker-1', 'ok'],
      ['worker-2', 'denied'],
    ]);
    await reopened.close();
  });

  it('keeps every case written, more than memory caches whole, before and after a restart', async () => {
    const dir = await tempDir();
    const store = await JsonStore.open(dir);
    const ids = Array.from({ length: 450 }, (_, n) => `C-M${String(n).padStart(5, '0')}`);
    // One by one, then many at once: both ways once lost the cases pushed out of the cache.
    for (const id of ids.slice(0, 300)) await store.repositories.cases.put(caseRecord({ id }));
    await Promise.all(ids.slice(300).map((id) => store.repositories.cases.put(caseRecord({ id }))));
    const missing = async (opened: JsonStore) => (await Promise.all(ids.map(async (id) => ((await opened.repositories.cases.get(id)) ? [] : [id])))).flat();
    expect(await missing(store)).toEqual([]);
    expect(await store.repositories.cases.count()).toBe(450);
    await store.close();
    const reopened = await JsonStore.open(dir);
    expect(await missing(reopened)).toEqual([]);
    await reopened.close();
  });

  it('loses no acknowledged change when the process is killed with SIGKILL', async () => {
    const dir = await tempDir();
    const writer = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '../support/ackingWriter.ts'), dir], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const acknowledged: string[] = [];
    await new Promise<void>((resolve) => {
      writer.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        acknowledged.push(...chunk.split('\n').filter((l) => l.startsWith('C-')));
        // More cases than memory keeps whole: those only in the journal must come back too.
        if (acknowledged.length >= 400) {
          writer.kill('SIGKILL');
          resolve();
        }
      });
    });
    await new Promise((resolve) => writer.once('exit', resolve));
    const store = await JsonStore.open(dir);
    for (const id of acknowledged) expect(await store.repositories.cases.get(id), id).toBeDefined();
    await store.close();
  });
});
