// Caseload benchmark: resident memory must stay flat while workers ask for their caseloads.
// Fills a store on the real disk with 10,000 cases (40 workers, 250 cases each), serves the
// real bot over HTTP on 127.0.0.1 and sends 5,000 `mis casos` turns, reading memory after full
// garbage collections before, every 1,000 turns and after. Then times formatDate with and
// without a reused formatter, the part of a caseload turn that used to grow memory. It
// reports; it does not fail.
// Run with --expose-gc (npm run bench does) so the RSS readings are fair.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { formatDate, localDate } from '../src/domain/dates.js';
import { startBot } from '../src/server.js';
import { readSettings } from '../src/settings.js';
import { JsonStore } from '../src/store/jsonStore.js';
import { benchWorkers, makeBenchCase } from './caseFactory.js';

process.env.ENLACE_QUIET = '1';

const CASES = 10_000;
const TURNS = 5_000;
const FILL_CHUNK = 250;
const FLAT_RATIO = 1.2;
const DATES_PER_SAMPLE = 250;
const SAMPLES = 40;
/** Turns between memory readings, to tell a steady climb from a passing peak. */
const READING_EVERY = 1_000;

const gc = (globalThis as { gc?: () => void }).gc;
const mb = (bytes: number) => bytes / 1024 / 1024;

interface Memory {
  rss: number;
  heapUsed: number;
}

/** Memory after full collections, when the process allows them; the pause lets freed pages go back. */
async function memory(): Promise<Memory> {
  gc?.();
  await sleep(200);
  gc?.();
  const { rss, heapUsed } = process.memoryUsage();
  return { rss, heapUsed };
}

async function fill(dataDir: string): Promise<JsonStore> {
  const store = await JsonStore.open(dataDir);
  for (const staff of benchWorkers()) await store.repositories.staff.put(staff);
  for (let start = 0; start < CASES; start += FILL_CHUNK) {
    const chunk = Array.from({ length: Math.min(FILL_CHUNK, CASES - start) }, (_, i) => makeBenchCase(start + i));
    await Promise.all(chunk.map((record) => store.repositories.cases.put(record)));
  }
  return store;
}

/** One turn as a channel sends it; the replies come back in the response (expectReplies). */
async function turn(botUrl: string, user: string, text: string): Promise<string[]> {
  const response = await fetch(`${botUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'message',
      id: randomUUID(),
      text,
      channelId: 'emulator',
      serviceUrl: 'http://127.0.0.1:9/unused',
      from: { id: user, name: user },
      recipient: { id: 'enlace-bot', name: 'Enlace' },
      conversation: { id: `conv-${user}` },
      deliveryMode: 'expectReplies',
    }),
  });
  if (response.status !== 200) throw new Error(`the bot answered ${response.status} to "${text}": ${await response.text()}`);
  const body = (await response.json()) as { activities?: { text?: string }[] };
  return (body.activities ?? []).map((a) => a.text ?? '');
}

interface TurnFigures {
  readings: Memory[];
  cpuMsPerTurn: number;
  wallMsPerTurn: number;
  linesPerTurn: number;
}

async function caseloadTurns(dataDir: string): Promise<TurnFigures> {
  const store = await fill(dataDir);
  const bot = await startBot(readSettings({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir }), { store });
  const botUrl = `http://127.0.0.1:${bot.port}`;
  const workers = benchWorkers().map((w) => w.id);
  try {
    // Every worker is welcomed and lists once, so what is measured next is steady state.
    for (const worker of workers) await turn(botUrl, worker, 'hola');
    let linesPerTurn = 0;
    for (const worker of workers) {
      const [listing = ''] = await turn(botUrl, worker, 'mis casos');
      linesPerTurn = Math.max(linesPerTurn, listing.split('\n').length);
    }
    if (linesPerTurn < 250) throw new Error(`a caseload turn listed ${linesPerTurn} lines; expected 250 cases or more`);

    const readings = [await memory()];
    let cpuMicros = 0;
    let wallMs = 0;
    for (let done = 0; done < TURNS; done += READING_EVERY) {
      const cpuStart = process.cpuUsage();
      const started = performance.now();
      for (let i = done; i < Math.min(TURNS, done + READING_EVERY); i++) await turn(botUrl, workers[i % workers.length]!, 'mis casos');
      wallMs += performance.now() - started;
      const cpu = process.cpuUsage(cpuStart);
      cpuMicros += cpu.user + cpu.system;
      readings.push(await memory());
    }
    return { readings, cpuMsPerTurn: cpuMicros / 1000 / TURNS, wallMsPerTurn: wallMs / TURNS, linesPerTurn };
  } finally {
    await bot.stop();
  }
}

/** A new formatter on every call, as formatDate once did: the reference for the cached one. */
function formatDateUncached(date: string, lang: 'es' | 'en'): string {
  return new Intl.DateTimeFormat(lang === 'es' ? 'es-ES' : 'en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${date}T00:00:00Z`));
}

/** Median CPU microseconds per call over SAMPLES runs of DATES_PER_SAMPLE different dates. */
function microsecondsPerCall(format: (date: string) => string): number {
  const dates = Array.from({ length: DATES_PER_SAMPLE }, (_, i) => localDate(new Date(Date.UTC(2026, 0, 1) + i * 86_400_000), 'Europe/Madrid'));
  const samples = Array.from({ length: SAMPLES }, () => {
    const start = process.cpuUsage();
    for (const date of dates) format(date);
    const used = process.cpuUsage(start);
    return (used.user + used.system) / DATES_PER_SAMPLE;
  }).sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
}

const root = await mkdtemp(join(tmpdir(), 'enlace-caseload-bench-'));
try {
  console.log(`\nEnlace caseload benchmark — data under ${root} (node ${process.version})`);
  if (!gc) console.log('note: run node with --expose-gc for RSS readings after a full collection');
  const figures = await caseloadTurns(join(root, 'data'));
  const before = figures.readings[0]!;
  const after = figures.readings[figures.readings.length - 1]!;
  const ratio = after.rss / before.rss;
  const list = (pick: (m: Memory) => number) => figures.readings.map((m) => mb(pick(m)).toFixed(0)).join(', ');
  console.log(`${TURNS.toLocaleString('en')} "mis casos" turns over HTTP at ${CASES.toLocaleString('en')} cases (${figures.linesPerTurn} lines a listing):`);
  console.log(`  RSS ${mb(before.rss).toFixed(0)} MB before, ${mb(after.rss).toFixed(0)} MB after: ratio ${ratio.toFixed(2)}`);
  console.log(`  every ${READING_EVERY.toLocaleString('en')} turns, RSS ${list((m) => m.rss)} MB; JS heap used ${list((m) => m.heapUsed)} MB`);
  console.log(`  per turn: ${figures.cpuMsPerTurn.toFixed(2)} ms CPU (bot and client), ${figures.wallMsPerTurn.toFixed(2)} ms wall`);
  console.log(`  memory flat within ${Math.round((FLAT_RATIO - 1) * 100)}% (after/before ≤ ${FLAT_RATIO}): ${ratio <= FLAT_RATIO ? 'yes' : 'NO'}`);

  const cached = microsecondsPerCall((date) => formatDate(date, 'es'));
  const uncached = microsecondsPerCall((date) => formatDateUncached(date, 'es'));
  console.log(
    `formatDate CPU per call: ${cached.toFixed(2)} µs reusing the formatter, ${uncached.toFixed(2)} µs building one each call (${(uncached / cached).toFixed(0)}×)`,
  );
  console.log(`load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} CPUs at end`);
} finally {
  await rm(root, { recursive: true, force: true });
}
