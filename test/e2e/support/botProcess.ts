// The entry point (src/index.ts) as a real child process, as `npm run dev` runs it: the sources
// through tsx, so that the tests need no build. `bundled` runs what `npm start` runs instead,
// the build's bundle (build it first).
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { BUNDLED_BOT } from '../../../src/cli/build.js';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const LISTENING = /Enlace listening on (http:\/\/[^\s/]+:(\d+))\/api\/messages/;

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface BotProcess {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves when the process has exited. */
  exited: Promise<Exit>;
}

export interface ListeningBot extends BotProcess {
  url: string;
  port: number;
  /** Milliseconds from spawn to the "listening" line. */
  startMs: number;
  /** Sends a signal and waits for the exit. */
  stop(signal?: NodeJS.Signals): Promise<Exit>;
}

export interface SpawnOptions {
  /** Run the bundle `npm start` runs rather than the sources. */
  bundled?: boolean;
}

/** Spawns the entry point on `dataDir` with port 0; `env` adds or overrides variables. */
export function spawnBot(dataDir: string, env: Record<string, string> = {}, options: SpawnOptions = {}): BotProcess {
  const { MicrosoftAppId: _id, MicrosoftAppPassword: _password, ...inherited } = process.env;
  const args = options.bundled ? [BUNDLED_BOT] : ['--import', 'tsx', 'src/index.ts'];
  const child = spawn(process.execPath, args, {
    cwd: REPO_ROOT,
    env: { ...inherited, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, ...env },
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
  const exited = new Promise<Exit>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return { child, stdout: () => out, stderr: () => err, exited };
}

/** Spawns the entry point and waits for its "listening" line. */
export async function startBotProcess(
  dataDir: string,
  env: Record<string, string> = {},
  timeoutMs = 45_000,
  options: SpawnOptions = {},
): Promise<ListeningBot> {
  const begun = Date.now();
  const bot = spawnBot(dataDir, env, options);
  running.add(bot);
  void bot.exited.then(() => running.delete(bot));
  const match = await new Promise<RegExpExecArray>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "listening" line within ${timeoutMs} ms; stderr: ${bot.stderr()}`)), timeoutMs);
    const check = () => {
      const found = LISTENING.exec(bot.stdout());
      if (found) {
        clearTimeout(timer);
        bot.child.stdout!.off('data', check);
        resolve(found);
      }
    };
    bot.child.stdout!.on('data', check);
    void bot.exited.then((exit) => {
      clearTimeout(timer);
      reject(new Error(`the bot exited (${exit.code ?? exit.signal}) before listening; stderr: ${bot.stderr()}`));
    });
  });
  return {
    ...bot,
    url: match[1]!.replace('localhost', '127.0.0.1'),
    port: Number(match[2]),
    startMs: Date.now() - begun,
    async stop(signal = 'SIGTERM') {
      bot.child.kill(signal);
      return bot.exited;
    },
  };
}

const running = new Set<BotProcess>();

/** Kills any bot process a failed test left behind (call from afterEach). */
export async function killLeftoverBots(): Promise<void> {
  await Promise.all(
    [...running].map((bot) => {
      bot.child.kill('SIGKILL');
      return bot.exited;
    }),
  );
}
