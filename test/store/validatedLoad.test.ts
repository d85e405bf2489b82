// A store stopped cleanly notes which file contents it had checked against the schema; the
// next open loads those without checking them again, and checks in full any file that is
// not the content it noted (edited by hand, cut short, written by someone else).
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CaseSchema } from '../../src/domain/schemas.js';
import { JsonStore } from '../../src/store/jsonStore.js';
import { caseRecord } from '../support/records.js';
import { tempDir } from '../support/tempDir.js';

afterEach(() => {
  vi.restoreAllMocks();
});

async function storeWithCases(ids: string[]): Promise<string> {
  const dir = await tempDir();
  const store = await JsonStore.open(dir);
  for (const id of ids) await store.repositories.cases.put(caseRecord({ id }));
  await store.close();
  return dir;
}

describe('loading what was checked when written', () => {
  it('loads unchanged files without checking them again, as the same records', async () => {
    const dir = await storeWithCases(['C-AAAA22', 'C-BBBB22']);
    const check = vi.spyOn(CaseSchema, 'safeParse');
    const reopened = await JsonStore.open(dir);
    expect(check).not.toHaveBeenCalled();
    expect(await reopened.repositories.cases.get('C-AAAA22')).toEqual(caseRecord({ id: 'C-AAAA22' }));
    expect(Object.isFrozen((await reopened.repositories.cases.get('C-BBBB22'))?.client)).toBe(true);
    expect(await reopened.repositories.cases.casesOfWorker('worker-1')).toHaveLength(2);
    await reopened.close();
  });

  it('checks in full a file edited since, and stops on it naming the field', async () => {
    const dir = await storeWithCases(['C-AAAA22', 'C-BBBB22']);
    const invalid = JSON.stringify({ ...caseRecord({ id: 'C-BBBB22' }), model: 'psychic' });
    await writeFile(join(dir, 'cases', 'C-BBBB22.json'), invalid);
    const check = vi.spyOn(CaseSchema, 'safeParse');
    await expect(JsonStore.open(dir)).rejects.toThrow(/C-BBBB22\.json: does not match the cases schema at "model"/);
    expect(check).toHaveBeenCalledTimes(1);
    expect(await readFile(join(dir, 'cases', 'C-BBBB22.json'), 'utf8')).toBe(invalid);
  });

  it('trusts nothing noted under another schema', async () => {
    const dir = await storeWithCases(['C-AAAA22']);
    for (const noted of [join(dir, 'cases.validated'), join(dir, 'cases.snapshot')]) {
      const [, ...lines] = (await readFile(noted, 'utf8')).split('\n');
      await writeFile(noted, ['v0 another-schema', ...lines].join('\n'));
    }
    const check = vi.spyOn(CaseSchema, 'safeParse');
    await (await JsonStore.open(dir)).close();
    expect(check).toHaveBeenCalledTimes(1);
  });

  it('a file that checking changes (a key the schema drops) is checked on every load', async () => {
    const dir = await storeWithCases([]);
    // Another writer left a key the schema does not know: the record read is not the file.
    await writeFile(join(dir, 'cases', 'C-AAAA22.json'), JSON.stringify({ ...caseRecord({ id: 'C-AAAA22' }), legacy: 1 }));
    const check = vi.spyOn(CaseSchema, 'safeParse');
    await (await JsonStore.open(dir)).close();
    const again = await JsonStore.open(dir);
    expect(await again.repositories.cases.get('C-AAAA22')).toEqual(caseRecord({ id: 'C-AAAA22' }));
    expect(check).toHaveBeenCalledTimes(2);
    await again.close();
  });
});
