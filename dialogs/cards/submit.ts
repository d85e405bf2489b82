// A pressed card button arrives as a message with no text and the card's inputs in
// `activity.value`. It is turned into the answer the person would have typed, so every step
// reads cards and typing alike; a form's other inputs wait as answers to the steps that follow.
import { randomBytes } from 'node:crypto';
import type { Activity, TurnContext } from 'botbuilder';
import type { CardAction } from './elements.js';

export interface CardSubmit {
  /** The question the card answered, when it answered one. */
  token?: string;
  /** A command pressed on a menu: welcome at any time. */
  command?: string;
  /** A form that may be taken only once (elements.ts `CardAction.once`). */
  once?: string;
  /** The answer, as if typed. */
  answer: string;
  /** The form's other answers, by field. */
  more: Map<string, string>;
}

const SUBMIT_KEY = Symbol('enlace.cardSubmit');

/** The field a form's «Guardar» answers the final «¿guardo?» with. */
export const CONFIRM_FIELD = 'confirm';

/** Reads a card's submit from the activity; undefined for typed messages and foreign values. */
export function readCardSubmit(activity: Partial<Activity>): CardSubmit | undefined {
  const value = activity.value as Record<string, unknown> | undefined;
  const data = value && typeof value === 'object' ? (value.enlace as CardAction | undefined) : undefined;
  if (!data || typeof data !== 'object') return undefined;
  const inputs = new Map<string, string>();
  for (const [key, input] of Object.entries(value ?? {})) {
    if (key !== 'enlace' && (typeof input === 'string' || typeof input === 'number' || typeof input === 'boolean')) inputs.set(key, String(input));
  }
  // A card sends no empty input: `also` answers what the inputs leave unanswered (an empty box is '').
  for (const [key, input] of Object.entries(data.also ?? {})) if (typeof input === 'string' && !inputs.has(key)) inputs.set(key, input);
  const field = typeof data.field === 'string' ? data.field : 'answer';
  const command = typeof data.command === 'string' ? data.command : undefined;
  const answer = command ?? (typeof data.answer === 'string' ? data.answer : (inputs.get(field) ?? ''));
  inputs.delete(field);
  return {
    ...(typeof data.token === 'string' && { token: data.token }),
    ...(command && { command }),
    ...(typeof data.once === 'string' && { once: data.once }),
    answer,
    more: inputs,
  };
}

/** Turns a card's submit into the typed answer for this turn; typed messages pass untouched. */
export function takeCardSubmit(context: TurnContext): CardSubmit | undefined {
  const submitted = readCardSubmit(context.activity);
  if (!submitted) return undefined;
  context.activity.text = submitted.answer;
  context.turnState.set(SUBMIT_KEY, submitted);
  return submitted;
}

/** This turn's card submit, if the message came from a card. */
export function cardSubmitOf(context: TurnContext): CardSubmit | undefined {
  return context.turnState.get(SUBMIT_KEY) as CardSubmit | undefined;
}

/** True when this turn answers a card's question (not a command button): its text is an answer, never a command. */
export function answersACard(context: TurnContext): boolean {
  return cardSubmitOf(context)?.token !== undefined;
}

/** Whether this turn's card gave an answer for `field` not yet taken (a repeating question ends where the form's answers end). */
export function formGives(context: TurnContext, field: string): boolean {
  return cardSubmitOf(context)?.more.has(field) ?? false;
}

/** The form's answer for `field`, taken once: a later step asking the same field asks the person. */
export function takeFormAnswer(context: TurnContext, field: string): string | undefined {
  const submitted = cardSubmitOf(context);
  const value = submitted?.more.get(field);
  if (value !== undefined) submitted?.more.delete(field);
  return value;
}

/** The form's answers no step has taken yet this turn, by field. */
export function formAnswersLeft(context: TurnContext): Record<string, string> {
  return Object.fromEntries(cardSubmitOf(context)?.more ?? []);
}

/**
 * Gives this turn the answers a form left waiting (its answer to an earlier question was
 * refused and is now given): the steps that follow take them as if sent with this message.
 */
export function restoreFormAnswers(context: TurnContext, answers: Record<string, string>): void {
  const submitted = cardSubmitOf(context) ?? { answer: context.activity.text ?? '', more: new Map<string, string>() };
  for (const [field, value] of Object.entries(answers)) if (!submitted.more.has(field)) submitted.more.set(field, value);
  context.turnState.set(SUBMIT_KEY, submitted);
}

/** Forms remembered as taken, per conversation: enough for any card still on screen. */
const FORMS_REMEMBERED = 200;

/**
 * True the first time a once-only form is taken in this conversation, false after; `taken` is
 * the conversation's list, kept in its state.
 */
export function firstTimeTaken(submitted: CardSubmit, taken: string[]): boolean {
  if (!submitted.once) return true;
  if (taken.includes(submitted.once)) return false;
  taken.push(submitted.once);
  if (taken.length > FORMS_REMEMBERED) taken.splice(0, taken.length - FORMS_REMEMBERED);
  return true;
}

/** A fresh name for a once-only form. */
export function newFormId(): string {
  return randomBytes(6).toString('base64url');
}
