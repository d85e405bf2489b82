// Talks to the bot over HTTP as Teams does: a typed message, or a card's Action.Submit (no
// text, the card's inputs and the action's data in `value`). It keeps the last card the bot
// sent, so the next step presses a button on it by its title, as a person would.
import { randomUUID } from 'node:crypto';
import type { Activity } from 'botbuilder';
import { ADAPTIVE_CARD_TYPE, type AdaptiveCard, type CardElement } from '../../../dialogs/cards/elements.js';
import { elementsOf } from '../../support/cardDriver.js';
import { postToBot } from './botClient.js';
import type { ConnectorStandIn } from './connectorStandIn.js';

export interface TeamsWorker {
  /** Types a message; returns what the replies show. */
  type(text: string): Promise<string>;
  /** Presses `title` on the last card, `inputs` filled in; returns what the replies show. */
  press(title: string, inputs?: Record<string, string>): Promise<string>;
  /**
   * Opens the form `form` (an Action.ShowCard) on `on` — a card still in the conversation, the
   * last one by default — and presses `title` in it, `inputs` filled in.
   */
  pressInForm(form: string, title: string, inputs?: Record<string, string>, on?: AdaptiveCard): Promise<string>;
  /**
   * Answers the last card's question as a person would: its button named `answer`, else its
   * box, list or calendar; a card with neither (buttons that do not say it all) is answered by typing.
   */
  answer(answer: string): Promise<string>;
  /** Sends an Action.Submit's data as a card elsewhere would (a case card's form, say). */
  submit(value: Record<string, unknown>): Promise<string>;
  /** The last card the bot sent. */
  lastCard(): AdaptiveCard;
  /** Messages typed and cards pressed, in all. */
  readonly sent: { typed: number; pressed: number };
  /** Every reply activity received. */
  readonly replies: Partial<Activity>[];
}

/**
 * The inputs a press inside `form` sends, as Teams gathers them: the card's own inputs and
 * those of the one ShowCard form the action is in, never those of the card's other forms.
 */
function inputsInScope(card: AdaptiveCard, form?: CardElement): CardElement[] {
  const found: CardElement[] = [];
  const walk = (items: unknown) => {
    if (!Array.isArray(items)) return;
    for (const item of items as CardElement[]) {
      if (item.type === 'Action.ShowCard') {
        if (item !== form) continue;
        walk((item as { card?: AdaptiveCard }).card?.body);
        continue;
      }
      if (item.type.startsWith('Input.')) found.push(item);
      walk(item.items);
      walk(item.actions);
      walk(item.columns);
    }
  };
  walk(card.body);
  walk(card.actions);
  return found;
}

/** What a person reads in some replies: their text and their cards' text, one block a line. */
export function shownText(replies: Partial<Activity>[]): string {
  return replies
    .flatMap((r) => [
      r.text ?? '',
      ...(r.attachments ?? [])
        .filter((a) => a.contentType === ADAPTIVE_CARD_TYPE)
        .flatMap((a) =>
          elementsOf(a.content as AdaptiveCard)
            .filter((e) => e.type === 'TextBlock')
            .map((e) => String(e.text)),
        ),
    ])
    .filter(Boolean)
    .join('\n');
}

const plain = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();

export function teamsWorker(botUrl: string, connector: ConnectorStandIn, user: string): TeamsWorker {
  let card: AdaptiveCard | undefined;
  const sent = { typed: 0, pressed: 0 };
  const replies: Partial<Activity>[] = [];

  async function post(text: string, value?: Record<string, unknown>): Promise<string> {
    const activity: Partial<Activity> = {
      type: 'message',
      id: randomUUID(),
      text,
      ...(value && { value }),
      timestamp: new Date(),
      channelId: 'msteams',
      serviceUrl: connector.serviceUrl,
      from: { id: user, name: user },
      recipient: { id: 'enlace-bot', name: 'Enlace' },
      conversation: { id: `conv-${user}`, conversationType: 'personal' } as Activity['conversation'],
    };
    const before = connector.received.length;
    const response = await postToBot(botUrl, activity);
    if (response.status >= 300) throw new Error(`the bot answered ${response.status}: ${await response.text()}`);
    const answered = connector.received
      .slice(before)
      .filter((r) => r.conversationId === activity.conversation!.id && r.replyToId === activity.id)
      .map((r) => r.activity);
    if (answered.length === 0) throw new Error(`no reply to ${text || JSON.stringify(value)}`);
    replies.push(...answered);
    const cards = answered.flatMap((r) => (r.attachments ?? []).filter((a) => a.contentType === ADAPTIVE_CARD_TYPE).map((a) => a.content as AdaptiveCard));
    if (cards.length > 0) card = cards.at(-1);
    return shownText(answered);
  }

  function lastCard(): AdaptiveCard {
    if (!card) throw new Error('no card yet');
    return card;
  }

  function actionTitled(title: string): CardElement {
    const actions = elementsOf(lastCard()).filter((e) => e.type === 'Action.Submit');
    const action = actions.find((e) => e.title === title) ?? actions.find((e) => plain(String(e.title)) === plain(title));
    if (!action)
      throw new Error(
        `no «${title}» on the card; it has: ${actions.map((e) => e.title).join(', ')}\n${shownText([{ attachments: [{ contentType: ADAPTIVE_CARD_TYPE, content: lastCard() }] }])}`,
      );
    return action;
  }

  function press(title: string, inputs: Record<string, string> = {}): Promise<string> {
    return pressAction(actionTitled(title), inputsInScope(lastCard()), inputs);
  }

  function pressInForm(formTitle: string, title: string, inputs: Record<string, string> = {}, on: AdaptiveCard = lastCard()): Promise<string> {
    const forms = elementsOf(on).filter((e) => e.type === 'Action.ShowCard');
    const form = forms.find((e) => plain(String(e.title)) === plain(formTitle));
    if (!form) throw new Error(`no form «${formTitle}» on the card; it has: ${forms.map((e) => e.title).join(', ')}`);
    const formCard = (form as { card?: AdaptiveCard }).card;
    if (!formCard) throw new Error(`the form «${formTitle}» has no card`);
    const action = elementsOf(formCard).find((e) => e.type === 'Action.Submit' && plain(String(e.title)) === plain(title));
    if (!action) throw new Error(`no «${title}» in the form «${formTitle}»`);
    return pressAction(action, inputsInScope(on, form), inputs);
  }

  async function pressAction(action: CardElement, scope: CardElement[], inputs: Record<string, string>): Promise<string> {
    const ids = scope.map((e) => String(e.id));
    for (const id of Object.keys(inputs)) if (!ids.includes(id)) throw new Error(`no input «${id}» on the form; it has: ${ids.join(', ')}`);
    // Teams sends every input in reach of the action, an untouched one with its default or empty.
    const defaults = Object.fromEntries(scope.filter((e) => e.value !== undefined).map((e) => [String(e.id), String(e.value)]));
    sent.pressed++;
    return post('', { ...defaults, ...inputs, ...(action.data as object) });
  }

  async function answer(given: string): Promise<string> {
    const buttons = elementsOf(lastCard()).filter(
      (e) => e.type === 'Action.Submit' && (e.data as { enlace?: { answer?: string } }).enlace?.answer !== undefined,
    );
    const button = buttons.find((e) => plain(String(e.title)) === plain(given));
    if (button) return press(String(button.title));
    const box = elementsOf(lastCard()).find((e) => e.id === 'answer');
    if (!box) return typed(given);
    if (box.type === 'Input.Date' && !/^\d{4}-\d{2}-\d{2}$/.test(given)) throw new Error(`a calendar takes YYYY-MM-DD, not «${given}»`);
    let value = given;
    if (box.type === 'Input.ChoiceSet') {
      const choices = box.choices as { title: string; value: string }[];
      const choice = choices.find((c) => plain(c.title) === plain(given)) ?? choices.find((c) => plain(c.title).startsWith(plain(given)));
      if (!choice) throw new Error(`no «${given}» in the list: ${choices.map((c) => c.title).join(', ')}`);
      value = choice.value;
    }
    const send = elementsOf(lastCard()).find((e) => e.type === 'Action.Submit' && (e.data as { enlace?: { answer?: string } }).enlace?.answer === undefined);
    return press(String(send!.title), { answer: value });
  }

  function typed(text: string): Promise<string> {
    sent.typed++;
    return post(text);
  }

  return {
    type: typed,
    press,
    pressInForm,
    answer,
    submit: (value) => {
      sent.pressed++;
      return post('', value);
    },
    lastCard,
    sent,
    replies,
  };
}
