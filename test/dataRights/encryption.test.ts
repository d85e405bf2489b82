// Encryption at rest (SPEC §5): AES-256-GCM with a fresh nonce per write and the key id beside
// the ciphertext; with a key set no file names a client; a wrong or missing key stops the bot
// at start with every file byte-identical.
import { createHash, randomBytes } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startBot } from '../../src/server.js';
import { readSettings } from '../../src/settings.js';
import { seedDemo } from '../../src/cli/seedDemo.js';
import { DEMO_CASE_IDS } from '../../src/demo/demoData.js';
import { DataKeyError, forgetDataKeys, keyIdOf, openText, parseDataKey, sealText, useDataKeys, type DataKey } from '../../src/store/encryption.js';
import { StoreError } from '../../src/store/errors.js';
import { JsonStore } from '../../src/store/jsonStore.js';
import { tempDir } from '../support/tempDir.js';

const newKey = (): DataKey => parseDataKey(randomBytes(32).toString('base64'));

afterEach(() => useDataKeys(undefined));

/** Every file under `dir` and the sha256 of its bytes. */
async function fingerprints(dir: string): Promise<Map<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const prints = new Map<string, string>();
  for (const e of entries.filter((entry) => entry.isFile())) {
    const path = join(e.parentPath, e.name);
    prints.set(
      path,
      createHash('sha256')
        .update(await readFile(path))
        .digest('hex'),
    );
  }
  return prints;
}

async function seededStore(key: DataKey | undefined): Promise<string> {
  useDataKeys(key);
  const dataDir = await tempDir();
  const store = await JsonStore.open(dataDir);
  await seedDemo(store.repositories, new Date());
  await store.repositories.audit.record({ actor: 'worker-1', action: 'case.read', caseId: DEMO_CASE_IDS.strengths });
  await store.close();
  return dataDir;
}

describe('sealing a text', () => {
  it('opens again to the same text, with a fresh nonce each time and the key id beside it', () => {
    const key = newKey();
    const first = sealText('{"name":"Carmen R."}', key);
    const second = sealText('{"name":"Carmen R."}', key);
    expect(first).not.toBe(second);
    expect(first.startsWith(`enlace-aes256gcm:v1:${key.id}:`)).toBe(true);
    expect(first).not.toContain('Carmen');
    useDataKeys(key);
    expect(openText(first, 'x.json')).toBe('{"name":"Carmen R."}');
    expect(openText(second, 'x.json')).toBe('{"name":"Carmen R."}');
  });

  it('refuses another key, no key, a changed ciphertext and a plain file while a key is set', () => {
    const key = newKey();
    const other = newKey();
    const sealed = sealText('{"a":1}', key);
    useDataKeys(other);
    expect(() => openText(sealed, 'cases/C-1.json')).toThrow(`is encrypted under key ${key.id}, but ENLACE_DATA_KEY is key ${other.id}`);
    expect(() => openText('{"a":1}', 'cases/C-1.json')).toThrow(/is not encrypted, but ENLACE_DATA_KEY is set/);
    useDataKeys(undefined);
    expect(() => openText(sealed, 'cases/C-1.json')).toThrow(`is encrypted (key ${key.id}): set ENLACE_DATA_KEY to that key`);
    expect(openText('{"a":1}', 'cases/C-1.json')).toBe('{"a":1}');
    useDataKeys(key);
    // Flip the third character from the end, whatever it is, so the text always changes.
    const changed = `${sealed.slice(0, -3)}${sealed.at(-3) === 'A' ? 'B' : 'A'}${sealed.slice(-2)}`;
    expect(changed).not.toBe(sealed);
    expect(() => openText(changed, 'cases/C-1.json')).toThrow(StoreError);
  });

  it('takes only 32 bytes of base64 as a key', () => {
    expect(() => parseDataKey('abc')).toThrow(DataKeyError);
    expect(() => parseDataKey(randomBytes(16).toString('base64'))).toThrow(/32 random bytes/);
    const raw = randomBytes(32);
    expect(parseDataKey(raw.toString('base64')).id).toBe(keyIdOf(raw));
  });
});

describe('a store with a key', () => {
  it('holds no client name, contact or note in any file, and reads back the same', async () => {
    const key = newKey();
    const dataDir = await seededStore(key);
    const store = await JsonStore.open(dataDir);
    const cases = await store.repositories.cases.all();
    const audit = await store.repositories.audit.readDay(new Date().toISOString().slice(0, 10));
    await store.close();
    expect(cases.map((c) => c.id).sort()).toEqual(Object.values(DEMO_CASE_IDS).sort());
    expect(audit.some((e) => e.action === 'case.read' && e.caseId === DEMO_CASE_IDS.strengths)).toBe(true);
    const traces = cases.flatMap((c) => [c.client.name, c.client.contact, ...c.contacts.map((x) => x.note)]);
    for (const [path] of await fingerprints(dataDir)) {
      const text = await readFile(path, 'utf8');
      for (const trace of traces) expect(text.includes(trace), `${trace} in ${path}`).toBe(false);
      if (!path.endsWith('meta.json'))
        for (const line of text.split('\n').filter(Boolean)) expect(line.startsWith(`enlace-aes256gcm:v1:${key.id}:`), path).toBe(true);
    }
  });

  it('stops the bot at start under a wrong key or none, every file byte-identical', async () => {
    const key = newKey();
    const dataDir = await seededStore(key);
    const before = await fingerprints(dataDir);
    const settings = readSettings({ DATA_DIR: dataDir, PORT: '0' });
    useDataKeys(newKey());
    await expect(startBot(settings)).rejects.toThrow(/is encrypted under key k[0-9a-f]{12}, but ENLACE_DATA_KEY is key/);
    useDataKeys(undefined);
    await expect(startBot(settings)).rejects.toThrow(/is encrypted \(key k[0-9a-f]{12}\): set ENLACE_DATA_KEY to that key/);
    expect(await fingerprints(dataDir)).toEqual(before);

    useDataKeys(key);
    const bot = await startBot(settings);
    await bot.stop();
  });

  it('stops the bot on a plain store when a key is set, touching nothing', async () => {
    const dataDir = await seededStore(undefined);
    const before = await fingerprints(dataDir);
    useDataKeys(newKey());
    await expect(JsonStore.open(dataDir)).rejects.toThrow(/is not encrypted, but ENLACE_DATA_KEY is set: encrypt the store first/);
    expect(await fingerprints(dataDir)).toEqual(before);
  });

  it('stops on a malformed ENLACE_DATA_KEY before creating or writing anything', async () => {
    const dataDir = join(await tempDir(), 'data');
    process.env.ENLACE_DATA_KEY = 'not-a-key';
    try {
      forgetDataKeys();
      await expect(JsonStore.open(dataDir)).rejects.toThrow('ENLACE_DATA_KEY must be 32 random bytes in base64');
      await expect(readdir(dataDir)).rejects.toMatchObject({ code: 'ENOENT' });
    } finally {
      delete process.env.ENLACE_DATA_KEY;
    }
  });

  it('refuses a damaged file, naming it', async () => {
    const key = newKey();
    const dataDir = await seededStore(key);
    const file = join(dataDir, 'cases', `${DEMO_CASE_IDS.strengths}.json`);
    const sealed = await readFile(file, 'utf8');
    await writeFile(file, sealed.replace(/:([^:]{8})([^:]*)$/, ':AAAAAAAA$2'));
    useDataKeys(key);
    await expect(JsonStore.open(dataDir)).rejects.toThrow(`${file}: cannot be decrypted with key ${key.id}: it is damaged or was changed`);
  });
});
