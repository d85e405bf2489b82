// `npm run bench:turns`: turn latency alone, the bot against the bare echo bot, on the
// 1,000-case store (BENCH_CASES to change it). Quicker than `npm run bench` for work on the
// turn path. Prints per-kind p50/p99 for both, the ratios (and the floor bot's), and, as its
// last line, one JSON object. BENCH_PHASES and BENCH_PHASE_MS set the measured phases per target.
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { agencyStore, copyOf } from './agencyStore.js';
import { cpuMs, followUpsSynced, rssMb, serve, settled } from './processes.js';
import { allTurns, measureTurns, percentile, perSecond, replySink, turnTable } from './turns.js';

process.env.ENLACE_QUIET = '1';
const number = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const CASES = number('BENCH_CASES', 1_000);
const PHASES = number('BENCH_PHASES', 4);
const PHASE_MS = number('BENCH_PHASE_MS', 5_000);
/** 1: wait until the bot is idle before measuring (the scheduler catches up on jobs that fell due while the store lay unused); 0: measure at once, as `npm run bench` does. */
const SETTLE = number('BENCH_SETTLE', 1) === 1;
/** 1: also measure the floor bot, the least a botbuilder dialog bot does (BENCH_FLOOR=0 to leave it out). */
const FLOOR = number('BENCH_FLOOR', 1) === 1;
const SETTLE_LIMIT_MS = 120_000;

const say = (line: string) => console.log(line);
const fixed = (value: number, digits = 2) => value.toFixed(digits);
const loadAverage = loadavg()[0]!;

say(`Enlace turn benchmark (node ${process.version}, ${availableParallelism()} CPUs, load average ${fixed(loadAverage)} at start)`);
const store = await agencyStore(CASES, say);
say(`store of ${store.cases.toLocaleString('en')} cases, ${store.jobs.toLocaleString('en')} jobs${store.built ? ' (built now)' : ' (built earlier today)'}`);
const work = await mkdtemp(join(tmpdir(), 'enlace-bench-turns-'));
try {
  const bot = await serve('src/index.ts', { DATA_DIR: await copyOf(store, join(work, 'bot')) });
  const echo = await serve('bench/echoBot.ts', {});
  const floor = FLOOR ? await serve('bench/floorBot.ts', {}) : undefined;
  const sink = await replySink();
  try {
    await followUpsSynced(bot.url);
    if (SETTLE) {
      const settleMs = await settled(bot.child.pid!, SETTLE_LIMIT_MS);
      say(
        settleMs === undefined
          ? `the bot was still busy after ${SETTLE_LIMIT_MS / 1000} s; measuring anyway`
          : `the bot settled in ${fixed(settleMs / 1000, 1)} s`,
      );
    }
    const rssBefore = await rssMb(bot.child.pid!);
    const cpuOf = async (served: typeof floor) => (served ? cpuMs(served.child.pid!) : 0);
    const cpuBefore = { bot: await cpuOf(bot), echo: await cpuOf(echo), floor: await cpuOf(floor) };
    const run = await measureTurns({
      botUrl: bot.url,
      echoUrl: echo.url,
      floorUrl: floor?.url,
      serviceUrl: sink.serviceUrl,
      lastText: sink.lastText,
      phaseMs: PHASE_MS,
      phases: PHASES,
      cases: store.cases,
    });
    const rssAfter = await rssMb(bot.child.pid!);
    // Under a closed loop on a shared machine, CPU per turn is the steadier figure.
    const cpuPerTurn = {
      bot: (await cpuOf(bot)) - cpuBefore.bot,
      echo: (await cpuOf(echo)) - cpuBefore.echo,
      floor: (await cpuOf(floor)) - cpuBefore.floor,
    };
    say(`\nturns over HTTP, ${run.conversations} conversations at once, ${PHASES} phases of ${PHASE_MS / 1000} s per target, interleaved`);
    for (const line of turnTable(run)) say(line);
    // Every turn of the run, warm-up included, was sent to each.
    const sent = (measured: number) => measured * ((PHASES + 1) / PHASES);
    const botCpu = cpuPerTurn.bot / sent(run.bot.turns);
    const echoCpu = cpuPerTurn.echo / sent(run.echo.turns);
    const floorCpu = run.floor ? cpuPerTurn.floor / sent(run.floor.turns) : undefined;
    say(
      `CPU per turn (approx., warm-up included): bot ${fixed(botCpu)} ms, echo ${fixed(echoCpu)} ms (× ${fixed(botCpu / echoCpu)})` +
        (floorCpu === undefined ? '' : `, floor ${fixed(floorCpu)} ms (× ${fixed(floorCpu / echoCpu)})`),
    );
    say(`bot RSS ${fixed(rssBefore, 0)} MB before the turns, ${fixed(rssAfter, 0)} MB after (× ${fixed(rssAfter / rssBefore)})`);
    const all = (samples: typeof run.bot, q: number) => percentile(allTurns(samples), q);
    say(
      JSON.stringify({
        turnP50Ratio: all(run.bot, 0.5) / all(run.echo, 0.5),
        turnP99Ratio: all(run.bot, 0.99) / all(run.echo, 0.99),
        botTurnsPerSecond: perSecond(run.bot),
        echoTurnsPerSecond: perSecond(run.echo),
        botCpuMsPerTurn: botCpu,
        echoCpuMsPerTurn: echoCpu,
        ...(run.floor && {
          floorP50Ratio: all(run.floor, 0.5) / all(run.echo, 0.5),
          floorP99Ratio: all(run.floor, 0.99) / all(run.echo, 0.99),
          floorCpuMsPerTurn: floorCpu,
        }),
        rssBeforeMb: rssBefore,
        rssAfterMb: rssAfter,
        unexpected: run.unexpected.length,
        cases: store.cases,
        loadAverage,
      }),
    );
  } finally {
    await bot.stop();
    await echo.stop();
    await floor?.stop();
    await sink.close();
  }
} finally {
  await rm(work, { recursive: true, force: true });
}
