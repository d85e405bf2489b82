// A stand-in for the Bot Connector service (the activity's serviceUrl): it records every
// activity the bot sends and answers {id}. Replies can be held back to keep a turn in flight,
// and the next posts to a conversation can be answered with scripted failures (429 with
// Retry-After, 5xx, Teams' 403 codes).
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Activity } from 'botbuilder';

export interface ReceivedActivity {
  conversationId: string;
  /** When the post arrived, on the real clock (ms). */
  at: number;
  /** The HTTP status the stand-in answered with. */
  status: number;
  /** Set when the bot replied to a given activity (…/activities/:activityId). */
  replyToId?: string;
  authorization?: string;
  activity: Partial<Activity>;
}

/** How to answer one post instead of 200. */
export interface ScriptedAnswer {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface ConnectorStandIn {
  serviceUrl: string;
  /** The activities accepted (answered 2xx). */
  received: ReceivedActivity[];
  /** Every post, accepted or refused, in order. */
  posts: ReceivedActivity[];
  /** Messages the bot started itself (follow-ups), accepted, to one conversation: not replies to a message. */
  proactiveTo(conversationId: string): ReceivedActivity[];
  /** The next posts to `conversationId` get these answers, one each, in order. */
  answerNext(conversationId: string, ...answers: ScriptedAnswer[]): void;
  /** Texts sent to a conversation, in order, from index `from` of `received`. */
  textsFor(conversationId: string, from?: number): string[];
  /** Resolves with the first activity sent from now on whose text matches. */
  waitForText(pattern: RegExp, timeoutMs?: number): Promise<ReceivedActivity>;
  /** Holds the answer to activities whose text matches until release() is called. */
  holdRepliesMatching(pattern: RegExp): { release(): void };
  close(): Promise<void>;
}

const ACTIVITIES_PATH = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?\/?$/;

export async function startConnectorStandIn(): Promise<ConnectorStandIn> {
  const received: ReceivedActivity[] = [];
  const posts: ReceivedActivity[] = [];
  const scripts = new Map<string, ScriptedAnswer[]>();
  const watchers: { pattern: RegExp; resolve: (r: ReceivedActivity) => void }[] = [];
  const holds: { pattern: RegExp; released: Promise<void> }[] = [];
  let counter = 0;

  const server: Server = createServer(async (req, res) => {
    const match = req.method === 'POST' ? ACTIVITIES_PATH.exec(new URL(req.url ?? '/', 'http://x').pathname) : null;
    if (!match) {
      res.writeHead(404).end();
      return;
    }
    const activity = JSON.parse((await bodyOf(req)) || '{}') as Partial<Activity>;
    const conversationId = decodeURIComponent(match[1]!);
    const scripted = scripts.get(conversationId)?.shift();
    const entry: ReceivedActivity = {
      conversationId,
      at: Date.now(),
      status: scripted?.status ?? 200,
      replyToId: match[2] ? decodeURIComponent(match[2]) : undefined,
      authorization: req.headers.authorization,
      activity,
    };
    posts.push(entry);
    if (scripted !== undefined) {
      res.writeHead(scripted.status, { 'content-type': 'application/json', ...scripted.headers }).end(JSON.stringify(scripted.body ?? {}));
      return;
    }
    received.push(entry);
    for (const watcher of watchers.filter((w) => w.pattern.test(activity.text ?? ''))) {
      watchers.splice(watchers.indexOf(watcher), 1);
      watcher.resolve(entry);
    }
    for (const hold of holds.filter((h) => h.pattern.test(activity.text ?? ''))) await hold.released;
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `stand-in-${++counter}` }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    serviceUrl: `http://127.0.0.1:${port}`,
    received,
    posts,
    proactiveTo: (conversationId) => received.filter((r) => r.conversationId === conversationId && r.replyToId === undefined),
    answerNext(conversationId, ...answers) {
      scripts.set(conversationId, [...(scripts.get(conversationId) ?? []), ...answers]);
    },
    textsFor: (conversationId, from = 0) =>
      received
        .slice(from)
        .filter((r) => r.conversationId === conversationId)
        .map((r) => r.activity.text ?? ''),
    waitForText(pattern, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no activity matching ${pattern} within ${timeoutMs} ms`)), timeoutMs);
        watchers.push({
          pattern,
          resolve: (r) => {
            clearTimeout(timer);
            resolve(r);
          },
        });
      });
    },
    holdRepliesMatching(pattern) {
      let release!: () => void;
      holds.push({
        pattern,
        released: new Promise<void>((resolve) => {
          release = resolve;
        }),
      });
      return { release };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function bodyOf(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
