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

const withFrom = (from: Record<string, unknown>) => ({ ...valid(), from: { ...(valid().from as object), ...from } });
const withConversation = (conversation: Record<string, unknown>) => ({ ...valid(), conversation: { ...(valid().conversation as object), ...conversation } });

describe('malformed requests to /api/messages', () => {
  it.each([
    ['invalid JSON', '{"type": "message", "text": "hola"', 'the body must be a JSON activity'],
    ['a JSON array', '[{"type": "message"}]', 'the body must be a JSON activity'],
    ['a JSON string', '"hola"', 'the body must be a JSON activity'],
    ['an empty body', '', 'activity.type is required'],
    ['no type', without('type'), 'activity.type is required'],
    ['no conversation', without('conversation'), 'activity.conversation is required'],
    ['a conversation without id', { ...valid(), conversation: { name: 'x' } }, 'activity.conversation.id is required'],
    ['no from', without('from'), 'activity.from is required'],
    ['no serviceUrl', without('serviceUrl'), 'activity.serviceUrl is required'],
    ['text that is not a string', { ...valid(), text: { evil: true } }, 'activity.text must be a string'],
    ['a locale that is not a string', { ...valid(), locale: ['es-ES'] }, 'activity.locale must be a string'],
    ['an aadObjectId that is not a string', withFrom({ aadObjectId: 42 }), 'activity.from.aadObjectId must be a string'],
    ['an aadObjectId of 201 characters', withFrom({ aadObjectId: 'a'.repeat(201) }), 'activity.from.aadObjectId must be at most 200 characters'],
    ['a from.id that is not a string', withFrom({ id: 7 }), 'activity.from.id must be a string'],
    ['a from.id of 201 characters', withFrom({ id: 'u'.repeat(201) }), 'activity.from.id must be at most 200 characters'],
    ['a conversation.id of 1001 characters', withConversation({ id: 'c'.repeat(1001) }), 'activity.conversation.id must be at most 1000 characters'],
    ['a conversation.tenantId that is not a string', withConversation({ tenantId: { id: 'x' } }), 'activity.conversation.tenantId must be a string'],
    ['channelData that is a string', { ...valid(), channelData: 'tenant' }, 'activity.channelData must be an object'],
    ['channelData that is an array', { ...valid(), channelData: [] }, 'activity.channelData must be an object'],
    ['a channelData.tenant.id that is not a string', { ...valid(), channelData: { tenant: { id: 1 } } }, 'activity.channelData.tenant.id must be a string'],
  ])('%s gets 400 with a clear message', async (_name, body, message) => {
    const response = await postToBot(bot.url, body);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: message });
  });

  it('a value of any JSON shape is accepted', async () => {
    for (const value of [null, 3, 'x', [1, { a: [true] }], { action: 'submit', data: { n: 1 } }]) {
      const activity = messageActivity('hola', { user: 'worker-2', serviceUrl: 'http://127.0.0.1:9/unused', deliveryMode: 'expectReplies' });
      const response = await postToBot(bot.url, { ...activity, value });
      expect(response.status).toBe(200);
    }
  });

  it('a body that is not JSON gets 400 or 415', async () => {
    const response = await postToBot(bot.url, 'hola', { 'content-type': 'text/plain' });
    expect([400, 415]).toContain(response.status);
  });

  it('a body over the limit (1 MB) gets 413 with a plain message', async () => {
    const response = await postToBot(bot.url, { ...valid(), text: 'x'.repeat(1024 * 1024) });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ error: 'the body is larger than 256kb' });
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
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      duplex: 'half',
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
