// The follow-ups scheduler's Sender over CloudAdapter: one message per chat of the person,
// in their language, carrying every job gathered for them. The message's activity id is
// derived from its jobs and chat; the outbox records each chat the connector accepted
// before the scheduler marks the jobs sent, so a job claimed again after a crash is not
// shown twice. See the README (Follow-ups) for the window this leaves.
import type { CloudAdapter, ConversationReference } from 'botbuilder';
import { MARKED_UNREACHABLE, NO_CHAT, REFUSAL_CODES, type DeliveryTarget, type FollowUpDelivery } from '../app/followUpDelivery.js';
import type { Delivery, SendOutcome, Sender } from '../app/scheduler.js';
import { deliveryId } from '../domain/followups/outbox.js';
import type { Job } from '../domain/followups/job.js';
import { localDate } from '../domain/dates.js';
import { MOST_ALERTS_ON_CARD, overdueAlertCard, type OverdueEntry } from '../../dialogs/cards/alertCard.js';
import { attachment, type AdaptiveCard } from '../../dialogs/cards/elements.js';
import { checkInPromptCard } from '../../dialogs/cards/clientCards.js';
import { channelShowsCards } from '../../dialogs/prompts.js';
import { postProactive, type PostResult } from './connectorPost.js';
import { DeliveryThrottle } from './throttle.js';

/** One message: its text, or, where the chat shows cards, a card (with the text as its fallback). */
export interface ProactiveMessage {
  type: 'message';
  id: string;
  text: string;
  locale: string;
  attachments?: { contentType: string; content: unknown }[];
}

type Post = (reference: Partial<ConversationReference>, activity: ProactiveMessage) => Promise<PostResult>;

export interface ProactiveSenderDeps {
  readonly followUps: FollowUpDelivery;
  readonly post: Post;
  readonly throttle?: DeliveryThrottle;
  /** Real time, for the throttle's waits (the scheduler's clock may be a test's). */
  readonly clockMs?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly log?: (event: string, fields: Record<string, string | number | boolean>) => void;
}

/** The sender for a running bot: posts through the adapter with the bot's app id. */
export function adapterSender(adapter: CloudAdapter, appId: string, deps: Omit<ProactiveSenderDeps, 'post'>): ProactiveSender {
  const post: Post = (reference, activity) => postProactive(adapter, appId, reference, activity, { refusalCodes: REFUSAL_CODES });
  return new ProactiveSender({ ...deps, post });
}

type ChatOutcome = SendOutcome | { readonly outcome: 'none' };

export class ProactiveSender implements Sender {
  private readonly throttle: DeliveryThrottle;

  constructor(private readonly deps: ProactiveSenderDeps) {
    this.throttle = deps.throttle ?? new DeliveryThrottle();
  }

  async send(delivery: Delivery): Promise<SendOutcome> {
    const { targets, missing } = await this.deps.followUps.addresses(delivery);
    if (targets.length === 0) {
      this.log('followUps.noChat', delivery, { code: missing ?? NO_CHAT });
      return { outcome: 'unreachable', code: missing ?? NO_CHAT };
    }
    const outcomes: ChatOutcome[] = [];
    for (const target of targets) outcomes.push(await this.sendTo(delivery, target));
    return combined(outcomes);
  }

  private async sendTo(delivery: Delivery, target: DeliveryTarget): Promise<ChatOutcome> {
    const { followUps } = this.deps;
    const jobs = await followUps.undelivered(delivery.jobs, target.userId);
    // Accepted for this chat before a crash cut the job's record short: not shown again.
    if (jobs.length === 0) return { outcome: 'sent' };
    const alertCard = await this.overdueCard(jobs, target);
    const text = await followUps.message(jobs, target, alertCard ? { apart: alertCard.jobIds } : undefined);
    if (!text && !alertCard) return { outcome: 'none' };
    const id = deliveryId(
      jobs.map((job) => job.id),
      target.userId,
    );
    const wait = this.throttle.reserve(target.conversationId, this.clock());
    if (wait > 0) await (this.deps.sleep ?? sleep)(wait);
    // An alert card comes with the rest of the message as text; a check-in card is the whole message.
    const checkIn = alertCard ? undefined : await this.checkInCard(jobs, target, text);
    const result = await this.deps.post(target.reference, {
      type: 'message',
      id,
      text: checkIn ? '' : text,
      locale: target.language === 'es' ? 'es-ES' : 'en-GB',
      ...(alertCard && { attachments: [attachment(alertCard.card)] }),
      ...(checkIn && { attachments: [attachment(checkIn)] }),
    });
    const jobIds = jobs.map((job) => job.id).join(',');
    if (result.ok) {
      await followUps.recordDelivered(jobs, target.userId, id);
      this.log('followUps.sent', delivery, { jobIds, activityId: id });
      return { outcome: 'sent' };
    }
    this.log('followUps.sendFailed', delivery, { jobIds, code: result.code });
    if (!result.retry) {
      await followUps.markUnreachable(target.userId, result.code);
      return { outcome: 'unreachable', code: result.code };
    }
    return { outcome: 'retry', error: result.code, ...(result.retryAfterMs === undefined ? {} : { retryAfterMs: result.retryAfterMs }) };
  }

  /**
   * Where the chat shows cards, overdue reviews go on one card whose decisions are pressed in
   * place (the rest of the message stays text); elsewhere, undefined.
   */
  private async overdueCard(jobs: readonly Job[], target: DeliveryTarget): Promise<{ card: AdaptiveCard; jobIds: string[] } | undefined> {
    if (!channelShowsCards(target.reference.channelId as string | undefined)) return undefined;
    const overdue = (await this.deps.followUps.items(jobs))
      .filter((item) => item.kind === 'overdueReview' && item.caseId && item.reviewDate)
      .slice(0, MOST_ALERTS_ON_CARD);
    if (overdue.length === 0) return undefined;
    const entries: OverdueEntry[] = overdue.map((item) => ({
      caseId: item.caseId!,
      clientName: item.clientName ?? '',
      ...(item.workerName && { workerName: item.workerName }),
      reviewDate: item.reviewDate!,
      status: { kind: 'open' },
    }));
    const today = localDate(new Date(overdue[0]!.dueAt), target.timeZone);
    return { card: overdueAlertCard(target.language, entries, today), jobIds: overdue.map((item) => item.jobId) };
  }

  /**
   * A client's check-in prompt goes as a card where their chat shows cards: its buttons give
   * the words the check-in already reads, so tapping and typing answer alike.
   */
  private async checkInCard(jobs: readonly Job[], target: DeliveryTarget, text: string): Promise<AdaptiveCard | undefined> {
    if (!channelShowsCards(target.reference.channelId as string | undefined)) return undefined;
    const tasks = await this.deps.followUps.checkInPromptTasks(jobs);
    if (!tasks || tasks.length === 0) return undefined;
    return checkInPromptCard(target.language, tasks, text);
  }

  private clock(): number {
    return (this.deps.clockMs ?? Date.now)();
  }

  private log(event: string, delivery: Delivery, fields: Record<string, string | number | boolean>): void {
    const caseIds = [...new Set(delivery.jobs.map((job) => job.caseId).filter((id) => id !== undefined))].join(',');
    this.deps.log?.(event, { recipient: delivery.recipient.role, ...(caseIds ? { caseIds } : {}), ...fields });
  }
}

/**
 * One outcome for the person: try again if any chat should be tried again (the others are
 * in the outbox by then); sent if any chat took it; otherwise why none could.
 */
function combined(outcomes: readonly ChatOutcome[]): SendOutcome {
  const retries = outcomes.filter((o): o is Extract<SendOutcome, { outcome: 'retry' }> => o.outcome === 'retry');
  if (retries.length > 0) {
    const waits = retries.map((o) => o.retryAfterMs).filter((ms): ms is number => ms !== undefined);
    return { outcome: 'retry', error: retries.map((o) => o.error).join('; '), ...(waits.length > 0 ? { retryAfterMs: Math.max(...waits) } : {}) };
  }
  if (outcomes.some((o) => o.outcome === 'sent' || o.outcome === 'none')) return { outcome: 'sent' };
  const refused = outcomes.find((o): o is Extract<SendOutcome, { outcome: 'unreachable' }> => o.outcome === 'unreachable');
  return { outcome: 'unreachable', code: refused?.code ?? MARKED_UNREACHABLE };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
