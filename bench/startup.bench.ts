// `npm run bench:startup`: how fast the bot's process answers, and which modules it waits for.
// 1. Cold start: the bot spawned as `npm start` runs it (bench/processes.ts: compiled into
//    dist/, built first when the sources changed; BENCH_RUNTIME=tsx runs the sources through
//    tsx), on an empty DATA_DIR, from spawn to /healthz answering 200; several runs, the
//    median printed. The echo bot (bench/echoBot.ts, botbuilder and express only) is timed alike, as the floor.
// 2. Import timing: each module imported alone in a fresh process run the same way, the time
//    of that import measured inside the process (the module and everything it pulls in).
// BENCH_STARTUP_RUNS sets the runs of each (default 7).
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { cpuMs, ensureBuilt, runtimeFor, serve } from './processes.js';

const RUNS = Math.max(1, Number(process.env.BENCH_STARTUP_RUNS ?? 7));

/** Packages and the project's own modules that the start-up path imports (or used to). */
const MODULES = [
  'botbuilder',
  'botbuilder-dialogs',
  'express',
  'zod',
  'chrono-node',
  'vega',
  'vega-lite',
  '@resvg/resvg-js',
  'src/domain/schemas.ts',
  'src/domain/dates.ts',
  'src/app/chartImage.ts',
  'src/app/services.ts',
  'src/bot/enlaceBot.ts',
  'dialogs/index.ts',
  'src/server.ts',
];

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

const summary = (values: readonly number[]) =>
  `median ${median(values).toFixed(0)} ms (min ${Math.min(...values).toFixed(0)}, max ${Math.max(...values).toFixed(0)}, n ${values.length})`;

async function coldStarts(script: string, withStore: boolean): Promise<{ times: number[]; cpu: number[] }> {
  const times: number[] = [];
  const cpu: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const dataDir = withStore ? await mkdtemp(join(tmpdir(), 'enlace-startup-')) : undefined;
    try {
      const served = await serve(script, dataDir ? { DATA_DIR: dataDir } : {}, 120_000);
      times.push(served.startMs);
      cpu.push(await cpuMs(served.child.pid!));
      await served.stop();
    } finally {
      if (dataDir) await rm(dataDir, { recursive: true, force: true });
    }
  }
  return { times, cpu };
}

/** Milliseconds one `import()` of `module` takes in a fresh process started as the bot is, on the clock and of CPU. */
function importMs(module: string): Promise<{ wall: number; cpu: number }> {
  const { command, args, specifier } = runtimeFor(module);
  const code = `const t = performance.now(); const c = process.cpuUsage(); await import(${JSON.stringify(specifier)}); const u = process.cpuUsage(c); console.log(performance.now() - t, (u.user + u.system) / 1000);`;
  return new Promise((resolve, reject) => {
    const child = spawn(command, [...args, '--input-type=module', '-e', code], {
      cwd: new URL('../', import.meta.url),
      env: { ...process.env, ENLACE_QUIET: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.once('exit', (code) => {
      const [wall, cpu] = (out.trim().split('\n').at(-1) ?? '').split(' ').map(Number);
      if (code === 0 && Number.isFinite(wall) && Number.isFinite(cpu)) resolve({ wall: wall!, cpu: cpu! });
      else reject(new Error(`importing ${module} failed (exit ${code}): ${err}`));
    });
  });
}

if (await ensureBuilt()) console.log('built dist/ (npm run build)');
console.log(`load average ${loadavg()[0]!.toFixed(2)}; ${RUNS} runs each; bot started as: ${JSON.stringify(runtimeFor('src/index.ts'))}`);

const bot = await coldStarts('src/index.ts', true);
const echo = await coldStarts('bench/echoBot.ts', false);
console.log(`cold start, spawn to /healthz 200, empty store: bot ${summary(bot.times)}; echo bot ${summary(echo.times)}`);
console.log(`CPU used by then: bot ${summary(bot.cpu)}; echo bot ${summary(echo.cpu)}`);

console.log('\nimport of each module alone, in a fresh process, median (ms):');
console.log(`${'module'.padEnd(28)} ${'clock'.padStart(6)} ${'CPU'.padStart(6)}`);
const timings: Record<string, { wall: number; cpu: number }> = {};
for (const module of MODULES) {
  const runs: { wall: number; cpu: number }[] = [];
  for (let run = 0; run < Math.min(RUNS, 3); run++) runs.push(await importMs(module));
  const timing = { wall: Math.round(median(runs.map((r) => r.wall))), cpu: Math.round(median(runs.map((r) => r.cpu))) };
  timings[module] = timing;
  console.log(`${module.padEnd(28)} ${String(timing.wall).padStart(6)} ${String(timing.cpu).padStart(6)}`);
}
console.log(
  JSON.stringify({
    coldStartMedianMs: Math.round(median(bot.times)),
    coldStartCpuMedianMs: Math.round(median(bot.cpu)),
    echoStartMedianMs: Math.round(median(echo.times)),
    echoStartCpuMedianMs: Math.round(median(echo.cpu)),
    importMs: timings,
  }),
);
