// Runs `npm run data -- …` as a child process on a data folder, with what to type on stdin.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export interface DataRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export function startData(
  dataDir: string,
  args: string[],
  options: { input?: string; env?: NodeJS.ProcessEnv } = {},
): { child: ChildProcess; done: Promise<DataRun> } {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, ...options.env };
  for (const [name, value] of Object.entries(options.env ?? {})) if (value === undefined) delete env[name];
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '../../src/cli/data.ts'), ...args], {
    env,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  child.stdin!.end(options.input ?? '');
  const done = new Promise<DataRun>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
  return { child, done };
}

export function runData(dataDir: string, args: string[], options: { input?: string; env?: NodeJS.ProcessEnv } = {}): Promise<DataRun> {
  return startData(dataDir, args, options).done;
}
