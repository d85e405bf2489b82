// The proactive sender on the in-memory store with a scripted channel: a client linked from
// two chats, the outbox sparing a chat that already has the message, Retry-After read as
// seconds or a date, and the throttle's waits.
import { describe, expect, it } from 'vitest';
import { createServices, memoryFollowUpStores } from '../../src/app/services.js';
import { retryAfter, type PostResult } from '../../src/bot/connectorPost.js';
import { ProactiveSender } from '../../src/bot/proactiveSender.js';
import { DeliveryThrottle } from '../../src/bot/throttle.js';
import { defaultConfig } from '../../src/domain/config.js';
import { newJob } from '../../src/domain/followups/job.js';
import { memoryRepositories } from '../../src/store/memoryStore.js';
import { conversationRef } from '../e2e/support/seededBot.js';
import { DEMO_STAFF } from '../support/botHarness.js';
import { caseRecord, taskRecord } from '../support/records.js';

const NOW = new Date('2027-03-01T09:00:00Z');

async function setUp(answers: Record<string, PostResult[]>) {
  const repos = memoryRepositories();
  for (const staff of DEMO_STAFF) await repos.staff.put(staff);
  await repos.cases.put(caseRecord({ id: 'C-ANAPQR', tasks: [taskRecord({ id: 'T-CITA01', description: 'Pedir cita médica' })] }));
  for (const chat of ['ana-phone', 'ana-laptop']) {
    await repos.clientLinks.put({ id: chat, caseId: 'C-ANAPQR', linkedAt: NOW.toISOString(), codeId: `L-${chat}` });
    await repos.conversationRefs.put(conversationRef(chat, `conv-${chat}`, 'http://127.0.0.1:1'));
  }
  await repos.users.put({ id: 'ana-laptop', failedLinkAttempts: 0, language: 'en' });
  const stores = memoryFollowUpStores();
  const services = createServices(repos, () => NOW, defaultConfig, stores);
  const posts: { conversation: string; id: string; text: string }[] = [];
  const waits: number[] = [];
  const sender = new ProactiveSender({
    followUps: services.followUps.delivery,
    post: async (reference, activity) => {
      const conversation = (reference.conversation as { id: string }).id;
      posts.push({ conversation, id: activity.id, text: activity.text });
      return answers[conversation]?.shift() ?? { ok: true, status: 201 };
    },
    throttle: new DeliveryThrottle({ perConversation: [{ count: 2, perMs: 1_000 }], perApp: [{ count: 50, perMs: 1_000 }] }),
    clockMs: () => 0,
    sleep: async (ms) => void waits.push(ms),
  });
  const job = newJob(
    { kind: 'clientCheckIn', caseId: 'C-ANAPQR', recipient: { role: 'client' }, subject: { taskId: 'T-CITA01' }, dueAt: NOW.toISOString() },
    NOW,
  );
  const delivery = { recipient: { role: 'client' as const }, caseId: 'C-ANAPQR', jobs: [job] };
  return { repos, sender, posts, waits, delivery };
}

describe('proactive sender', () => {
  it('sends to every chat of the client in its own language, with one id per chat', async () => {
    const { sender, posts, delivery } = await setUp({});
    expect(await sender.send(delivery)).toEqual({ outcome: 'sent' });
    expect(posts.map((p) => [p.conversation, p.text])).toEqual([
      ['conv-ana-phone', 'Hola. ¿Cómo va tu tarea «Pedir cita médica»? Contéstame aquí cuando quieras.'],
      ['conv-ana-laptop', 'Hi. How is your task "Pedir cita médica" going? Answer me here when you like.'],
    ]);
    expect(posts[0]!.id).not.toBe(posts[1]!.id);
  });

  it('retries only the chat that failed: the other is in the outbox', async () => {
    const { sender, posts, delivery } = await setUp({ 'conv-ana-laptop': [{ ok: false, retry: true, code: 'HTTP 429', retryAfterMs: 5_000 }] });
    expect(await sender.send(delivery)).toEqual({ outcome: 'retry', error: 'HTTP 429', retryAfterMs: 5_000 });
    expect(await sender.send(delivery)).toEqual({ outcome: 'sent' });
    expect(posts.map((p) => p.conversation)).toEqual(['conv-ana-phone', 'conv-ana-laptop', 'conv-ana-laptop']);
    expect(posts[1]!.id).toBe(posts[2]!.id);
  });

  it('counts the message delivered when one chat refuses for good and the other takes it; that chat is marked unreachable', async () => {
    const { repos, sender, delivery } = await setUp({ 'conv-ana-phone': [{ ok: false, retry: false, code: 'ConversationBlockedByUser' }] });
    expect(await sender.send(delivery)).toEqual({ outcome: 'sent' });
    expect((await repos.users.get('ana-phone'))?.unreachable).toEqual({ since: NOW.toISOString(), code: 'ConversationBlockedByUser' });
    expect((await repos.users.get('ana-laptop'))?.unreachable).toBeUndefined();
  });

  it('reports a client with no chat it can use, without posting', async () => {
    const { repos, sender, posts, delivery } = await setUp({});
    for (const chat of ['ana-phone', 'ana-laptop'])
      await repos.users.update(chat, (p) => ({
        ...p!,
        id: chat,
        failedLinkAttempts: 0,
        unreachable: { since: NOW.toISOString(), code: 'MessageWritesBlocked' },
      }));
    expect(await sender.send(delivery)).toEqual({ outcome: 'unreachable', code: 'MarkedUnreachable' });
    await repos.clientLinks.delete('ana-phone');
    await repos.clientLinks.delete('ana-laptop');
    expect(await sender.send(delivery)).toEqual({ outcome: 'unreachable', code: 'NoConversationReference' });
    expect(posts).toEqual([]);
  });

  it('waits as the throttle says before posting to a busy conversation', async () => {
    const { sender, waits, delivery } = await setUp({
      'conv-ana-phone': Array.from({ length: 3 }, () => ({ ok: false, retry: true, code: 'HTTP 503' }) as const),
    });
    for (let n = 0; n < 3; n++) await sender.send(delivery);
    expect(waits.length).toBeGreaterThan(0);
    expect(Math.max(...waits)).toBeGreaterThanOrEqual(500);
  });
});

describe('Retry-After', () => {
  it('is read as seconds or as an HTTP date, and ignored when unreadable', () => {
    expect(retryAfter('120')).toBe(120_000);
    expect(retryAfter('Mon, 01 Mar 2027 09:00:30 GMT', Date.parse('2027-03-01T09:00:00Z'))).toBe(30_000);
    expect(retryAfter('soon')).toBeUndefined();
    expect(retryAfter(null)).toBeUndefined();
  });
});
