// What a crash or a careless hand leaves under DATA_DIR, seen by the entry point as
// `npm start` runs it: a folder where a record belongs, or a job snapshot that cannot be
// read, stops it with the path named;
// the temp files of writes that never completed are gone once it is up again.
import { spawn } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { killLeftoverBots, spawnBot, startBotProcess } from './support/botProcess.js';
import { seededDataDir } from './support/seededBot.js';

const CHILD_TEST_TIMEOUT = 45_000;

afterEach(killLeftoverBots);

describe('a damaged data folder', () => {
  it(
    'a folder named like a case file stops the bot with its path, and is left as it was',
    async () => {
      const dataDir = await seededDataDir();
      const folder = join(dataDir, 'cases', 'C-X.json');
      await mkdir(folder);
      await writeFile(join(folder, 'inside.txt'), 'kept');

      const bot = spawnBot(dataDir);
      expect((await bot.exited).code).toBe(1);
      expect(bot.stderr()).toContain(folder);
      expect(bot.stderr()).toContain('is a folder');
      expect(bot.stdout()).not.toContain('listening');
      expect(await readdir(folder)).toEqual(['inside.txt']);
    },
    CHILD_TEST_TIMEOUT,
  );

  it(
    'a follow-up job snapshot that cannot be read stops the bot, naming it, though the jobs load after /healthz answers',
    async () => {
      const dataDir = await seededDataDir();
      const snapshot = join(dataDir, 'jobs.snapshot');
      const damaged = '"v1 any"\n["",0,0,"",{"id":"J-1"\n';
      await writeFile(snapshot, damaged);

      const bot = spawnBot(dataDir);
      expect((await bot.exited).code).toBe(1);
      expect(bot.stderr()).toContain(`Enlace cannot start: the data file ${snapshot} has a line (2) that is not valid JSON`);
      expect(await readFile(snapshot, 'utf8')).toBe(damaged);
    },
    CHILD_TEST_TIMEOUT,
  );

  it(
    'temp files left by a process that died mid-write are removed when the bot starts again',
    async () => {
      const dataDir = await seededDataDir();
      const crashed = spawn(process.execPath, ['-e', '']);
      await new Promise((resolve) => crashed.once('exit', resolve));
      const leftovers = [join(dataDir, 'cases', `C-ABC123.json.${crashed.pid}.7.tmp`), join(dataDir, 'staff', `worker-1.json.${crashed.pid}.8.tmp`)];
      for (const file of leftovers) await writeFile(file, '{"id": "half');

      const bot = await startBotProcess(dataDir);
      const everywhere = (await Promise.all(['cases', 'staff'].map((c) => readdir(join(dataDir, c))))).flat();
      expect(everywhere.filter((name) => name.endsWith('.tmp'))).toEqual([]);
      expect(await bot.stop()).toEqual({ code: 0, signal: null });
    },
    CHILD_TEST_TIMEOUT,
  );
});
