// Drives cards as Teams would: finds the button a person presses by its title, fills the
// card's inputs (their defaults unless told otherwise) and sends what Action.Submit sends.
import type { Activity } from 'botbuilder';
import { expect } from 'vitest';
import { ADAPTIVE_CARD_TYPE, type AdaptiveCard, type CardElement } from '../../dialogs/cards/elements.js';
import type { Harness } from './botHarness.js';

/** Teams refuses a message over about 28 KB, card included. */
export const TEAMS_MESSAGE_BYTES = 28 * 1024;

export const TEAMS: Partial<Activity> = { channelId: 'msteams' };

/** The cards among some replies, in order. */
export function cardsIn(replies: Partial<Activity>[]): AdaptiveCard[] {
  return replies.flatMap((r) => (r.attachments ?? []).filter((a) => a.contentType === ADAPTIVE_CARD_TYPE).map((a) => a.content as AdaptiveCard));
}

export function lastCard(h: Harness): AdaptiveCard {
  const card = cardsIn(h.lastReplies).at(-1);
  if (!card) throw new Error(`no card in the last replies: ${JSON.stringify(h.lastReplies.map((r) => r.text))}`);
  return card;
}

/** Every element of a card, nested ones included. */
export function elementsOf(card: AdaptiveCard): CardElement[] {
  const found: CardElement[] = [];
  const walk = (items: unknown) => {
    if (!Array.isArray(items)) return;
    for (const item of items as CardElement[]) {
      found.push(item);
      walk(item.items);
      walk(item.actions);
      walk(item.columns);
      walk((item as { card?: AdaptiveCard }).card?.body);
      walk((item as { card?: AdaptiveCard }).card?.actions);
    }
  };
  walk(card.body);
  walk(card.actions);
  return found;
}

export function actionTitled(card: AdaptiveCard, title: string): CardElement {
  const action = elementsOf(card).find((e) => e.type.startsWith('Action.') && e.title === title);
  if (!action)
    throw new Error(
      `no «${title}» on the card; it has: ${elementsOf(card)
        .filter((e) => e.type.startsWith('Action.'))
        .map((e) => e.title)
        .join(', ')}`,
    );
  return action;
}

export function inputIds(card: AdaptiveCard): string[] {
  return elementsOf(card)
    .filter((e) => e.type.startsWith('Input.'))
    .map((e) => String(e.id));
}

/** What the card's inputs hold before anyone types: their `value`s. */
function defaults(card: AdaptiveCard): Record<string, string> {
  return Object.fromEntries(
    elementsOf(card)
      .filter((e) => e.type.startsWith('Input.') && e.value !== undefined)
      .map((e) => [String(e.id), String(e.value)]),
  );
}

/** Presses `title` on `card` with `inputs` filled in, as `user` in Teams; returns the replies' text. */
export async function press(h: Harness, card: AdaptiveCard, title: string, inputs: Record<string, string> = {}, user = 'worker-1'): Promise<string[]> {
  const action = actionTitled(card, title);
  for (const id of Object.keys(inputs)) expect(inputIds(card), `input ${id} on the card`).toContain(id);
  const value = { ...defaults(card), ...inputs, ...(action.data as object) };
  return h.send('', user, { ...TEAMS, value });
}

/** Every reply's size as Teams counts it: the activity's JSON. */
export function replyBytes(replies: Partial<Activity>[]): number[] {
  return replies.map((r) => Buffer.byteLength(JSON.stringify(r), 'utf8'));
}

/** What a Universal Action answers: the invoke response's body. */
export interface InvokeAnswer {
  status: number;
  body: { statusCode: number; type: string; value: AdaptiveCard };
}

/**
 * Presses the `nth` Action.Execute titled `title` on `card` as `user` in Teams; returns the
 * invoke response and what the chat got.
 */
export async function pressExecute(
  h: Harness,
  card: AdaptiveCard,
  title: string,
  user = 'super-1',
  nth = 0,
): Promise<{ answer: InvokeAnswer; chat: Partial<Activity>[] }> {
  const action = elementsOf(card).filter((e) => e.type === 'Action.Execute' && e.title === title)[nth];
  if (!action) throw new Error(`no «${title}» number ${nth + 1} on the card`);
  await h.send('', user, {
    ...TEAMS,
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb: action.verb, data: action.data }, trigger: 'manual' },
  });
  const response = h.lastReplies.find((r) => r.type === 'invokeResponse');
  if (!response) throw new Error('no invoke response');
  return { answer: response.value as InvokeAnswer, chat: h.lastReplies.filter((r) => r.type === 'message') };
}
