// A conversation answered card by card from an answer book: each card is answered by its
// labels (an input's label, or the question of a one-answer card), whatever its layout, so
// the same flow drives the generic question cards and the richer form cards alike.
import type { Locator } from 'playwright-core';
import { BOT_MESSAGE, CARD, type CardView, describeCard, fillInput, fold, type PlaygroundChat } from './chatPage.js';

/** One answer: given to the input (or the one-answer card) whose label matches `ask`. */
export interface Answer {
  ask: RegExp;
  say: string;
}

/** The titles a card's sending button goes by, after its inputs are filled. */
const SEND_TITLES = /^(guardar|enviar|siguiente|send|save|next|aceptar|confirmar)/i;

export interface FlowStep {
  question: string;
  answers: string[];
}

/**
 * Does `start` (typing a command, pressing a button), then answers what the bot asks in
 * `chat` from `book`, message by message, until a message from the bot matches `done`
 * (returned). A card is answered by its labels; a question asked in plain text (ending
 * in «?» or «:») is answered by typing. A card the book has no answer for is left
 * alone when it asks nothing (a summary); a question left unanswered fails after `timeoutMs`.
 */
export async function answerCards(
  chat: PlaygroundChat,
  start: () => Promise<void>,
  book: Answer[],
  done: RegExp,
  options: {
    timeoutMs?: number;
    maxAnswers?: number;
    /** Called with each form once its inputs are filled, before it is sent (a screenshot). */
    onFilled?: (card: Locator, view: CardView) => Promise<void>;
  } = {},
): Promise<{ steps: FlowStep[]; doneText: string }> {
  const { timeoutMs = 30_000, maxAnswers = 80 } = options;
  const doneBefore = await chat
    .botMessages()
    .evaluateAll((messages, [source, flags]) => messages.filter((m) => new RegExp(source!, flags).test(m.textContent ?? '')).length, [done.source, done.flags]);
  let seen = await chat.botMessages().count();
  await start();
  const steps: FlowStep[] = [];
  let unanswered: CardView | string | undefined;
  for (;;) {
    const next = await nextMessageOrDone(chat, seen, done, doneBefore, timeoutMs).catch(async (error: Error) => {
      const shot = await chat.screenshot(`failed-${chat.who}`);
      throw new Error(
        `no new message nor ${done} within ${timeoutMs} ms (${error.message})${unanswered ? `; left unanswered: ${JSON.stringify(unanswered)}` : ''} (the page: ${shot})`,
      );
    });
    if (next.done !== undefined) return { steps, doneText: next.done };
    seen = next.index + 1;
    const message = chat.botMessages().nth(next.index);
    const card = message.locator(CARD).last();
    let asked: string;
    let answers: string[] | undefined;
    if ((await card.count()) > 0) {
      const view = await describeCard(card);
      asked = view.question;
      answers = await answerCard(chat, card, view, book, options.onFilled).catch(async (error: Error) => {
        const shot = await chat.screenshot(`failed-${chat.who}`);
        throw new Error(`answering the card ${JSON.stringify(view)}: ${error.message} (the page: ${shot})`);
      });
      unanswered = answers ? undefined : view;
    } else {
      asked = ((await message.textContent()) ?? '').trim();
      answers = await answerText(chat, asked, book);
      unanswered = answers ? undefined : asked;
    }
    if (!answers) continue;
    steps.push({ question: asked, answers });
    if (steps.length > maxAnswers) throw new Error(`more than ${maxAnswers} answers without reaching ${done}`);
  }
}

/** Waits for the bot's next message after the first `seen`, or for a new one matching `done`. */
async function nextMessageOrDone(
  chat: PlaygroundChat,
  seen: number,
  done: RegExp,
  doneBefore: number,
  timeoutMs: number,
): Promise<{ done: string; index?: undefined } | { done?: undefined; index: number }> {
  const found = await chat.page.waitForFunction(
    ({ selector, seen, source, flags, doneBefore }) => {
      const messages = Array.from(document.querySelectorAll<HTMLElement>(selector));
      const finished = messages.filter((m) => new RegExp(source, flags).test(m.textContent ?? ''));
      if (finished.length > doneBefore) return { done: (finished.at(-1)!.textContent ?? '').trim() };
      return messages.length > seen ? { index: seen } : false;
    },
    { selector: BOT_MESSAGE, seen, source: done.source, flags: done.flags, doneBefore },
    { timeout: timeoutMs },
  );
  return (await found.jsonValue()) as { done: string } | { index: number };
}

/** Answers a question the bot wrote in plain text (it ends in «?» or «:») by typing; undefined for a text that asks nothing the book knows. */
async function answerText(chat: PlaygroundChat, text: string, book: Answer[]): Promise<string[] | undefined> {
  if (!/[?:]$/.test(text)) return undefined;
  const answer = book.find((a) => a.ask.test(text));
  if (!answer) return undefined;
  await chat.send(answer.say);
  return [answer.say];
}

/** Answers one card from the book; undefined when the book has nothing for it. */
async function answerCard(
  chat: PlaygroundChat,
  card: Locator,
  view: CardView,
  book: Answer[],
  onFilled?: (card: Locator, view: CardView) => Promise<void>,
): Promise<string[] | undefined> {
  const find = (key: string) => book.find((a) => a.ask.test(key));
  const single = view.inputs.length <= 1 ? find(view.question) : undefined;
  // A button that is the answer (yes/no, a choice, a suggestion) is pressed rather than typed.
  const button = single && view.buttons.find((b) => fold(b) === fold(single.say));
  if (button) {
    await chat.press(card, button);
    return [single.say];
  }
  if (view.inputs.length === 0) {
    if (!single) return undefined;
    // Nothing on the card takes this answer: it is typed, as the card's text invites.
    await chat.send(single.say);
    return [single.say];
  }
  const given: string[] = [];
  for (const input of view.inputs) {
    const answer = find(input.label) ?? (view.inputs.length === 1 ? single : undefined);
    if (!answer) {
      if (input.required) return undefined;
      continue;
    }
    await fillInput(card, input, answer.say);
    given.push(answer.say);
  }
  if (given.length === 0) return undefined;
  const send = view.buttons.find((b) => SEND_TITLES.test(b)) ?? (view.buttons.length === 1 ? view.buttons[0] : undefined);
  if (!send) throw new Error(`no button to send the card: ${JSON.stringify(view)}`);
  await onFilled?.(card, view);
  await chat.press(card, send);
  return given;
}
