// botbuilder's Storage over the store, so conversation and dialog state survive a restart.
import type { Storage, StoreItems } from 'botbuilder';
import type { Collection } from '../domain/ports.js';
import type { BotStateRecord } from '../domain/schemas.js';

let eTagCounter = 0;

export class CollectionStorage implements Storage {
  constructor(private readonly records: Collection<BotStateRecord>) {}

  async read(keys: string[]): Promise<StoreItems> {
    const items: StoreItems = {};
    for (const key of keys) {
      const record = await this.records.get(key);
      if (record) items[key] = { ...structuredClone(record.value), eTag: record.eTag };
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    await Promise.all(
      Object.entries(changes).map(([key, item]) =>
        this.records.update(key, (current) => {
          const { eTag, ...value } = (item ?? {}) as { eTag?: string };
          // Same rule as botbuilder's MemoryStorage: '*' or no eTag overwrites; otherwise it must match.
          if (current && eTag && eTag !== '*' && eTag !== current.eTag) {
            throw new Error(`Storage: eTag conflict for key ${key}`);
          }
          return { id: key, key, eTag: `${Date.now()}-${++eTagCounter}`, value: JSON.parse(JSON.stringify(value)) };
        }),
      ),
    );
  }

  async delete(keys: string[]): Promise<void> {
    await Promise.all(keys.map((key) => this.records.delete(key)));
  }
}
