// What the bot's process loads before it answers: the charts' libraries (Vega, Vega-Lite,
// resvg) and the date parser (chrono-node) take a good part of a second each to load, so they
// are loaded when first used or by a warm-up a few seconds after the bot listens, never before.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const LOADED_ONLY_WHEN_USED = ['/node_modules/vega/', '/node_modules/vega-lite/', '/node_modules/@resvg/', '/node_modules/chrono-node/'];

/**
 * Starts the entry point in a child process and lists every module it loaded by the time it
 * listens: ES modules as a loader hook saw them resolved, CommonJS ones from require's cache.
 */
const LIST_LOADED = `
import { createRequire, register } from 'node:module';
import { MessageChannel } from 'node:worker_threads';
const { port1, port2 } = new MessageChannel();
const loaded = new Set();
port1.on('message', (url) => loaded.add(url));
const hook = 'let port; export function initialize(data) { port = data.port; }'
  + ' export async function resolve(specifier, context, next) { const resolved = await next(specifier, context); port.postMessage(resolved.url); return resolved; }';
register('data:text/javascript,' + encodeURIComponent(hook), { data: { port: port2 }, transferList: [port2] });
await import('./src/index.ts');
await new Promise((resolve) => setTimeout(resolve, 200));
for (const file of Object.keys(createRequire(import.meta.url).cache)) loaded.add(file);
console.log('LOADED ' + JSON.stringify([...loaded]));
process.exit(0);
`;

function modulesLoadedAtStart(dataDir: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', LIST_LOADED], {
      cwd: REPO_ROOT,
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, ENLACE_QUIET: '1' },
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
      const line = out.split('\n').find((l) => l.startsWith('LOADED '));
      if (code === 0 && line) resolve(JSON.parse(line.slice('LOADED '.length)) as string[]);
      else reject(new Error(`the bot did not start (exit ${code}): ${err}`));
    });
  });
}

describe('starting the bot', () => {
  it('loads neither the charts nor the date parser before it listens', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'enlace-modules-'));
    try {
      const loaded = (await modulesLoadedAtStart(dataDir)).map((module) => module.replaceAll('\\', '/'));
      // The list is real: the bot's own modules and botbuilder are in it.
      expect(loaded.some((module) => module.endsWith('/src/server.ts'))).toBe(true);
      expect(loaded.some((module) => module.includes('/node_modules/botbuilder/'))).toBe(true);
      expect(loaded.filter((module) => LOADED_ONLY_WHEN_USED.some((heavy) => module.includes(heavy)))).toEqual([]);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 45_000);
});
