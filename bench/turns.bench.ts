// `npm run bench:turns`: turn latency alone, the bot against the bare echo bot, on the
// 1,000-case store (BENCH_CASES to change it). Quicker than `npm run bench` for work on the
// turn path. Prints per-kind p50/p99 for both, the ratios, and, as its last line, one JSON
// object. BENCH_PHASES and BENCH_PHASE_MS set the measured phases per target.
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { agencyStore, copyOf } from './agencyStore.js';
import { cpuMs, followUpsSynced, rssMb, serve, settled } from './processes.js';
import { allTurns, measureTurns, percentile, replySink, type TurnKind } from './turns.js';

process.env.ENLACE_QUIET = '1';
const number = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const CASES = number('BENCH_CASES', 1_000);
const PHASES = number('BENCH_PHASES', 4);
const PHASE_MS = number('BENCH_PHASE_MS', 5_000);
/** 1: wait until the bot is idle before measuring (the scheduler catches up on jobs that fell due while the store lay unused); 0: measure at once, as `npm run bench` does. */
const SETTLE = number('BENCH_SETTLE', 1) === 1;
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
    const cpuBefore = { bot: await cpuMs(bot.child.pid!), echo: await cpuMs(echo.child.pid!) };
    const run = await measureTurns({
      botUrl: bot.url,
      echoUrl: echo.url,
      serviceUrl: sink.serviceUrl,
      lastText: sink.lastText,
      phaseMs: PHASE_MS,
      phases: PHASES,
      cases: store.cases,
    });
    const rssAfter = await rssMb(bot.child.pid!);
    // Under a closed loop on a shared machine, CPU per turn is the steadier figure.
    const cpuPerTurn = {
      bot: (await cpuMs(bot.child.pid!)) - cpuBefore.bot,
      echo: (await cpuMs(echo.child.pid!)) - cpuBefore.echo,
    };
    const perSecond = (samples: typeof run.bot) => (samples.turns / samples.wallMs) * 1000;
    say(`\nturns over HTTP, ${run.conversations} conversations at once, ${PHASES} phases of ${PHASE_MS / 1000} s per target, interleaved`);
    say(
      `${'turns'.padEnd(10)}${'n'.padStart(7)}${'p50 ms'.padStart(9)}${'p99 ms'.padStart(9)}${'echo p50'.padStart(10)}${'echo p99'.padStart(10)}${'p50 ×'.padStart(8)}${'p99 ×'.padStart(8)}`,
    );
    const rows: [string, number[], number[]][] = (['read', 'step', 'write'] as TurnKind[]).map((kind) => [kind, run.bot.ms[kind], run.echo.ms[kind]]);
    rows.push(['all', allTurns(run.bot), allTurns(run.echo)]);
    for (const [label, botMs, echoMs] of rows) {
      const [b50, b99, e50, e99] = [percentile(botMs, 0.5), percentile(botMs, 0.99), percentile(echoMs, 0.5), percentile(echoMs, 0.99)];
      say(
        `${label.padEnd(10)}${String(botMs.length).padStart(7)}${fixed(b50).padStart(9)}${fixed(b99).padStart(9)}${fixed(e50).padStart(10)}${fixed(e99).padStart(10)}${fixed(b50 / e50).padStart(8)}${fixed(b99 / e99).padStart(8)}`,
      );
    }
    say(`throughput: bot ${fixed(perSecond(run.bot), 0)} turns/s, echo ${fixed(perSecond(run.echo), 0)} turns/s`);
    // Every turn of the run, warm-up included, was sent to both.
    const sent = (measured: number) => measured * ((PHASES + 1) / PHASES);
    const botCpu = cpuPerTurn.bot / sent(run.bot.turns);
    const echoCpu = cpuPerTurn.echo / sent(run.echo.turns);
    say(`CPU per turn (approx., warm-up included): bot ${fixed(botCpu)} ms, echo ${fixed(echoCpu)} ms (× ${fixed(botCpu / echoCpu)})`);
    say(`bot RSS ${fixed(rssBefore, 0)} MB before the turns, ${fixed(rssAfter, 0)} MB after (× ${fixed(rssAfter / rssBefore)})`);
    if (run.unexpected.length > 0) say(`unexpected replies: ${run.unexpected.length}, e.g. ${run.unexpected[0]}`);
    const all = (samples: typeof run.bot, q: number) => percentile(allTurns(samples), q);
    say(
      JSON.stringify({
        turnP50Ratio: all(run.bot, 0.5) / all(run.echo, 0.5),
        turnP99Ratio: all(run.bot, 0.99) / all(run.echo, 0.99),
        botTurnsPerSecond: perSecond(run.bot),
        echoTurnsPerSecond: perSecond(run.echo),
        botCpuMsPerTurn: botCpu,
        echoCpuMsPerTurn: echoCpu,
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
    await sink.close();
  }
} finally {
  await rm(work, { recursive: true, force: true });
}
