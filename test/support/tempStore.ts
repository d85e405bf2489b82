import { afterEach } from 'vitest';
import { JsonStore } from '../../src/store/jsonStore.js';
import { tempDir } from './tempDir.js';

const opened: JsonStore[] = [];

/** A store opened on a fresh temp folder, closed after the test. */
export async function tempStore(dataDir?: string): Promise<{ dataDir: string; store: JsonStore }> {
  const dir = dataDir ?? (await tempDir());
  const store = await JsonStore.open(dir);
  opened.push(store);
  return { dataDir: dir, store };
}

afterEach(async () => {
  await Promise.all(opened.splice(0).map((store) => store.close()));
});
