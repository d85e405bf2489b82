// Store benchmark: the cost of one change must not grow with the number of cases.
// Fills two stores on the real disk (100 and 10,000 cases), then measures one change at a
// time, eight changers at once (group commit), and opening 10,000 cases. It reports; it does
// not fail on a slow machine (the target is checked by a later issue).
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { createServices } from '../src/app/services.js';
import type { Actor } from '../src/domain/access.js';
import { CaseSchema, type Case } from '../src/domain/schemas.js';
import { JsonStore } from '../src/store/jsonStore.js';
import { benchCaseId, benchContact, makeBenchCase, seededRandom } from './caseFactory.js';

const SIZES = [100, 10_000] as const;
const SEQUENTIAL_CHANGES = 500;
/** Sequential changes run in rounds that alternate between the stores, so disk noise hits both alike. */
const ROUNDS = 10;
const WARM_UP_CHANGES = 20;
const CHANGERS = 8;
const CHANGES_PER_CHANGER = 100;
/** Cases written per batch while filling: enough for group commit, few enough open files. */
const FILL_CHUNK = 250;
const TARGET_P99_MS = 5;

interface Filled {
  size: number;
  dataDir: string;
  store: JsonStore;
  ids: string[];
  fillMs: number;
  meanBytes: number;
}
interface Stats {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

let contactSerial = 0;
const addContact = (current: Case | undefined) =>
  current && { ...current, contacts: [...current.contacts, benchContact(++contactSerial, current.workerId, new Date())] };

async function fill(root: string, size: number): Promise<Filled> {
  const dataDir = join(root, `cases-${size}`);
  const store = await JsonStore.open(dataDir);
  const started = performance.now();
  let bytes = 0;
  for (let start = 0; start < size; start += FILL_CHUNK) {
    const chunk = Array.from({ length: Math.min(FILL_CHUNK, size - start) }, (_, i) => makeBenchCase(start + i));
    for (const record of chunk) bytes += JSON.stringify(record).length;
    await Promise.all(chunk.map((record) => store.repositories.cases.put(record)));
  }
  const ids = Array.from({ length: size }, (_, i) => benchCaseId(i));
  return { size, dataDir, store, ids, fillMs: performance.now() - started, meanBytes: bytes / size };
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

/** One change at a time to random cases, through the repository as the services do. */
async function sequentialRound(filled: Filled, count: number, random: () => number, samples: number[]): Promise<void> {
  for (let i = 0; i < count; i++) {
    const id = filled.ids[Math.floor(random() * filled.ids.length)]!;
    samples.push(await timed(() => filled.store.repositories.cases.update(id, addContact)));
  }
}

/** The same change through CaseService.change, which also checks access and writes the audit log. */
async function serviceChanges(filled: Filled, count: number, random: () => number): Promise<number[]> {
  const services = createServices(filled.store.repositories);
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const record = (await filled.store.repositories.cases.get(filled.ids[Math.floor(random() * filled.ids.length)]!))!;
    samples.push(await timed(() => services.cases.change(actorFor(record), record.id, 'contact.log', (c) => addContact(c)!)));
  }
  return samples;
}

/** CHANGERS loops at once, each changing random cases one after another: group commit at work. */
async function concurrentChanges(filled: Filled, random: () => number): Promise<{ samples: number[]; wallMs: number }> {
  const samples: number[] = [];
  const changer = async () => {
    for (let i = 0; i < CHANGES_PER_CHANGER; i++) {
      const id = filled.ids[Math.floor(random() * filled.ids.length)]!;
      samples.push(await timed(() => filled.store.repositories.cases.update(id, addContact)));
    }
  };
  const wallMs = await timed(() => Promise.all(Array.from({ length: CHANGERS }, changer)));
  return { samples, wallMs };
}

/** The CPU part of a change (validation and serialisation), without the disk. */
async function cpuPerChange(filled: Filled, count: number): Promise<number[]> {
  const record = (await filled.store.repositories.cases.get(filled.ids[0]!))!;
  return Array.from({ length: count }, () => {
    const started = performance.now();
    JSON.stringify(CaseSchema.parse(addContact(record)));
    return performance.now() - started;
  });
}

function openInFreshProcess(dataDir: string): Promise<{ cases: number; openMs: number; rssBefore: number; rssAfter: number; heapUsed: number }> {
  const script = fileURLToPath(new URL('./openStore.ts', import.meta.url));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`openStore exited with ${code}`))));
  });
}

function actorFor(record: Case): Actor {
  return {
    kind: 'staff',
    id: record.workerId,
    staff: {
      id: record.workerId,
      name: 'Bench',
      role: 'worker',
      team: record.team,
      availableHoursPerMonth: 120,
      language: 'es',
      timeZone: 'Europe/Madrid',
      createdAt: record.createdAt,
    },
  };
}

function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)]!;
  return { n: sorted.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted[sorted.length - 1]! };
}

const loadNote = () => `load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} CPUs`;
const ms = (value: number) => value.toFixed(2).padStart(8);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

function row(label: string, size: number, s: Stats, extra = ''): string {
  return `${label.padEnd(34)}${String(size).padStart(7)}${String(s.n).padStart(6)}${ms(s.p50)}${ms(s.p95)}${ms(s.p99)}${ms(s.max)}  ${extra}`;
}

interface Results {
  stores: [Filled, Filled];
  sequential: Map<Filled, number[]>;
  viaService: Map<Filled, number[]>;
  concurrent: Map<Filled, { samples: number[]; wallMs: number }>;
  cpu: Stats;
  opened: Map<Filled, Awaited<ReturnType<typeof openInFreshProcess>>>;
}

async function measure(root: string): Promise<Results> {
  const stores: Filled[] = [];
  for (const size of SIZES) {
    const filled = await fill(root, size);
    console.log(
      `filled ${String(size).padStart(6)} cases in ${(filled.fillMs / 1000).toFixed(1)} s (mean case file ${(filled.meanBytes / 1024).toFixed(1)} KB)`,
    );
    stores.push(filled);
  }
  const random = seededRandom(42);
  const sequential = new Map<Filled, number[]>(stores.map((s) => [s, []]));
  for (const filled of stores) await sequentialRound(filled, WARM_UP_CHANGES, random, []);
  for (let round = 0; round < ROUNDS; round++) {
    for (const filled of stores) await sequentialRound(filled, SEQUENTIAL_CHANGES / ROUNDS, random, sequential.get(filled)!);
  }
  // One measurement at a time, so the two stores never compete for the disk.
  const viaService = new Map<Filled, number[]>();
  for (const filled of stores) viaService.set(filled, await serviceChanges(filled, SEQUENTIAL_CHANGES, random));
  const concurrent = new Map<Filled, { samples: number[]; wallMs: number }>();
  for (const filled of stores) concurrent.set(filled, await concurrentChanges(filled, random));
  const cpu = stats(await cpuPerChange(stores[stores.length - 1]!, SEQUENTIAL_CHANGES));
  for (const filled of stores) await filled.store.close();

  const opened: Results['opened'] = new Map();
  for (const filled of stores) opened.set(filled, await openInFreshProcess(filled.dataDir));
  return { stores: stores as [Filled, Filled], sequential, viaService, concurrent, cpu, opened };
}

function report({ stores, sequential, viaService, concurrent, cpu, opened }: Results): void {
  const [small, large] = stores;
  console.log(
    `\n${'latency of one change (ms)'.padEnd(34)}${'cases'.padStart(7)}${'n'.padStart(6)}${'p50'.padStart(8)}${'p95'.padStart(8)}${'p99'.padStart(8)}${'max'.padStart(8)}`,
  );
  for (const filled of stores) console.log(row('(a) sequential cases.update', filled.size, stats(sequential.get(filled)!)));
  for (const filled of stores)
    console.log(row('(a) sequential CaseService.change', filled.size, stats(viaService.get(filled)!), '(+ access check, audit log)'));
  for (const filled of stores) {
    const { samples, wallMs } = concurrent.get(filled)!;
    console.log(row(`(b) ${CHANGERS} concurrent changers`, filled.size, stats(samples), `${((samples.length / wallMs) * 1000).toFixed(0)} changes/s`));
  }
  console.log(row('    validate + serialise only', large.size, cpu, '(CPU share of one change)'));

  const p99Ratio = (samples: Map<Filled, number[]>) => (stats(samples.get(large)!).p99 / stats(samples.get(small)!).p99).toFixed(2);
  const label = `ratio p99(${large.size}) / p99(${small.size}),`;
  console.log(`\n${label} cases.update:        ${p99Ratio(sequential)}`);
  console.log(`${label} CaseService.change: ${p99Ratio(viaService)}`);
  console.log(`${label} ${CHANGERS} changers:         ${p99Ratio(new Map(stores.map((s) => [s, concurrent.get(s)!.samples])))}`);

  console.log('\nopen (load + validate), fresh process:');
  for (const filled of stores) {
    const o = opened.get(filled)!;
    console.log(
      `  ${String(o.cases).padStart(6)} cases: ${ms(o.openMs)} ms   RSS ${mb(o.rssBefore)} before, ${mb(o.rssAfter)} after (heap used ${mb(o.heapUsed)})`,
    );
  }

  const p99 = stats(sequential.get(large)!).p99;
  console.log(`\n${loadNote()} at end: a busy machine inflates the tails`);
  console.log(
    `target p99 ≤ ${TARGET_P99_MS} ms at ${large.size.toLocaleString('en')} cases: ${p99 <= TARGET_P99_MS ? 'met' : 'not met'} (p99 ${p99.toFixed(2)} ms)`,
  );
}

const root = await mkdtemp(join(tmpdir(), 'enlace-bench-'));
try {
  console.log(`Enlace store benchmark — data under ${root} (node ${process.version})`);
  console.log(`${loadNote()} at start\n`);
  report(await measure(root));
} finally {
  await rm(root, { recursive: true, force: true });
}
