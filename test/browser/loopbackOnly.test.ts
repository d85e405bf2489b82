// The preload that keeps the Agents Playground on 127.0.0.1: a server that names no host
// listens on loopback; one that names its host keeps it.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const PRELOAD = fileURLToPath(new URL('./support/loopbackOnly.cjs', import.meta.url));

/** The address a server gets in a node process with the preload, listening as `listenCall` says. */
async function addressWith(listenCall: string): Promise<string> {
  const script = `const s = require('node:net').createServer(); s.${listenCall}; s.on('listening', () => { console.log(s.address().address); s.close(); });`;
  const { stdout } = await promisify(execFile)(process.execPath, ['--require', PRELOAD, '-e', script]);
  return stdout.trim();
}

describe('loopbackOnly preload', () => {
  it('puts a server that names no host on 127.0.0.1, whichever way it listens', async () => {
    expect(await addressWith('listen(0)')).toBe('127.0.0.1');
    expect(await addressWith('listen(0, () => {})')).toBe('127.0.0.1');
    expect(await addressWith('listen({ port: 0 })')).toBe('127.0.0.1');
  });

  it('leaves a host that is named (another loopback address)', async () => {
    expect(await addressWith("listen(0, '127.0.0.2')")).toBe('127.0.0.2');
    expect(await addressWith("listen({ port: 0, host: '127.0.0.2' })")).toBe('127.0.0.2');
  });
});
