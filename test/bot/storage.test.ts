// botbuilder's Storage over the store: round trip, optimistic concurrency by eTag, and state
// that survives a restart.
import { describe, expect, it } from 'vitest';
import { CollectionStorage } from '../../src/bot/storage.js';
import { tempDir } from '../support/tempDir.js';
import { tempStore } from '../support/tempStore.js';

// A Teams-shaped key: slashes and colons, so its file name is hashed.
const KEY = 'msteams/conversations/a:1xYzAbC-dEfGh_ijk/';
const OTHER_KEY = 'msteams/users/29:1AbCdEf/';

async function open(dataDir: string) {
  const { store } = await tempStore(dataDir);
  return { store, storage: new CollectionStorage(store.repositories.botState) };
}

describe('CollectionStorage', () => {
  it('reads back what it wrote, with an eTag, and forgets what it deleted', async () => {
    const { storage } = await open(await tempDir());
    const dialogState = { dialogStack: [{ id: 'intake', state: { values: { name: 'Ana' }, stepIndex: 2 } }] };
    await storage.write({ [KEY]: dialogState, [OTHER_KEY]: { language: 'es' } });

    const items = await storage.read([KEY, OTHER_KEY, 'missing/key']);
    expect(Object.keys(items).sort()).toEqual([KEY, OTHER_KEY].sort());
    expect(items[KEY]).toEqual({ ...dialogState, eTag: expect.any(String) });
    expect(items[OTHER_KEY]).toEqual({ language: 'es', eTag: expect.any(String) });

    await storage.delete([KEY]);
    expect(await storage.read([KEY, OTHER_KEY])).toEqual({ [OTHER_KEY]: items[OTHER_KEY] });
  });

  it('hands out copies: changing a read or written object does not change what is stored', async () => {
    const { storage } = await open(await tempDir());
    const written = { counter: 1, nested: { list: [1] } };
    await storage.write({ [KEY]: written });
    written.nested.list.push(2);
    const read = await storage.read([KEY]);
    (read[KEY] as typeof written).nested.list.push(3);
    expect((await storage.read([KEY]))[KEY]).toMatchObject({ counter: 1, nested: { list: [1] } });
  });

  it('refuses a write whose eTag is stale, keeping the newer state', async () => {
    const { storage } = await open(await tempDir());
    await storage.write({ [KEY]: { step: 1 } });
    const first = (await storage.read([KEY]))[KEY]!;

    await storage.write({ [KEY]: { ...first, step: 2 } });
    const second = (await storage.read([KEY]))[KEY]!;
    expect(second.eTag).not.toBe(first.eTag);

    await expect(storage.write({ [KEY]: { ...first, step: 99 } })).rejects.toThrow(/eTag conflict/);
    expect((await storage.read([KEY]))[KEY]).toEqual(second);
  });

  it("overwrites whatever is stored when the eTag is '*'", async () => {
    const { storage } = await open(await tempDir());
    await storage.write({ [KEY]: { step: 1 } });
    await storage.write({ [KEY]: { step: 2 } });
    await storage.write({ [KEY]: { step: 3, eTag: '*' } });
    expect((await storage.read([KEY]))[KEY]).toEqual({ step: 3, eTag: expect.any(String) });
  });

  it('keeps the state, eTag included, across reopening the store', async () => {
    const dataDir = await tempDir();
    const before = await open(dataDir);
    await before.storage.write({ [KEY]: { dialogStack: [{ id: 'assessment', state: { stepIndex: 4 } }] }, [OTHER_KEY]: { language: 'en' } });
    await before.storage.delete([OTHER_KEY]);
    const written = await before.storage.read([KEY]);
    await before.store.close();

    const after = await open(dataDir);
    expect(await after.storage.read([KEY, OTHER_KEY])).toEqual(written);
    // The stored eTag still guards against a stale writer after the restart.
    await after.storage.write({ [KEY]: { ...written[KEY], stepIndex: 5 } });
    await expect(after.storage.write({ [KEY]: { ...written[KEY], stepIndex: 6 } })).rejects.toThrow(/eTag conflict/);
  });
});
