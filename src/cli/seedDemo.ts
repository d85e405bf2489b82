// `npm run seed:demo`: fills DATA_DIR with the demo team, cases, linked client and service
// directory. Running it again resets the demo records (dates move to today); it refuses to
// touch a record that is not demo data, and then changes nothing at all.
import 'dotenv/config';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEMO_CASE_IDS, demoRecords } from '../demo/demoData.js';
import { DEMO_SERVICES } from '../demo/services.js';
import type { Collection, Repositories } from '../domain/ports.js';
import { readSettings } from '../settings.js';
import { StoreError } from '../store/errors.js';
import { JsonStore } from '../store/jsonStore.js';

export class SeedConflictError extends Error {}

export interface SeedResult {
  created: number;
  refreshed: number;
  counts: { staff: number; services: number; cases: number; linkCodes: number; clientLinks: number };
}

interface SeedStep {
  conflicts(): Promise<string[]>;
  write(): Promise<{ created: number; refreshed: number }>;
}

/**
 * One collection's demo records. `isDemo` says whether a stored record with a demo id is
 * the demo's own (by the fields nobody would reuse by chance), so it may be reset.
 */
function step<T extends { id: string }>(name: string, collection: Collection<T>, records: readonly T[], isDemo: (stored: T, demo: T) => boolean): SeedStep {
  return {
    async conflicts() {
      const stored = await Promise.all(records.map((demo) => collection.get(demo.id)));
      return records.flatMap((demo, i) => (stored[i] && !isDemo(stored[i], demo) ? [`${name} ${demo.id}`] : []));
    },
    async write() {
      const refreshed = (await Promise.all(records.map((demo) => collection.get(demo.id)))).filter(Boolean).length;
      // Written through the repository, so every record is validated against its schema.
      for (const record of records) await collection.put(record);
      return { created: records.length - refreshed, refreshed };
    },
  };
}

export async function seedDemo(repos: Repositories, now: Date): Promise<SeedResult> {
  const demo = demoRecords(now);
  const steps = [
    step('staff', repos.staff, demo.staff, (a, b) => a.name === b.name && a.role === b.role),
    step('service', repos.services, DEMO_SERVICES, (a, b) => a.name === b.name),
    step('case', repos.cases, demo.cases, (a, b) => a.workerId === b.workerId && a.client.name === b.client.name),
    step('link code', repos.linkCodes, demo.linkCodes, (a, b) => a.caseId === b.caseId),
    step('client link', repos.clientLinks, demo.clientLinks, (a, b) => a.caseId === b.caseId),
  ];
  // Everything is checked before anything is written, so a refusal leaves the store as it was.
  const conflicts = (await Promise.all(steps.map((s) => s.conflicts()))).flat();
  if (conflicts.length > 0) {
    throw new SeedConflictError(`these ids already hold records that are not demo data: ${conflicts.join(', ')}`);
  }
  let created = 0;
  let refreshed = 0;
  for (const s of steps) {
    const written = await s.write();
    created += written.created;
    refreshed += written.refreshed;
  }
  const counts = {
    staff: demo.staff.length,
    services: DEMO_SERVICES.length,
    cases: demo.cases.length,
    linkCodes: demo.linkCodes.length,
    clientLinks: demo.clientLinks.length,
  };
  return { created, refreshed, counts };
}

async function main(): Promise<number> {
  let store: JsonStore;
  try {
    store = await JsonStore.open(readSettings().dataDir);
  } catch (error) {
    const message = error instanceof StoreError ? `the data file ${error.file} ${error.problem}` : (error as Error).message;
    console.error(`Cannot open the store: ${message}`);
    return 1;
  }
  try {
    const result = await seedDemo(store.repositories, new Date());
    const { counts } = result;
    console.log(
      [
        `Demo data in ${store.dataDir}: ${counts.staff} staff, ${counts.services} services, ${counts.cases} cases ` +
          `(${Object.values(DEMO_CASE_IDS).join(', ')}), ${counts.clientLinks} linked client ` +
          `(${result.created} records added, ${result.refreshed} reset to the demo's starting point).`,
        'Chat with it: `npm start`, then `npm run playground` (you are Lucía Martín, worker). Other people: see playground/.',
        'A bot already running on this folder picks up the demo data after a restart.',
      ].join('\n'),
    );
    return 0;
  } catch (error) {
    if (!(error instanceof SeedConflictError)) throw error;
    console.error(`Refusing to seed the demo: ${error.message}. Nothing was changed.`);
    return 2;
  } finally {
    await store.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = await main();
}
