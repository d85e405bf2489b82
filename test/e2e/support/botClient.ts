// Talks to the bot over HTTP as a channel would: POST /api/messages with a message
// activity, replies either sent to the stand-in connector or returned in the response
// body (deliveryMode 'expectReplies').
import { randomUUID } from 'node:crypto';
import type { Activity } from 'botbuilder';
import type { ConnectorStandIn } from './connectorStandIn.js';

export interface MessageOptions {
  user: string;
  serviceUrl: string;
  conversationId?: string;
  locale?: string;
  deliveryMode?: 'expectReplies';
}

export function messageActivity(text: string, options: MessageOptions): Partial<Activity> {
  return {
    type: 'message',
    id: randomUUID(),
    text,
    locale: options.locale,
    timestamp: new Date(),
    channelId: 'emulator',
    serviceUrl: options.serviceUrl,
    from: { id: options.user, name: options.user },
    recipient: { id: 'enlace-bot', name: 'Enlace' },
    conversation: { id: options.conversationId ?? `conv-${options.user}` } as Activity['conversation'],
    ...(options.deliveryMode ? { deliveryMode: options.deliveryMode } : {}),
  };
}

/** POSTs a body to the bot; `body` may be a string to send it unchanged (malformed tests). */
export function postToBot(botUrl: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${botUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** Sends `text` and returns the texts of the replies the bot sent to the connector for it. */
export async function send(botUrl: string, connector: ConnectorStandIn, user: string, text: string): Promise<string[]> {
  const activity = messageActivity(text, { user, serviceUrl: connector.serviceUrl });
  const before = connector.received.length;
  const response = await postToBot(botUrl, activity);
  if (response.status >= 300) throw new Error(`the bot answered ${response.status} to "${text}": ${await response.text()}`);
  // CloudAdapter answers the POST after the turn, so its replies have reached the connector.
  return connector.received
    .slice(before)
    .filter((r) => r.conversationId === activity.conversation!.id && r.replyToId === activity.id)
    .map((r) => r.activity.text ?? '');
}

/** Sends each text in turn and returns the replies to the last one. */
export async function sendAll(botUrl: string, connector: ConnectorStandIn, user: string, texts: string[]): Promise<string[]> {
  let replies: string[] = [];
  for (const text of texts) replies = await send(botUrl, connector, user, text);
  return replies;
}

/** Sends `text` with deliveryMode 'expectReplies' and returns the reply texts from the body. */
export async function sendExpectingReplies(botUrl: string, user: string, text: string, locale?: string): Promise<string[]> {
  const activity = messageActivity(text, { user, locale, serviceUrl: 'http://127.0.0.1:9/unused', deliveryMode: 'expectReplies' });
  const response = await postToBot(botUrl, activity);
  if (response.status !== 200) throw new Error(`the bot answered ${response.status}: ${await response.text()}`);
  const body = (await response.json()) as { activities?: Partial<Activity>[] };
  return (body.activities ?? []).map((a) => a.text ?? '');
}
