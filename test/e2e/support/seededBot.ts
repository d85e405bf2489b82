// A data folder on disk with staff (and cases) registered, and the real server on it
// in this process, on 127.0.0.1 and a free port.
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Case, Staff } from '../../../src/domain/schemas.js';
import { startBot, type RunningBot } from '../../../src/server.js';
import { readSettings } from '../../../src/settings.js';
import { JsonStore } from '../../../src/store/jsonStore.js';
import { DEMO_STAFF } from '../../support/botHarness.js';
import { tempDir } from '../../support/tempDir.js';

export interface Seed {
  staff?: Staff[];
  cases?: Case[];
  /** A folder to use; by default a new one removed after the test. */
  dataDir?: string;
}

/** A data folder with the demo staff (or `seed.staff`) and `seed.cases` stored. */
export async function seededDataDir(seed: Seed = {}): Promise<string> {
  const dataDir = seed.dataDir ?? (await tempDir('enlace-e2e-'));
  const store = await JsonStore.open(dataDir);
  for (const staff of seed.staff ?? DEMO_STAFF) await store.repositories.staff.put(staff);
  for (const record of seed.cases ?? []) await store.repositories.cases.put(record);
  await store.close();
  return dataDir;
}

/** Starts the server in this process on `dataDir`, with a clock when the test needs one; `env` adds settings. */
export async function startInProcess(dataDir: string, now?: () => Date, env: NodeJS.ProcessEnv = {}): Promise<RunningBot & { loopbackUrl: string }> {
  const bot = await startBot(readSettings({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, ...env }), { now });
  // The bot reports http://localhost:<port>; it listens on 127.0.0.1 only.
  return { ...bot, loopbackUrl: `http://127.0.0.1:${bot.port}` };
}

/** The cases stored on disk, read straight from the files under DATA_DIR/cases. */
export async function casesOnDisk(dataDir: string): Promise<Case[]> {
  const folder = join(dataDir, 'cases');
  const files = (await readdir(folder)).filter((f) => f.endsWith('.json'));
  return Promise.all(files.map(async (f) => JSON.parse(await readFile(join(folder, f), 'utf8')) as Case));
}

/** The ids of the records of a collection stored on disk (users, conversationRefs, botState…). */
export async function recordIdsOnDisk(dataDir: string, collection: string): Promise<string[]> {
  const folder = join(dataDir, collection);
  const files = (await readdir(folder).catch(() => [])).filter((f) => f.endsWith('.json'));
  return Promise.all(files.map(async (f) => (JSON.parse(await readFile(join(folder, f), 'utf8')) as { id: string }).id));
}
