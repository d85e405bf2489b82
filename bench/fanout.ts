// Proactive fan-out: N check-in prompts, due now, to N clients, through the bot's own
// delivery path — the follow-ups scheduler, the proactive sender with its rate-limit
// buckets, CloudAdapter and the connector post, the jobs on disk and the outbox — to a
// local connector stand-in that enforces Teams' limits (50 a second for the app; 7 a second,
// 8 in 2 seconds and 60 in 30 seconds per conversation) and also refuses some posts with 429
// and Retry-After, as Teams does when busy. Only what the message says comes from a stand-in.
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConversationState, MemoryStorage } from 'botbuilder';
import type { FollowUpDelivery } from '../src/app/followUpDelivery.js';
import { FollowUpScheduler, type Delivery } from '../src/app/scheduler.js';
import { createAdapter } from '../src/bot/adapter.js';
import { adapterSender } from '../src/bot/proactiveSender.js';
import { newJob, type Job } from '../src/domain/followups/job.js';
import { OutboxRecordSchema, withDelivery, type OutboxRecord } from '../src/domain/followups/outbox.js';
import { readSettings } from '../src/settings.js';
import { FileCollection } from '../src/store/fileCollection.js';
import { FileJobStore } from '../src/store/fileJobStore.js';
import { benchCaseId } from './caseFactory.js';

const APP_LIMIT = { count: 50, perMs: 1_000 };
const CONVERSATION_LIMITS = [
  { count: 7, perMs: 1_000 },
  { count: 8, perMs: 2_000 },
  { count: 60, perMs: 30_000 },
];
/** One post in this many is refused with 429 even within the limits. */
const BUSY_EVERY = 97;

export interface FanoutResult {
  prompts: number;
  wallMs: number;
  /** Messages accepted per second, as a fraction of the app's 50 a second. */
  rateFraction: number;
  lost: number;
  duplicated: number;
  refusedOverLimit: number;
  refusedBusy: number;
}

/** Timestamps of accepted posts within a sliding window: at most `count` in any `perMs`. */
class SlidingWindow {
  private readonly times: number[] = [];
  constructor(private readonly limit: { count: number; perMs: number }) {}
  allows(now: number): boolean {
    while (this.times.length > 0 && this.times[0]! <= now - this.limit.perMs) this.times.shift();
    return this.times.length < this.limit.count;
  }
  add(now: number): void {
    this.times.push(now);
  }
}

async function rateLimitedConnector() {
  const app = new SlidingWindow(APP_LIMIT);
  const perConversation = new Map<string, SlidingWindow[]>();
  const accepted = new Map<string, number>();
  const stats = { posts: 0, overLimit: 0, busy: 0, lastAcceptedAt: 0 };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const now = performance.now();
      const conversation = decodeURIComponent(/\/v3\/conversations\/([^/]+)/.exec(req.url ?? '')?.[1] ?? '');
      const windows = perConversation.get(conversation) ?? CONVERSATION_LIMITS.map((limit) => new SlidingWindow(limit));
      perConversation.set(conversation, windows);
      const refuse = (retryAfter: string) => res.writeHead(429, { 'retry-after': retryAfter, 'content-type': 'application/json' }).end('{}');
      stats.posts++;
      if (!app.allows(now) || !windows.every((w) => w.allows(now))) {
        stats.overLimit++;
        return refuse('1');
      }
      if (stats.posts % BUSY_EVERY === 0) {
        stats.busy++;
        return refuse('2');
      }
      app.add(now);
      for (const w of windows) w.add(now);
      const { id } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { id: string };
      // Each chat gets one prompt: a second accepted post to it, whatever its id, is a duplicate.
      accepted.set(conversation, (accepted.get(conversation) ?? 0) + 1);
      stats.lastAcceptedAt = now;
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    serviceUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    accepted,
    stats,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export async function measureFanout(prompts: number): Promise<FanoutResult> {
  const folder = await mkdtemp(join(tmpdir(), 'enlace-fanout-'));
  const connector = await rateLimitedConnector();
  const jobs = await FileJobStore.open(join(folder, 'jobs'));
  const outbox = new FileCollection<OutboxRecord>('outbox', join(folder, 'outbox'), OutboxRecordSchema);
  try {
    await outbox.load();
    const start = new Date();
    const due: Job[] = Array.from({ length: prompts }, (_, i) =>
      newJob(
        {
          kind: 'clientCheckIn',
          caseId: benchCaseId(i),
          recipient: { role: 'client' },
          subject: { taskId: `T-${i}-0-0` },
          dueAt: new Date(start.getTime() - 60_000).toISOString(),
        },
        start,
      ),
    );
    await jobs.schedule(due);
    const indexOfCase = new Map(due.map((job, i) => [job.caseId!, i]));

    // Who each client is and where their chat is; the message is a fixed sentence.
    const delivery = {
      async addresses(d: Delivery) {
        const index = indexOfCase.get(d.caseId ?? '') ?? -1;
        const userId = `client-${index}`;
        const conversationId = `a:conversation-${index}`;
        return {
          targets: [
            {
              userId,
              conversationId,
              language: 'es' as const,
              timeZone: 'Europe/Madrid',
              reference: {
                channelId: 'msteams',
                serviceUrl: connector.serviceUrl,
                user: { id: userId },
                bot: { id: 'enlace-bot' },
                conversation: { id: conversationId },
              },
            },
          ],
        };
      },
      async undelivered(list: readonly Job[], userId: string) {
        const fresh: Job[] = [];
        for (const job of list) if (!(await outbox.get(job.id))?.deliveries.some((d) => d.to === userId)) fresh.push(job);
        return fresh;
      },
      async message() {
        return '¿Cómo va tu tarea? Responde a este mensaje cuando puedas.';
      },
      // No overdue reviews and no check-in card: the message stays the sentence above.
      async items() {
        return [];
      },
      async checkInPromptTasks() {
        return undefined;
      },
      async recordDelivered(list: readonly Job[], userId: string, activityId: string) {
        const at = new Date().toISOString();
        await Promise.all(list.map((job) => outbox.update(job.id, (record) => withDelivery(record, job.id, { to: userId, activityId, at }))));
      },
      async markUnreachable() {},
    } as unknown as FollowUpDelivery;

    const adapter = createAdapter(readSettings({ PORT: '0', HOST: '127.0.0.1' }), new ConversationState(new MemoryStorage()));
    const scheduler = new FollowUpScheduler(
      { queue: jobs, sender: adapterSender(adapter, '', { followUps: delivery }), now: () => new Date(), stillValid: () => true },
      { owner: `bench:${process.pid}` },
    );
    const began = performance.now();
    scheduler.start();
    const sentAll = async () => (await Promise.all(due.map((job) => jobs.get(job.id)))).every((job) => job?.status === 'sent');
    const giveUpAt = began + Math.max(120_000, (prompts / APP_LIMIT.count) * 1000 * 3);
    while (!(await sentAll()) && performance.now() < giveUpAt) await new Promise((resolve) => setTimeout(resolve, 250));
    await scheduler.stop();
    await jobs.flush();
    const wallMs = connector.stats.lastAcceptedAt - began;
    const accepted = [...connector.accepted.values()];
    const delivered = accepted.length;
    const duplicated = accepted.reduce((sum, n) => sum + n - 1, 0);
    const lost = prompts - Math.min(prompts, delivered);
    const rate = (delivered / wallMs) * 1000;
    return {
      prompts,
      wallMs,
      rateFraction: rate / APP_LIMIT.count,
      lost,
      duplicated,
      refusedOverLimit: connector.stats.overLimit,
      refusedBusy: connector.stats.busy,
    };
  } finally {
    await connector.close();
    // Their journals' files are closed before the folder goes.
    await jobs.close();
    await outbox.close();
    await rm(folder, { recursive: true, force: true });
  }
}
