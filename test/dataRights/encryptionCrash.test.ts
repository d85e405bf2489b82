// `npm run data -- encrypt` and `rotate-key` killed with SIGKILL halfway lose nothing: every
// file is whole under the old form or the new, the bot refuses the half-converted store, and
// running the command again finishes it.
import { randomBytes } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/cli/seedDemo.js';
import { isSealed, openTextWith, parseDataKey, sealedKeyId, useDataKeys, type DataKey } from '../../src/store/encryption.js';
import { JsonStore } from '../../src/store/jsonStore.js';
import { tempDir } from '../support/tempDir.js';
import { runData, startData, type DataRun } from './runData.js';

const PROFILES = 900;

afterEach(() => useDataKeys(undefined));

const keyText = () => randomBytes(32).toString('base64');

/** Every store file under `dir` (meta.json, and the lists and snapshots rewritten at every close, aside) and its pieces: the record, or the audit lines. */
async function storeFiles(dir: string): Promise<Map<string, string[]>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = new Map<string, string[]>();
  for (const e of entries.filter(
    (entry) =>
      entry.isFile() && entry.name !== 'meta.json' && !entry.name.endsWith('.tmp') && !entry.name.endsWith('.validated') && !entry.name.endsWith('.snapshot'),
  )) {
    const path = join(e.parentPath, e.name);
    const text = await readFile(path, 'utf8');
    files.set(path, path.endsWith('.jsonl') ? text.split('\n').filter(Boolean) : [text]);
  }
  return files;
}

/** A plain seeded store with enough records that a conversion takes a while. */
async function plainStore(): Promise<{ dataDir: string; originals: Map<string, string[]> }> {
  useDataKeys(undefined);
  const dataDir = await tempDir();
  const store = await JsonStore.open(dataDir);
  await seedDemo(store.repositories, new Date());
  await Promise.all(Array.from({ length: PROFILES }, (_, n) => store.repositories.users.put({ id: `chat-user-${n}`, failedLinkAttempts: 0, language: 'es' })));
  for (let n = 0; n < 50; n++) await store.repositories.audit.record({ actor: `chat-user-${n}`, action: 'case.read' });
  await store.close();
  return { dataDir, originals: await storeFiles(dataDir) };
}

/** Runs the command and kills it with SIGKILL once it reports its first hundred files. */
async function killHalfway(dataDir: string, args: string[], env: NodeJS.ProcessEnv): Promise<DataRun> {
  const { child, done } = startData(dataDir, args, { env });
  child.stdout!.on('data', (chunk: string) => {
    if (chunk.includes('100/')) child.kill('SIGKILL');
  });
  return done;
}

/** Each file opens with one of `keys` (or is plain) to exactly what it held before; returns the key ids found. */
async function expectNothingLost(dataDir: string, originals: Map<string, string[]>, keys: DataKey[]): Promise<Map<string, number>> {
  const now = await storeFiles(dataDir);
  expect([...now.keys()].sort()).toEqual([...originals.keys()].sort());
  const found = new Map<string, number>();
  for (const [path, pieces] of now) {
    expect(pieces.length, path).toBe(originals.get(path)!.length);
    pieces.forEach((piece, n) => {
      const form = sealedKeyId(piece) ?? 'plain';
      found.set(form, (found.get(form) ?? 0) + 1);
      expect(isSealed(piece) ? openTextWith(piece, path, keys) : piece, path).toBe(originals.get(path)![n]);
    });
  }
  return found;
}

describe('converting a store, killed halfway', { timeout: 300_000 }, () => {
  it('encrypt loses nothing, the bot refuses the mix, and a second run finishes', async () => {
    const { dataDir, originals } = await plainStore();
    const k1 = keyText();
    const key1 = parseDataKey(k1);
    const killed = await killHalfway(dataDir, ['encrypt'], { ENLACE_DATA_KEY: k1 });
    expect(killed.signal).toBe('SIGKILL');
    const mix = await expectNothingLost(dataDir, originals, [key1]);
    expect(mix.get('plain')).toBeGreaterThan(0);
    expect(mix.get(key1.id)).toBeGreaterThanOrEqual(100);

    useDataKeys(key1);
    await expect(JsonStore.open(dataDir)).rejects.toThrow(/is not encrypted, but ENLACE_DATA_KEY is set: encrypt the store first/);

    const again = await runData(dataDir, ['encrypt'], { env: { ENLACE_DATA_KEY: k1 } });
    expect(again.stderr).toBe('');
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/Encrypted \d+ files under key k[0-9a-f]{12} \(\d+ already were\)/);
    expect([...(await expectNothingLost(dataDir, originals, [key1])).keys()]).toEqual([key1.id]);
    const store = await JsonStore.open(dataDir);
    expect(await store.repositories.users.count()).toBeGreaterThanOrEqual(PROFILES);
    await store.close();
  });

  it('rotate-key loses nothing, and a second run leaves everything under the new key', async () => {
    const { dataDir, originals } = await plainStore();
    const k1 = keyText();
    const k2 = keyText();
    const [key1, key2] = [parseDataKey(k1), parseDataKey(k2)];
    expect((await runData(dataDir, ['encrypt'], { env: { ENLACE_DATA_KEY: k1 } })).code).toBe(0);

    const env = { ENLACE_DATA_KEY: k1, ENLACE_NEW_DATA_KEY: k2 };
    const killed = await killHalfway(dataDir, ['rotate-key'], env);
    expect(killed.signal).toBe('SIGKILL');
    const mix = await expectNothingLost(dataDir, originals, [key1, key2]);
    expect(mix.get(key1.id)).toBeGreaterThan(0);
    expect(mix.get(key2.id)).toBeGreaterThanOrEqual(100);
    expect(mix.get('plain')).toBeUndefined();

    useDataKeys(key1);
    await expect(JsonStore.open(dataDir)).rejects.toThrow(`is encrypted under key ${key2.id}, but ENLACE_DATA_KEY is key ${key1.id}`);

    const again = await runData(dataDir, ['rotate-key'], { env });
    expect(again.code).toBe(0);
    expect([...(await expectNothingLost(dataDir, originals, [key2])).keys()]).toEqual([key2.id]);
    useDataKeys(key2);
    const store = await JsonStore.open(dataDir);
    expect(await store.repositories.users.count()).toBeGreaterThanOrEqual(PROFILES);
    await store.close();
  });

  it('refuses to start without a key, or with the same key twice, changing nothing', async () => {
    const { dataDir, originals } = await plainStore();
    const none = await runData(dataDir, ['encrypt'], { env: { ENLACE_DATA_KEY: undefined } });
    expect([none.code, none.stderr.trim()]).toEqual([
      2,
      'Error: ENLACE_DATA_KEY is not set: set it to the key (openssl rand -base64 32) and keep a copy somewhere safe',
    ]);
    const k1 = keyText();
    const same = await runData(dataDir, ['rotate-key'], { env: { ENLACE_DATA_KEY: k1, ENLACE_NEW_DATA_KEY: k1 } });
    expect([same.code, same.stderr.trim()]).toEqual([2, 'Error: ENLACE_NEW_DATA_KEY is the same key as ENLACE_DATA_KEY']);
    expect(await storeFiles(dataDir)).toEqual(originals);
  });
});
