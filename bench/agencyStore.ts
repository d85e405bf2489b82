// The agency's store for the benchmark, on the real disk: 40 workers with 250 cases each
// (at 10,000 cases), clients linked to their cases, and the follow-up jobs the planner
// derives from every case (about ten a case). Built once per size and day, then copied,
// since deriving 100,000 jobs takes minutes.
import { execFile } from 'node:child_process';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { OutboxRecordSchema, type OutboxRecord } from '../src/domain/followups/outbox.js';
import { createServices } from '../src/app/services.js';
import { FileCollection } from '../src/store/fileCollection.js';
import { FileJobStore } from '../src/store/fileJobStore.js';
import { JsonStore } from '../src/store/jsonStore.js';
import { benchCaseId, benchWorkers, makeBenchCase } from './caseFactory.js';

const run = promisify(execFile);
/** Bumped whenever the generated shape changes, so an old copy is not reused. */
const SHAPE_VERSION = 1;
const FILL_CHUNK = 250;
/** Every case has a client chat linked to it, as `client-<index>`. */
export const clientIdFor = (index: number) => `client-${index}`;

export interface AgencyStore {
  dataDir: string;
  cases: number;
  jobs: number;
  /** Whether it was built now (false: reused from an earlier run today). */
  built: boolean;
  buildMs: number;
}

/** Midnight UTC of the day the benchmark runs: the cases' dates lead up to it. */
export function benchToday(now = new Date()): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

/** The store of `cases` cases, built under the system's temp folder or reused from there. */
export async function agencyStore(cases: number, log: (line: string) => void = () => {}): Promise<AgencyStore> {
  const today = benchToday();
  const dataDir = join(tmpdir(), 'enlace-bench', `agency-v${SHAPE_VERSION}-${cases}-${today.toISOString().slice(0, 10)}`);
  const started = performance.now();
  if (await exists(join(dataDir, 'meta.json'))) {
    // As a clean stop leaves it: with the snapshots a quick start reads (a store built by an
    // earlier version is brought to the current layout once).
    if (!(await exists(join(dataDir, 'cases.snapshot'))) || !(await exists(join(dataDir, 'jobs.snapshot')))) {
      await (await JsonStore.open(dataDir)).close();
      await (await FileJobStore.open(join(dataDir, 'jobs'))).close();
    }
    const jobs = await readFile(`${dataDir}.json`, 'utf8').then(
      (text) => (JSON.parse(text) as { jobs: number }).jobs,
      async () => (await FileJobStore.open(join(dataDir, 'jobs'))).size,
    );
    return { dataDir, cases, jobs, built: false, buildMs: 0 };
  }
  const building = `${dataDir}.building`;
  await rm(building, { recursive: true, force: true });
  await mkdir(building, { recursive: true });
  log(`building the ${cases.toLocaleString('en')}-case store (once a day) under ${dataDir}`);
  const store = await JsonStore.open(building);
  const { repositories: repos } = store;
  for (const staff of benchWorkers()) await repos.staff.put(staff);
  const linkedAt = new Date(today.getTime() - 30 * 86_400_000).toISOString();
  for (let start = 0; start < cases; start += FILL_CHUNK) {
    const indexes = Array.from({ length: Math.min(FILL_CHUNK, cases - start) }, (_, i) => start + i);
    await Promise.all(indexes.map((index) => repos.cases.put(makeBenchCase(index, today))));
    await Promise.all(indexes.map((index) => repos.clientLinks.put({ id: clientIdFor(index), caseId: benchCaseId(index), linkedAt, codeId: `LC-${index}` })));
  }
  const jobs = await FileJobStore.open(join(building, 'jobs'));
  const outbox = new FileCollection<OutboxRecord>('outbox', join(building, 'outbox'), OutboxRecordSchema);
  await outbox.load();
  const services = createServices(repos, () => new Date(), undefined, { jobs, outbox });
  await services.followUps.syncAll();
  await jobs.close();
  await store.close();
  await writeFile(`${dataDir}.json`, JSON.stringify({ cases, jobs: jobs.size }));
  await rename(building, dataDir);
  return { dataDir, cases, jobs: jobs.size, built: true, buildMs: performance.now() - started };
}

/** A fresh copy of a built store, for a run that changes it. */
export async function copyOf(store: AgencyStore, into: string): Promise<string> {
  await rm(into, { recursive: true, force: true });
  await run('cp', ['-a', store.dataDir, into]);
  return into;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
