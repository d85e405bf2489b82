// The HTTP server: POST /api/messages for the Bot Connector, GET /healthz. Malformed
// requests get a 4xx and never reach the bot; a stop finishes the turns in flight first.
import type { Server } from 'node:http';
import { hostname } from 'node:os';
import { join } from 'node:path';
import type { Activity } from 'botbuilder';
import express, { type NextFunction, type Request, type Response } from 'express';
import { z } from 'zod';
import { FollowUpScheduler } from './app/scheduler.js';
import { createServices } from './app/services.js';
import { createAdapter } from './bot/adapter.js';
import { EnlaceConversationState } from './bot/conversationState.js';
import { EnlaceBot } from './bot/enlaceBot.js';
import { log } from './bot/log.js';
import { adapterSender } from './bot/proactiveSender.js';
import { CollectionStorage } from './bot/storage.js';
import { defaultConfig } from './domain/config.js';
import { OutboxRecordSchema, type OutboxRecord } from './domain/followups/outbox.js';
import type { Settings } from './settings.js';
import { FileCollection } from './store/fileCollection.js';
import { FileJobStore } from './store/fileJobStore.js';
import { OpeningJobQueue } from './store/openingJobQueue.js';
import { JsonStore } from './store/jsonStore.js';
import { createDialogs } from '../dialogs/index.js';

export interface RunningBot {
  url: string;
  port: number;
  store: JsonStore;
  /** The follow-ups loop; runNow() runs a round at once (tests move a fake clock, then call it). */
  followUps: FollowUpScheduler;
  /** Stops accepting, waits for the turns in flight, stops the follow-ups, flushes and closes the store. */
  stop(): Promise<void>;
  /** Rejects when the follow-up jobs, opened in the background, cannot be read (a StoreError naming the file). */
  jobsOpened: Promise<unknown>;
}

export interface StartOptions {
  /** The clock for turns and follow-ups; the wall clock when not given. */
  now?: () => Date;
  /** Opened already (tests); otherwise opened from settings.dataDir. */
  store?: JsonStore;
  /**
   * Listen before the follow-ups of every case are derived again (the entry point); by
   * default the start waits for it, so a test's first round sees them.
   */
  syncFollowUpsInBackground?: boolean;
}

const MAX_BODY = '256kb';
/** The store keeps user ids of up to 200 characters (an Entra object id has 36). */
const MAX_USER_ID = 200;
/** Teams conversation ids run to a few hundred characters. */
const MAX_CONVERSATION_ID = 1000;

const NOT_AN_ACTIVITY = 'the body must be a JSON activity';
const UNHANDLED_INVOKE = 'this bot does not handle that invoke';
const REQUEST_ERRORS: Record<string, string> = {
  'entity.parse.failed': NOT_AN_ACTIVITY,
  'entity.too.large': `the body is larger than ${MAX_BODY}`,
  'encoding.unsupported': 'the body has an unsupported encoding',
  'charset.unsupported': 'the body has an unsupported charset',
  'request.aborted': 'the request was aborted',
};

export async function startBot(settings: Settings, options: StartOptions = {}): Promise<RunningBot> {
  const started = Date.now();
  const store = options.store ?? (await JsonStore.open(settings.dataDir));
  const now = options.now ?? (() => new Date());
  // Follow-up jobs and the outbox of accepted messages live beside the records. With the sync
  // in the background the jobs open there too: the server answers meanwhile.
  const jobs = new OpeningJobQueue(FileJobStore.open(join(store.dataDir, 'jobs')));
  if (!options.syncFollowUpsInBackground) await jobs.opened;
  const outbox = new FileCollection<OutboxRecord>('outbox', join(store.dataDir, 'outbox'), OutboxRecordSchema);
  await outbox.load();
  const services = createServices(store.repositories, now, defaultConfig, { jobs, outbox }, log);
  // Keyed by conversation and user: in a shared conversation each person has their own dialog.
  const conversationState = new EnlaceConversationState(new CollectionStorage(store.repositories.botState));
  const adapter = createAdapter(settings, conversationState);
  const bot = new EnlaceBot({ services, conversationState, dialogs: createDialogs(), allowedTenantIds: settings.allowedTenantIds });
  const followUps = new FollowUpScheduler(
    {
      queue: jobs,
      sender: adapterSender(adapter, settings.appId, { followUps: services.followUps.delivery, log }),
      now,
      ...services.followUps.schedulerHooks(),
      log: (event, details) => log(`followUps.${event}`, Object.fromEntries(Object.entries(details).map(([k, v]) => [k, String(v)]))),
    },
    { owner: `${hostname()}:${process.pid}` },
  );
  services.followUps.useScheduler(followUps);
  let stopping = false;
  // What changed while the bot was down (or was missed) is derived again before the first
  // round. At agency scale that takes seconds, so `npm start` answers meanwhile: a job
  // derived from a case that changes under the sync is checked again before it is sent.
  let followUpsSynced = false;
  const syncFollowUps = async () => {
    try {
      await jobs.opened;
    } catch {
      // Reported through `jobsOpened`; nothing can be sent without the jobs.
      return;
    }
    try {
      log('followUps.synced', await services.followUps.syncAll());
    } catch (error) {
      log('followUps.syncFailed', { error: (error as Error).name });
    }
    followUpsSynced = true;
    if (!stopping) followUps.start();
  };
  let syncing: Promise<void> | undefined;
  if (!options.syncFollowUpsInBackground) await syncFollowUps();

  let inFlight = 0;
  let idle: (() => void) | null = null;
  const app = express();
  app.disable('x-powered-by');
  // While stopping, no connection is kept alive for another request.
  app.use((_req, res, next) => {
    if (stopping) res.setHeader('Connection', 'close');
    next();
  });
  app.get('/healthz', async (_req, res) => {
    const at = now();
    const due = jobs.isOpen ? await jobs.dueSummary(at) : undefined;
    const last = followUps.lastRound;
    res.json({
      status: stopping ? 'stopping' : 'ok',
      cases: await store.repositories.cases.count(),
      uptimeSeconds: Math.round((Date.now() - started) / 1000),
      followUps: {
        loaded: jobs.isOpen,
        synced: followUpsSynced,
        due: due?.due ?? null,
        oldestDueSeconds: due ? Math.round(due.oldestDueMs / 1000) : null,
        lastRunAt: last?.at.toISOString() ?? null,
        ...(last?.report ? { lastRun: last.report } : {}),
        ...(last?.error ? { lastRunFailed: true } : {}),
      },
    });
  });
  app.post('/api/messages', express.json({ limit: MAX_BODY }), async (req: Request, res: Response) => {
    if (stopping) return void res.status(503).json({ error: 'stopping' });
    const problem = activityProblem(req.body);
    if (problem) return void res.status(400).json({ error: problem });
    inFlight++;
    try {
      const answer = await adapter.answer(req.body as Activity, req.headers.authorization ?? '', (context) => bot.run(context));
      // botbuilder answers an invoke nothing handles with 501; for the channel it is a request
      // this bot does not take, not a failure of the server.
      if (answer.status === 501 && (req.body as Activity).type === 'invoke') return void res.status(400).json({ error: UNHANDLED_INVOKE });
      res.status(answer.status);
      if (answer.body === undefined) res.end();
      else res.json(answer.body);
    } finally {
      inFlight--;
      if (inFlight === 0) idle?.();
    }
  });
  // Error messages stay in the process; the caller gets a fixed sentence.
  app.use((error: Error & { status?: number; type?: string }, _req: Request, res: Response, _next: NextFunction) => {
    const status = error.status && error.status >= 400 && error.status < 500 ? error.status : 500;
    log('http.error', { status, error: error.type ?? error.name });
    if (!res.headersSent)
      res.status(status).json({ error: REQUEST_ERRORS[error.type ?? ''] ?? (status === 500 ? 'internal error' : 'the request cannot be read') });
  });

  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(settings.port, settings.host, (error?: Error) => (error ? reject(error) : resolve(s)));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : settings.port;
  // Begun once the server listens, and it gives way to requests as it goes (syncAll).
  if (options.syncFollowUpsInBackground) syncing = syncFollowUps();

  return {
    url: `http://localhost:${port}`,
    port,
    store,
    followUps,
    jobsOpened: jobs.opened,
    async stop() {
      stopping = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      if (inFlight > 0)
        await new Promise<void>((resolve) => {
          idle = resolve;
        });
      // The turns are answered: drop the connections that carried them.
      server.closeAllConnections();
      await closed;
      // A sync or round under way finishes (and records what it sent) before the stores close.
      await syncing;
      await followUps.stop();
      await jobs.close().catch(() => undefined);
      await outbox.close();
      await store.close();
    },
  };
}

/** A field's problem: missing, or of the wrong type. */
const expected = (what: string) => ({ error: (issue: { input?: unknown }) => (issue.input === undefined ? 'is required' : `must be ${what}`) });
const text = z.string(expected('a string'));
const upTo = (max: number) => ({ error: `must be at most ${max} characters` });
const required = (max: number) => text.min(1, { error: 'is required' }).max(max, upTo(max));
const object = <T extends z.core.$ZodLooseShape>(shape: T) => z.looseObject(shape, expected('an object'));

/** What the bot reads from an activity, with the types and lengths it can handle. */
const ActivityShape = object({
  type: required(100),
  serviceUrl: text,
  channelId: text,
  conversation: object({ id: required(MAX_CONVERSATION_ID), tenantId: text.optional() }),
  from: object({ id: required(MAX_USER_ID), aadObjectId: text.max(MAX_USER_ID, upTo(MAX_USER_ID)).optional() }),
  text: text.optional(),
  locale: text.optional(),
  channelData: object({ tenant: object({ id: text.optional() }).optional() }).optional(),
});

/** Why a body cannot be an activity, or undefined when it can. */
function activityProblem(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return NOT_AN_ACTIVITY;
  const parsed = ActivityShape.safeParse(body);
  if (parsed.success) return undefined;
  const issue = parsed.error.issues[0]!;
  return `activity.${issue.path.join('.')} ${issue.message}`;
}
