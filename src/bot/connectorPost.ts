// One proactive message to one stored conversation, through CloudAdapter.continueConversationAsync.
// The POST to the connector is made here, signed with the connector client's credentials,
// rather than by context.sendActivity: botbuilder drops the activity's id (our idempotency
// key) and its HTTP pipeline retries 429 and 5xx on its own, while the follow-ups scheduler
// retries durably, with its own backoff, and must see each answer as it came.
import { TurnContext, type Activity, type CloudAdapter, type ConversationReference } from 'botbuilder';

export type PostResult =
  | { readonly ok: true; readonly status: number }
  /** A passing failure (429, 412, 5xx, network…): try again, not before `retryAfterMs` when the channel said. */
  | { readonly ok: false; readonly retry: true; readonly code: string; readonly retryAfterMs?: number }
  /** The channel refuses this conversation for good (Teams' 403 codes). */
  | { readonly ok: false; readonly retry: false; readonly code: string };

export interface PostOptions {
  /** Teams error codes of a 403 that retrying cannot mend. */
  readonly refusalCodes: readonly string[];
  readonly timeoutMs?: number;
}

/** What the turn state holds under the adapter's connector client key, as far as signing goes. */
interface SigningConnector {
  readonly credentials: { signRequest(resource: unknown): Promise<unknown> };
}

export async function postProactive(
  adapter: CloudAdapter,
  appId: string,
  reference: Partial<ConversationReference>,
  activity: Partial<Activity>,
  options: PostOptions,
): Promise<PostResult> {
  let result: PostResult = { ok: false, retry: true, code: 'not-attempted' };
  try {
    await adapter.continueConversationAsync(appId, reference, async (context) => {
      // Nothing may throw out of here: the adapter would report it into the person's chat.
      try {
        result = await post(context, reference, activity, options);
      } catch (error) {
        result = { ok: false, retry: true, code: `network: ${errorCode(error)}` };
      }
    });
  } catch (error) {
    // Before the turn began: a token could not be had, or the reference is unusable.
    result = { ok: false, retry: true, code: `connector: ${errorCode(error)}` };
  }
  return result;
}

async function post(context: TurnContext, reference: Partial<ConversationReference>, activity: Partial<Activity>, options: PostOptions): Promise<PostResult> {
  const body = TurnContext.applyConversationReference({ ...activity }, reference);
  const conversationId = body.conversation?.id ?? '';
  const url = `${(body.serviceUrl ?? '').replace(/\/+$/, '')}/v3/conversations/${encodeURIComponent(conversationId)}/activities`;
  const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
  const connector = context.turnState.get<SigningConnector | undefined>(context.adapter.ConnectorClientKey);
  // The credentials add the bearer token when the bot has an app id; none for local use.
  const signable = {
    headers: {
      set(name: string, value: string) {
        headers[name.toLowerCase()] = value;
      },
    },
  };
  await connector?.credentials.signRequest(signable);
  const response = await fetch(url, {
    method: 'POST',
    headers,
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
  });
  if (response.ok) {
    await response.body?.cancel();
    return { ok: true, status: response.status };
  }
  const errorCodeInBody = await channelErrorCode(response);
  if (response.status === 403 && errorCodeInBody && options.refusalCodes.includes(errorCodeInBody)) {
    return { ok: false, retry: false, code: errorCodeInBody };
  }
  const retryAfterMs = retryAfter(response.headers.get('retry-after'));
  const code = `HTTP ${response.status}${errorCodeInBody ? ` ${errorCodeInBody}` : ''}`;
  return { ok: false, retry: true, code, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) };
}

/** The `error.code` of a Bot Framework error body, if any. */
async function channelErrorCode(response: Response): Promise<string | undefined> {
  try {
    const body = (await response.json()) as { error?: { code?: unknown } };
    return typeof body.error?.code === 'string' ? body.error.code.slice(0, 100) : undefined;
  } catch {
    return undefined;
  }
}

/** Retry-After as seconds or an HTTP date, in ms from now; undefined when absent or unreadable. */
export function retryAfter(header: string | null, nowMs = Date.now()): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

function errorCode(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown } } | undefined)?.cause?.code;
  if (typeof cause === 'string') return cause;
  return error instanceof Error ? error.name : typeof error;
}
