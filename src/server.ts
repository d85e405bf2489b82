// The HTTP server: POST /api/messages for the Bot Connector, GET /healthz. Malformed
// requests get a 4xx and never reach the bot; a stop finishes the turns in flight first.
import type { Server } from 'node:http';
import { PrivateConversationState } from 'botbuilder';
import express, { type NextFunction, type Request, type Response } from 'express';
import { createServices } from './app/services.js';
import { createAdapter } from './bot/adapter.js';
import { EnlaceBot } from './bot/enlaceBot.js';
import { log } from './bot/log.js';
import { CollectionStorage } from './bot/storage.js';
import type { Settings } from './settings.js';
import { JsonStore } from './store/jsonStore.js';
import { createDialogs } from '../dialogs/index.js';

export interface RunningBot {
  url: string;
  port: number;
  store: JsonStore;
  /** Stops accepting, waits for the turns in flight, flushes and closes the store. */
  stop(): Promise<void>;
}

export interface StartOptions {
  now?: () => Date;
  /** Opened already (tests); otherwise opened from settings.dataDir. */
  store?: JsonStore;
}

const MAX_BODY = '256kb';

export async function startBot(settings: Settings, options: StartOptions = {}): Promise<RunningBot> {
  const started = Date.now();
  const store = options.store ?? (await JsonStore.open(settings.dataDir));
  const services = createServices(store.repositories, options.now);
  // Keyed by conversation and user: in a shared conversation each person has their own dialog.
  const conversationState = new PrivateConversationState(new CollectionStorage(store.repositories.botState));
  const adapter = createAdapter(settings, conversationState);
  const bot = new EnlaceBot({ services, conversationState, dialogs: createDialogs(), allowedTenantIds: settings.allowedTenantIds });

  let inFlight = 0;
  let idle: (() => void) | null = null;
  let stopping = false;
  const app = express();
  app.disable('x-powered-by');
  // While stopping, no connection is kept alive for another request.
  app.use((_req, res, next) => {
    if (stopping) res.setHeader('Connection', 'close');
    next();
  });
  app.get('/healthz', async (_req, res) => {
    res.json({ status: stopping ? 'stopping' : 'ok', cases: await store.repositories.cases.count(), uptimeSeconds: Math.round((Date.now() - started) / 1000) });
  });
  app.post('/api/messages', express.json({ limit: MAX_BODY }), async (req: Request, res: Response) => {
    if (stopping) return void res.status(503).json({ error: 'stopping' });
    const problem = activityProblem(req.body);
    if (problem) return void res.status(400).json({ error: problem });
    inFlight++;
    try {
      await adapter.process(req, res, (context) => bot.run(context));
    } finally {
      inFlight--;
      if (inFlight === 0) idle?.();
    }
  });
  app.use((error: Error & { status?: number; type?: string }, _req: Request, res: Response, _next: NextFunction) => {
    const status = error.status && error.status >= 400 && error.status < 500 ? error.status : 500;
    if (status === 500) log('http.error', { error: error.name });
    if (!res.headersSent) res.status(status).json({ error: status === 500 ? 'internal error' : error.type ?? error.message });
  });

  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(settings.port, settings.host, (error?: Error) => (error ? reject(error) : resolve(s)));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : settings.port;

  return {
    url: `http://localhost:${port}`,
    port,
    store,
    async stop() {
      stopping = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      if (inFlight > 0) await new Promise<void>((resolve) => { idle = resolve; });
      // The turns are answered: drop the connections that carried them.
      server.closeAllConnections();
      await closed;
      await store.close();
    },
  };
}

/** Why a body cannot be an activity, or undefined when it can. */
function activityProblem(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return 'the body must be a JSON activity';
  const activity = body as Record<string, unknown>;
  if (typeof activity.type !== 'string' || activity.type === '') return 'activity.type is required';
  const needs = (value: unknown) => typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'string';
  if (!needs(activity.conversation)) return 'activity.conversation.id is required';
  if (!needs(activity.from)) return 'activity.from.id is required';
  if (typeof activity.serviceUrl !== 'string' || typeof activity.channelId !== 'string') return 'activity.serviceUrl and activity.channelId are required';
  if (activity.text !== undefined && typeof activity.text !== 'string') return 'activity.text must be a string';
  return undefined;
}
