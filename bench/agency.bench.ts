// `npm run bench`: Enlace at agency scale, against the targets in the README. Builds (once a
// day) a store of 10,000 cases with their ~100,000 follow-up jobs, then measures cold start
// and memory, turn latency against a bare echo bot (and a floor bot, for reference), one
// change at 100, 1,000 and 10,000 cases, finding due jobs, and a proactive fan-out under
// Teams' rate limits. Prints a table, then, as its last line, one JSON object with the figures.
// Smaller runs for development: BENCH_CASES, BENCH_FANOUT, BENCH_PHASES, BENCH_PHASE_MS.
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileJobStore } from '../src/store/fileJobStore.js';
import { agencyStore, copyOf } from './agencyStore.js';
import { measureChanges } from './changes.js';
import { measureFanout } from './fanout.js';
import { followUpsSynced, rssMb, serve, settled } from './processes.js';
import { allTurns, measureTurns, percentile, perSecond, replySink, turnTable, type TurnRun } from './turns.js';

process.env.ENLACE_QUIET = '1';
const number = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const CASES = number('BENCH_CASES', 10_000);
const FANOUT = number('BENCH_FANOUT', 10_000);
const PHASES = number('BENCH_PHASES', 6);
const PHASE_MS = number('BENCH_PHASE_MS', 5_000);
const CHANGES = 500;
const DUE_LOOKUPS = 201;
/** How long the bot may take to settle after start (derive every case's follow-ups, catch up). */
const SETTLE_LIMIT_MS = 600_000;

const TARGETS = {
  turnRatio: 1.3,
  changeP99Ms: 5,
  changeGrowth: 1.5,
  dueJobsMs: 1,
  fanoutRateFraction: 0.9,
  coldStartMs: 2_000,
  rssMb: 400,
  rssGrowth: 1.2,
};

const loadAverage = loadavg()[0]!;
const say = (line: string) => console.log(line);
const fixed = (value: number, digits = 2) => value.toFixed(digits);

say(`Enlace agency benchmark (node ${process.version}, ${availableParallelism()} CPUs, load average ${fixed(loadAverage)} at start)`);
const sizes = [...new Set([100, Math.min(1_000, CASES), CASES])];
const built = [];
for (const size of sizes) {
  const store = await agencyStore(size, say);
  say(
    `store of ${store.cases.toLocaleString('en')} cases, ${store.jobs.toLocaleString('en')} jobs${store.built ? ` (built in ${fixed(store.buildMs / 1000, 1)} s)` : ' (built earlier today)'}`,
  );
  built.push(store);
}
const largest = built[built.length - 1]!;
const work = await mkdtemp(join(tmpdir(), 'enlace-bench-run-'));

try {
  // Cold start and memory, then turn latency on the same process.
  const botDir = await copyOf(largest, join(work, 'bot'));
  const bot = await serve('src/index.ts', { DATA_DIR: botDir });
  const rssAtHealthz = await rssMb(bot.child.pid!);
  // Memory and turns are measured in the steady state: once every case's follow-ups were
  // derived again and the scheduler caught up on the jobs that fell due since the store was
  // built (the jobs load after /healthz answers, so memory at that moment would leave them out).
  const syncMs = await followUpsSynced(bot.url);
  const settleMs = await settled(bot.child.pid!, SETTLE_LIMIT_MS);
  const rssAfterStart = await rssMb(bot.child.pid!);
  const echo = await serve('bench/echoBot.ts', {});
  // The floor bot: the least any botbuilder dialog bot does, the framework's share of a turn.
  const floor = await serve('bench/floorBot.ts', {});
  const sink = await replySink();
  let turnRun: TurnRun;
  let rssAfterLoad: number;
  try {
    turnRun = await measureTurns({
      botUrl: bot.url,
      echoUrl: echo.url,
      floorUrl: floor.url,
      serviceUrl: sink.serviceUrl,
      lastText: sink.lastText,
      phaseMs: PHASE_MS,
      phases: PHASES,
      cases: largest.cases,
    });
    rssAfterLoad = await rssMb(bot.child.pid!);
  } finally {
    await bot.stop();
    await echo.stop();
    await floor.stop();
    await sink.close();
  }

  // One change, acknowledged on disk, at each size (fresh copies: the turns changed the big one).
  const changeDirs = [];
  for (const store of built) changeDirs.push({ size: store.cases, dataDir: await copyOf(store, join(work, `changes-${store.cases}`)) });
  const changes = await measureChanges(changeDirs, CHANGES);

  // The jobs due now among all of them.
  const jobs = await FileJobStore.open(join(largest.dataDir, 'jobs'));
  const dueSamples: number[] = [];
  let dueNow = 0;
  for (let i = 0; i < DUE_LOOKUPS; i++) {
    const started = performance.now();
    dueNow = (await jobs.dueSummary(new Date())).due;
    dueSamples.push(performance.now() - started);
  }

  const fanout = await measureFanout(FANOUT);

  // ---- report ----
  const ratio = (q: number) => percentile(allTurns(turnRun.bot), q) / percentile(allTurns(turnRun.echo), q);
  say(`\nturns over HTTP, ${turnRun.conversations} conversations at once, ${PHASES} phases of ${PHASE_MS / 1000} s each, interleaved`);
  for (const line of turnTable(turnRun)) say(line);
  say('\none change acknowledged on disk (cases.update), ms');
  for (const [size, samples] of changes) {
    say(
      `  ${String(size).padStart(6)} cases: p50 ${fixed(percentile(samples, 0.5))}  p99 ${fixed(percentile(samples, 0.99))}  max ${fixed(Math.max(...samples))}`,
    );
  }
  say(
    `due jobs: ${dueNow} due now among ${jobs.size.toLocaleString('en')}, found in p50 ${fixed(percentile(dueSamples, 0.5), 3)} ms, p99 ${fixed(percentile(dueSamples, 0.99), 3)} ms`,
  );
  say(
    `fan-out: ${fanout.prompts.toLocaleString('en')} prompts in ${fixed(fanout.wallMs / 1000, 1)} s (${fixed((fanout.prompts / fanout.wallMs) * 1000, 1)}/s), lost ${fanout.lost}, duplicated ${fanout.duplicated}; 429s: ${fanout.refusedOverLimit} over the limits, ${fanout.refusedBusy} busy`,
  );
  say(
    `cold start ${fixed(bot.startMs, 0)} ms to /healthz (RSS then ${fixed(rssAtHealthz, 0)} MB); follow-ups derived again ${fixed(syncMs / 1000, 1)} s later, in the background, ` +
      `and the bot ${settleMs === undefined ? `still busy after ${SETTLE_LIMIT_MS / 1000} s` : `settled ${fixed(settleMs / 1000, 1)} s after that`}; ` +
      `RSS ${fixed(rssAfterStart, 0)} MB after start, ${fixed(rssAfterLoad, 0)} MB after the turns`,
  );

  const changeP99 = (size: number) => percentile(changes.get(size) ?? [], 0.99);
  const result = {
    turnP50Ratio: ratio(0.5),
    turnP99Ratio: ratio(0.99),
    turnsPerSecond: perSecond(turnRun.bot),
    changeP99Ms100: changeP99(100),
    changeP99Ms1000: changeP99(1_000),
    changeP99Ms10000: changeP99(10_000),
    dueJobsMs: percentile(dueSamples, 0.5),
    fanoutRateFraction: fanout.rateFraction,
    fanoutLost: fanout.lost,
    fanoutDuplicated: fanout.duplicated,
    coldStartMs: bot.startMs,
    rssMb: rssAfterStart,
    rssAfterLoadMb: rssAfterLoad,
    loadAverage,
  };
  const checks: [string, boolean][] = [
    [`turn ratios ≤ ${TARGETS.turnRatio}`, result.turnP50Ratio <= TARGETS.turnRatio && result.turnP99Ratio <= TARGETS.turnRatio],
    [
      `change p99 at 10,000 ≤ ${TARGETS.changeP99Ms} ms and ≤ ${TARGETS.changeGrowth} × at 100`,
      result.changeP99Ms10000 <= TARGETS.changeP99Ms && result.changeP99Ms10000 <= TARGETS.changeGrowth * result.changeP99Ms100,
    ],
    [`due jobs ≤ ${TARGETS.dueJobsMs} ms`, result.dueJobsMs <= TARGETS.dueJobsMs],
    [
      `fan-out ≥ ${TARGETS.fanoutRateFraction} of the rate, none lost or twice`,
      result.fanoutRateFraction >= TARGETS.fanoutRateFraction && result.fanoutLost === 0 && result.fanoutDuplicated === 0,
    ],
    [`cold start ≤ ${TARGETS.coldStartMs} ms`, result.coldStartMs <= TARGETS.coldStartMs],
    [
      `RSS ≤ ${TARGETS.rssMb} MB, after the turns ≤ ${TARGETS.rssGrowth} ×`,
      result.rssMb <= TARGETS.rssMb && result.rssAfterLoadMb <= TARGETS.rssGrowth * result.rssMb,
    ],
  ];
  say('\ntargets');
  for (const [label, met] of checks) say(`  ${met ? 'met    ' : 'NOT MET'}  ${label}`);
  say(JSON.stringify(result));
} finally {
  await rm(work, { recursive: true, force: true });
}
