// The Microsoft 365 Agents Playground (`agentsplayground`) as a child process: the Teams
// emulator that posts to the bot and hosts its connector, whose address becomes the
// serviceUrl of every conversation reference the bot stores (SPEC §6). One Playground is one
// person: its config file names the current user, and the personal chat's id.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CLI = createRequire(import.meta.url).resolve('@microsoft/m365agentsplayground/cli.js');
const LOOPBACK_ONLY = fileURLToPath(new URL('./loopbackOnly.cjs', import.meta.url));
const LISTENING = /Listening on (\d+)/;

/** The Playground identities of the demo (see README and src/demo/playgroundUsers.ts). */
export const IDENTITIES = {
  worker: '.m365agentsplayground.yml',
  supervisor: 'playground/supervisor.yml',
  client: 'playground/client.yml',
} as const;

export type Identity = keyof typeof IDENTITIES;

export interface RunningPlayground {
  /** The chat page. */
  url: string;
  port: number;
  /** What the Playground printed, for a failure's message. */
  output(): string;
  stop(): Promise<void>;
}

/** A port free on 127.0.0.1 at this moment. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (typeof address !== 'object' || !address) throw new Error('no port was given');
  return address.port;
}

/**
 * Starts the Playground as `who` against the bot's `/api/messages`, on a free port of
 * 127.0.0.1, with its connector at that address; waits for its "Listening" line.
 */
export async function startPlayground(who: Identity, botEndpoint: string, timeoutMs = 60_000): Promise<RunningPlayground> {
  const port = await freePort();
  // It writes a log folder (devTools/) where it runs: a folder of its own, removed after.
  const workDir = await mkdtemp(join(tmpdir(), `enlace-playground-${who}-`));
  const child = spawn(
    process.execPath,
    [
      '--require',
      LOOPBACK_ONLY,
      CLI,
      '--app-endpoint',
      botEndpoint,
      '--channel-id',
      'msteams',
      '--port',
      String(port),
      '--service-url',
      `http://127.0.0.1:${port}/_connector`,
      '--disable-telemetry',
    ],
    {
      cwd: workDir,
      env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none', M365_AGENTS_PLAYGROUND_CONFIG_PATH: join(REPO_ROOT, IDENTITIES[who]) },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr!.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
    await rm(workDir, { recursive: true, force: true });
  };
  try {
    const listening = await listeningPort(child, () => output, timeoutMs);
    // It takes another port when the one asked for was taken meanwhile; its connector address would then be wrong.
    if (listening !== port) throw new Error(`the Playground listens on ${listening}, not on the port ${port} its connector address names`);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: `http://127.0.0.1:${port}`, port, output: () => output, stop };
}

function listeningPort(child: ChildProcess, output: () => string, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the Playground did not start within ${timeoutMs} ms:\n${output()}`)), timeoutMs);
    const check = () => {
      const found = LISTENING.exec(output());
      if (!found) return;
      clearTimeout(timer);
      child.stdout!.off('data', check);
      resolve(Number(found[1]));
    };
    child.stdout!.on('data', check);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`the Playground ended (${code ?? signal}) before listening:\n${output()}`));
    });
  });
}
