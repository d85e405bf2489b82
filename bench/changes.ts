// One case change at a time, acknowledged on disk, at several store sizes: the same change
// (a contact logged) through the cases repository, in rounds that alternate between the
// stores so disk noise hits each alike.
import type { Case } from '../src/domain/schemas.js';
import { JsonStore } from '../src/store/jsonStore.js';
import { benchCaseId, benchContact, seededRandom } from './caseFactory.js';

const WARM_UP = 20;
const ROUNDS = 10;

let serial = 0;
const addContact = (current: Case | undefined) =>
  current && { ...current, contacts: [...current.contacts, benchContact(++serial, current.workerId, new Date())] };

/** Milliseconds per change, by store size. */
export async function measureChanges(stores: { size: number; dataDir: string }[], changes: number): Promise<Map<number, number[]>> {
  const opened = [];
  for (const { size, dataDir } of stores) opened.push({ size, store: await JsonStore.open(dataDir) });
  const random = seededRandom(42);
  const samples = new Map<number, number[]>(stores.map((s) => [s.size, []]));
  const change = async (size: number, store: JsonStore, keep: boolean) => {
    const id = benchCaseId(Math.floor(random() * size));
    const started = performance.now();
    await store.repositories.cases.update(id, addContact);
    if (keep) samples.get(size)!.push(performance.now() - started);
  };
  try {
    for (const { size, store } of opened) for (let i = 0; i < WARM_UP; i++) await change(size, store, false);
    for (let round = 0; round < ROUNDS; round++) {
      for (const { size, store } of opened) for (let i = 0; i < changes / ROUNDS; i++) await change(size, store, true);
    }
  } finally {
    for (const { store } of opened) await store.close();
  }
  return samples;
}
