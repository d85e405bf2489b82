// The entry point's start: bad data stops it with a clear message and leaves the file as it
// is; with an app id set, the messaging endpoint demands a valid token.
import { readFile, writeFile } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { messageActivity, postToBot } from './support/botClient.js';
import { killLeftoverBots, spawnBot, startBotProcess } from './support/botProcess.js';
import { seededDataDir } from './support/seededBot.js';

// A start of the entry point takes seconds on a busy machine.
const CHILD_TEST_TIMEOUT = 45_000;

afterEach(killLeftoverBots);

describe('a corrupt data file', () => {
  it(
    'stops the bot with a message naming the file and the problem, and leaves the file as it was',
    async () => {
      const dataDir = await seededDataDir();
      const file = join(dataDir, 'cases', 'C-XXXXXX.json');
      const corrupt = Buffer.from('{"id": "C-XXXXXX", "status": "op');
      await writeFile(file, corrupt);

      const bot = spawnBot(dataDir);
      const exit = await bot.exited;
      expect(exit.code).not.toBe(0);
      expect(exit.code).not.toBeNull();
      expect(bot.stderr()).toContain(file);
      expect(bot.stderr()).toContain('is not valid JSON');
      expect(bot.stdout()).not.toContain('listening');
      expect(await readFile(file)).toEqual(corrupt);
    },
    CHILD_TEST_TIMEOUT,
  );

  it(
    'names the field when a case file is valid JSON but not a case',
    async () => {
      const dataDir = await seededDataDir();
      const file = join(dataDir, 'cases', 'C-XXXXXX.json');
      const invalid = Buffer.from(JSON.stringify({ id: 'C-XXXXXX', status: 'half-open' }));
      await writeFile(file, invalid);

      const bot = spawnBot(dataDir);
      expect((await bot.exited).code).toBe(1);
      expect(bot.stderr()).toContain(file);
      expect(bot.stderr()).toMatch(/does not match the cases schema at "\w+/);
      expect(await readFile(file)).toEqual(invalid);
    },
    CHILD_TEST_TIMEOUT,
  );
});

describe('a port already in use', () => {
  it(
    'stops the bot with a message, instead of claiming to listen',
    async () => {
      const taken = createServer();
      await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
      const { port } = taken.address() as AddressInfo;
      try {
        const bot = spawnBot(await seededDataDir(), { PORT: String(port) });
        const exit = await bot.exited;
        expect(bot.stdout()).not.toContain('listening');
        expect(exit.code).not.toBe(0);
        expect(bot.stderr()).toMatch(new RegExp(`${port}.*(in use|EADDRINUSE)|(in use|EADDRINUSE).*${port}`));
      } finally {
        await new Promise((resolve) => taken.close(resolve));
      }
    },
    CHILD_TEST_TIMEOUT,
  );
});

describe('authentication on (MicrosoftAppId and MicrosoftAppPassword set)', () => {
  it(
    'answers 401 without a valid token, and health stays open',
    async () => {
      const dataDir = await seededDataDir();
      const bot = await startBotProcess(dataDir, {
        MicrosoftAppId: '00000000-0000-4000-8000-000000000001',
        MicrosoftAppPassword: 'not-a-real-secret',
      });
      expect(bot.stdout()).toContain('auth: on');
      const message = messageActivity('hola', { user: 'worker-1', serviceUrl: 'https://smba.trafficmanager.net/emea/' });

      expect((await postToBot(bot.url, message)).status).toBe(401);
      expect((await postToBot(bot.url, message, { authorization: 'Bearer not.a.token' })).status).toBe(401);
      expect((await postToBot(bot.url, message, { authorization: 'Basic d29ya2VyOnB3' })).status).toBe(401);
      const health = await fetch(`${bot.url}/healthz`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ status: 'ok' });
      expect(await bot.stop()).toEqual({ code: 0, signal: null });
    },
    CHILD_TEST_TIMEOUT,
  );
});
