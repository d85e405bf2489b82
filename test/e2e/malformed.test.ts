// Malformed requests to the real entry point get a 4xx, never reach the bot, and never
// crash the process: a valid message afterwards is still answered.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageActivity, postToBot, sendExpectingReplies } from './support/botClient.js';
import { killLeftoverBots, startBotProcess, type ListeningBot } from './support/botProcess.js';
import { seededDataDir } from './support/seededBot.js';

let bot: ListeningBot;
let dataDir: string;

// One bot for the whole file, so its folder outlives each test (tempDir removes its own).
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'enlace-e2e-'));
  bot = await startBotProcess(await seededDataDir({ dataDir }));
}, 60_000);
afterAll(async () => {
  await killLeftoverBots();
  await rm(dataDir, { recursive: true, force: true });
});

const valid = () => messageActivity('hola', { user: 'worker-1', serviceUrl: 'http://127.0.0.1:9' }) as Record<string, unknown>;
const without = (field: string) => {
  const activity = valid();
  delete activity[field];
  return activity;
};

describe('malformed requests to /api/messages', () => {
  it.each([
    ['invalid JSON', '{"type": "message", "text": "hola"'],
    ['a JSON array', '[{"type": "message"}]'],
    ['a JSON string', '"hola"'],
    ['an empty body', ''],
    ['no type', without('type')],
    ['no conversation', without('conversation')],
    ['a conversation without id', { ...valid(), conversation: { name: 'x' } }],
    ['no from', without('from')],
    ['no serviceUrl', without('serviceUrl')],
    ['text that is not a string', { ...valid(), text: { evil: true } }],
  ])('%s gets 400', async (_name, body) => {
    const response = await postToBot(bot.url, body);
    expect(response.status).toBe(400);
    expect(await response.json()).toHaveProperty('error');
  });

  it('a body that is not JSON gets 400 or 415', async () => {
    const response = await postToBot(bot.url, 'hola', { 'content-type': 'text/plain' });
    expect([400, 415]).toContain(response.status);
  });

  it('a body over the limit (1 MB) gets 413', async () => {
    const response = await postToBot(bot.url, { ...valid(), text: 'x'.repeat(1024 * 1024) });
    expect(response.status).toBe(413);
  });

  it('a body over the limit sent in chunks, without a length, gets 413', async () => {
    const chunk = new TextEncoder().encode(`{"type":"message","text":"${'x'.repeat(64 * 1024)}`);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 20) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const response = await fetch(`${bot.url}/api/messages`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body, duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
  });

  it('GET /api/messages is not served as a message', async () => {
    const response = await fetch(`${bot.url}/api/messages`);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
  });

  it('after all of them the process is alive and answers a valid message', async () => {
    expect(bot.child.exitCode).toBeNull();
    const replies = await sendExpectingReplies(bot.url, 'worker-1', 'hola');
    expect(replies.join('\n')).toContain('Hola, Lucía Martín');
    expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
    // Node may print deprecation warnings; nothing may have failed.
    expect(bot.stderr()).not.toMatch(/Error|Unhandled|uncaught/i);
  });
});
