// The bot and the echo bot as child processes, as `npm start` runs them (compiled, with plain
// node): spawn, wait until /healthz answers, read resident memory from /proc.
// BENCH_RUNTIME=tsx runs the TypeScript sources through tsx instead (`npm run dev`), to compare.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { BUNDLED_BOT, buildIfStale } from '../src/cli/build.js';

const REPO_ROOT = fileURLToPath(new URL('../', import.meta.url));
const LISTENING = /listening on http:\/\/[^\s/]+:(\d+)\/api\/messages/;

export interface Served {
  child: ChildProcess;
  url: string;
  /** From spawn to the first 200 from /healthz. */
  startMs: number;
  stop(): Promise<void>;
}

export interface Runtime {
  command: string;
  args: string[];
  /** What to run or import: the module as the runtime loads it. */
  specifier: string;
}

/**
 * How `npm start` runs `module` (a path relative to the repository, or a package name): the
 * JavaScript compiled into dist/ by `npm run build`, with plain node. Call ensureBuilt() first.
 */
export function runtimeFor(module: string): Runtime {
  if (process.env.BENCH_RUNTIME === 'tsx')
    return { command: process.execPath, args: ['--import', 'tsx'], specifier: module.endsWith('.ts') ? `./${module}` : module };
  // The bot as npm start runs it, bundled; the echo bot compiled only.
  if (module === 'src/index.ts') return { command: process.execPath, args: [], specifier: `./${BUNDLED_BOT}` };
  const specifier = module.endsWith('.ts') ? `./dist/${module.replace(/\.ts$/, '.js')}` : module;
  return { command: process.execPath, args: [], specifier };
}

let building: Promise<boolean> | undefined;

/** Builds dist/ when the sources changed since the last build, once per process (as npm start's prestart does). */
export function ensureBuilt(): Promise<boolean> {
  if (process.env.BENCH_RUNTIME === 'tsx') return Promise.resolve(false);
  building ??= buildIfStale(REPO_ROOT);
  return building;
}

/** Spawns `script` (relative to the repository) with port 0 and waits for /healthz. */
export async function serve(script: string, env: Record<string, string>, timeoutMs = 900_000): Promise<Served> {
  const { MicrosoftAppId: _id, MicrosoftAppPassword: _password, ...inherited } = process.env;
  // The build is npm start's prestart, before the process: not part of its start.
  await ensureBuilt();
  const { command, args, specifier } = runtimeFor(script);
  // BENCH_BOT_NODE_ARGS: node options for the bot alone, such as --cpu-prof to see where a turn's time goes.
  if (script === 'src/index.ts' && process.env.BENCH_BOT_NODE_ARGS) args.push(...process.env.BENCH_BOT_NODE_ARGS.split(' '));
  const begun = performance.now();
  const child = spawn(command, [...args, specifier], {
    cwd: REPO_ROOT,
    env: { ...inherited, PORT: '0', HOST: '127.0.0.1', ENLACE_QUIET: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  child.stderr!.on('data', (chunk: Buffer) => {
    err += chunk.toString();
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const until = begun + timeoutMs;
  let url: string | undefined;
  // The port is known once the process says it listens; from then /healthz is polled.
  while (performance.now() < until) {
    if (child.exitCode !== null) throw new Error(`${script} exited with ${child.exitCode}: ${err}`);
    const port = LISTENING.exec(out)?.[1];
    if (port) {
      url = `http://127.0.0.1:${port}`;
      const ok = await fetch(`${url}/healthz`).then(
        (r) => r.status === 200,
        () => false,
      );
      if (ok) break;
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  if (!url) throw new Error(`${script} did not answer /healthz within ${timeoutMs} ms: ${err}`);
  return {
    child,
    url,
    startMs: performance.now() - begun,
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** CPU time a process has used so far, user and system, in ms (Linux): less swayed by other work on the machine than the time on the clock. */
export async function cpuMs(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  // The fields after the command name, which is in parentheses and may hold spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1000) / CLOCK_TICKS_PER_SECOND;
}

/**
 * Waits until the process uses under a tenth of a core over a second (the start-up sync over,
 * and the scheduler caught up on the jobs that fell due while the store lay unused): the ms
 * waited, or undefined past `limitMs`.
 */
export async function settled(pid: number, limitMs: number): Promise<number | undefined> {
  const begun = performance.now();
  while (performance.now() - begun < limitMs) {
    const before = await cpuMs(pid);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    if ((await cpuMs(pid)) - before < 100) return performance.now() - begun;
  }
  return undefined;
}

/** Linux's USER_HZ, the unit of /proc/<pid>/stat's times. */
const CLOCK_TICKS_PER_SECOND = 100;

/** Resident memory of a process, in MB (Linux). */
export async function rssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1]);
  return kb / 1024;
}

/** Waits until the bot's /healthz says every case's follow-ups were derived again; the milliseconds waited. */
export async function followUpsSynced(url: string, timeoutMs = 900_000): Promise<number> {
  const begun = performance.now();
  while (performance.now() - begun < timeoutMs) {
    const health = (await (await fetch(`${url}/healthz`)).json()) as { followUps?: { synced?: boolean } };
    if (health.followUps?.synced) return performance.now() - begun;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`the follow-ups were not synced within ${timeoutMs} ms`);
}
