// Commands as caseworkers type them: a phrase of intent ("quiero apuntar una visita",
// "apunta una llamada de 20 minutos con Carmen") reaches the menu option it names, and what
// the command says beyond its name ("derivación nueva vivienda", "avance tarea 2") is read
// as the first answers of that dialog. Plain functions over the catalogs' words.
import { datePhraseIn, localDate, parseNaturalDate } from '../src/domain/dates.js';
import type { Language } from '../src/domain/schemas.js';
import { normalize, t, type MessageKey } from '../src/i18n/catalog.js';
import { choiceNamed, parseChoice, type Choice } from './input.js';
import type { MenuEntry } from './menu.js';

/** What a command said beyond the option's name, handed to the dialog it starts. */
export interface Request {
  /** The words that named the option, normalized ("visita", "derivacion"). */
  word: string;
  /** The rest, as typed. */
  rest: string;
}

/** The options every top-level dialog gets from the shell. */
export interface CommandOptions {
  caseId?: string;
  request?: Request;
}

/** A case id with the little words that attach it to a sentence ("en C-7K3QPA", "del caso C-…"). */
const CASE_ID_PHRASE = /(?:\b(?:en el caso|del caso|al caso|en|in|on case|on|for case|for)\s+)?\bC-[A-HJ-NP-Z2-9]{6}\b/i;
const TRAILING_PUNCTUATION = /[,.;:!?¡¿)(]+$/;

function wordsOf(lang: Language, key: MessageKey): string[] {
  return t(lang, key)
    .split('|')
    .map((w) => normalize(w))
    .filter(Boolean);
}

/** Words of `key` in both languages, longest first (so "nueva tarea" wins over "nueva"). */
function phrases(key: MessageKey): readonly (readonly string[])[] {
  // Read on every turn; the catalogs do not change while running.
  let found = phraseLists.get(key);
  if (!found) {
    const all = new Set([...wordsOf('es', key), ...wordsOf('en', key)]);
    found = [...all].sort((a, b) => b.length - a.length).map((w) => w.split(' '));
    phraseLists.set(key, found);
  }
  return found;
}

const phraseLists = new Map<MessageKey, readonly (readonly string[])[]>();

interface Tokens {
  typed: string[];
  plain: string[];
}

function tokensOf(text: string): Tokens {
  const typed = text.trim().split(/\s+/).filter(Boolean);
  return {
    typed,
    plain: typed.map((w) =>
      normalize(w.replace(/'/g, '’'))
        .replace(TRAILING_PUNCTUATION, '')
        .replace(/^[¿¡(]+/, ''),
    ),
  };
}

/** How many leading tokens one of `candidates` covers, or 0. */
function leading(tokens: Tokens, from: number, candidates: readonly (readonly string[])[]): number {
  for (const phrase of candidates) {
    if (phrase.every((w, i) => tokens.plain[from + i] === w)) return phrase.length;
  }
  return 0;
}

function restOf(tokens: Tokens, from: number): string {
  return tokens.typed
    .slice(from)
    .join(' ')
    .replace(/^[\s,.;:—–-]+/, '')
    .trim();
}

/**
 * The menu option a command names, after any lead-in words ("quiero", "apunta una",
 * "I'd like to log a"), with what it says beyond the option's name. Undefined when the
 * message names no option of `entries`.
 */
export function readCommand(typed: string, entries: MenuEntry[]): { entry: MenuEntry; request: Request } | undefined {
  const tokens = tokensOf(typed.replace(CASE_ID_PHRASE, ' '));
  const lead = phrases('shell.intentLeadWords');
  const named = entries.map((entry) => ({ entry, words: phrases(entry.words) }));
  let at = 0;
  while (at < tokens.plain.length) {
    let best: { entry: MenuEntry; length: number } | undefined;
    for (const { entry, words } of named) {
      const length = leading(tokens, at, words);
      if (length > (best?.length ?? 0)) best = { entry, length };
    }
    if (best) return { entry: best.entry, request: { word: tokens.plain.slice(at, at + best.length).join(' '), rest: restOf(tokens, at + best.length) } };
    const skipped = leading(tokens, at, lead);
    if (skipped === 0) return undefined;
    at += skipped;
  }
  return undefined;
}

// ---- contacts ---------------------------------------------------------------------------

export interface ContactRequest {
  type?: string;
  minutes?: number;
  withWhom?: string;
  /** The day (and time) said, «ayer a las 10»; 'ask' when what was said cannot be taken (not yet come, no such day). */
  when?: { date: string; time?: string } | 'ask';
}

/** What a date said in a command is read against: the worker's language, zone and now. */
export interface SaidWhen {
  lang: Language;
  timeZone: string;
  now: Date;
}

const MINUTES = /(?:\b(?:de|of|for|durante)\s+)?(\d{1,4})\s*(min|mins|minuto|minutos|minute|minutes)\b\.?/i;
const HOURS = /(?:\b(?:de|of|for|durante)\s+)?\b(una|un|an|a|one|media|half an|half|\d{1,2})\s+(hora|horas|hour|hours)\b/i;

/** Minutes said in a sentence: "de 45 minutos", "20 min", "una hora", "media hora", "2 hours". */
export function minutesIn(text: string): { minutes: number; rest: string } | undefined {
  const byMinutes = MINUTES.exec(text);
  if (byMinutes) return { minutes: Number(byMinutes[1]), rest: cut(text, byMinutes) };
  const byHours = HOURS.exec(text);
  if (!byHours) return undefined;
  const amount = normalize(byHours[1]!);
  const hours = /^\d+$/.test(amount) ? Number(amount) : amount.startsWith('half') || amount === 'media' ? 0.5 : 1;
  return { minutes: Math.round(hours * 60), rest: cut(text, byHours) };
}

function cut(text: string, match: RegExpExecArray): string {
  return `${text.slice(0, match.index)} ${text.slice(match.index + match[0].length)}`.replace(/\s+/g, ' ').trim();
}

/**
 * A contact named in a command: its type ("visita", "llamada"), minutes, with whom ("con
 * Carmen y su hija", "with her sister") and when ("ayer a las 10"), each only when said.
 */
export function readContactRequest(request: Request, types: Choice[], saidWhen?: SaidWhen): ContactRequest {
  const found: ContactRequest = {};
  const byWord = parseChoice(request.word, types);
  if (byWord) found.type = byWord.value;
  let rest = request.rest;
  const phrase = saidWhen && datePhraseIn(rest, saidWhen.lang, saidWhen.timeZone, saidWhen.now, 'past');
  if (phrase) {
    const { reading } = phrase;
    // A day without a time has happened once it has begun («esta mañana» at 9).
    const happened = reading.ok && (reading.time ? reading.instant <= saidWhen.now : reading.date <= localDate(saidWhen.now, saidWhen.timeZone));
    found.when = reading.ok && happened ? { date: reading.date, ...(reading.time && { time: reading.time }) } : 'ask';
    rest = phrase.rest;
  }
  const minutes = minutesIn(rest);
  if (minutes) {
    found.minutes = minutes.minutes;
    rest = minutes.rest;
  }
  const tokens = tokensOf(rest);
  let at = 0;
  if (!found.type) {
    for (let length = Math.min(3, tokens.plain.length); length > 0 && !found.type; length--) {
      const choice = parseChoice(tokens.plain.slice(0, length).join(' '), types);
      if (choice) {
        found.type = choice.value;
        at = length;
      }
    }
  }
  const withAt = tokens.plain.findIndex((w, i) => i >= at && (w === 'con' || w === 'with'));
  const withWhom = withAt >= 0 ? restOf(tokens, withAt + 1).replace(TRAILING_PUNCTUATION, '') : '';
  if (withWhom) found.withWhom = withWhom;
  return found;
}

// ---- referrals --------------------------------------------------------------------------

export type ReferralRequest =
  | { action: 'new'; category?: string }
  | { action: 'advance'; number?: number; status?: string; note?: string }
  | { action?: undefined };

/**
 * A referral command's details: "nueva vivienda" / "derivar a vivienda" (a new referral in
 * a category), "aceptada", "avanzar 2 aceptada", "derivada: enviada con el informe" (a step
 * along the lifecycle, with an optional note after a comma or colon).
 */
export function readReferralRequest(request: Request, categories: Choice[], statuses: Choice[]): ReferralRequest {
  const tokens = tokensOf(request.rest);
  const newWords = phrases('services.referralActionWords_new');
  const advanceWords = phrases('services.referralActionWords_advance');
  let at = 0;
  const saidNew = leading(tokens, at, newWords);
  const saidAdvance = saidNew ? 0 : leading(tokens, at, advanceWords);
  at += saidNew + saidAdvance;
  const connector = leading(tokens, at, [['a'], ['al'], ['to'], ['de'], ['para'], ['for']]);
  const categoryText = restOf(tokens, at + connector);
  const category = categoryText ? parseChoice(categoryText, categories) : undefined;
  if (category && !saidAdvance) return { action: 'new', category: category.value };
  if (saidNew || (wordsOf('es', 'services.referralActionWords_new').includes(request.word) && !request.rest)) return { action: 'new' };
  // A step along the lifecycle: [number] status [, note]
  const [head = '', ...noteParts] = restOf(tokens, at).split(/[,:;—–]\s*|\s+-\s+/);
  const noteText = noteParts.join(', ').trim();
  const headTokens = tokensOf(head);
  let number: number | undefined;
  let from = 0;
  if (/^\d{1,2}$/.test(headTokens.plain[0] ?? '')) {
    number = Number(headTokens.plain[0]);
    from = 1;
  }
  const statusText = restOf(headTokens, from);
  const status = statusText ? parseChoice(statusText, statuses) : undefined;
  if (!status && !saidAdvance && number === undefined) return {};
  return {
    action: 'advance',
    ...(number !== undefined ? { number } : {}),
    ...(status ? { status: status.value } : {}),
    ...(status && noteText ? { note: noteText } : {}),
  };
}

// ---- tasks ------------------------------------------------------------------------------

/** "tarea 2", "2", "on task 2", "de la tarea 2": a number in a list. */
export function listNumberIn(text: string): number | undefined {
  const match = /^(?:\p{L}+\s+){0,3}(\d{1,2})\.?$/u.exec(normalize(text));
  return match ? Number(match[1]) : undefined;
}

/** A choice at the start of an answer, and whatever follows it: "3, le faltaba una nómina". */
export function leadingChoice(typed: string, choices: Choice[]): { value: string; rest: string } | undefined {
  const whole = choiceNamed(typed, choices);
  if (whole) return { value: whole.value, rest: '' };
  const split = /^([^,:;—–]+?)\s*(?:[,:;—–]|\s-\s)\s*([\s\S]*)$/.exec(typed.trim());
  if (!split) return undefined;
  const head = parseChoice(split[1]!, choices);
  return head ? { value: head.value, rest: split[2]!.trim() } : undefined;
}

/** Several answers in one message, one per line (bullets and numbering dropped). */
export function linesOf(typed: string): string[] {
  return typed
    .split(/\r?\n/)
    .map((line) => line.replace(/^\s*(?:[-•*·]|\d{1,2}[.)])\s*/, '').trim())
    .filter(Boolean);
}

/** Text followed by a choice in brackets: "Se agobia con los trámites (interno)". */
export function taggedLine(line: string, choices: Choice[]): { text: string; value?: string } {
  const match = /^([\s\S]*?)\s*\(([^()]+)\)\s*\.?$/.exec(line);
  const choice = match ? parseChoice(match[2]!, choices) : undefined;
  return choice && match![1] ? { text: match![1], value: choice.value } : { text: line };
}

export interface TaskLine {
  description: string;
  owner?: string;
  dueDate?: string;
}

/**
 * A task typed with its owner and due date after commas: "Pedir cita en la Oficina de
 * Vivienda, yo, para el 13/03/2026". Only a trailing part that is an owner or a dated
 * "para el …" is taken off; commas inside the description stay.
 */
export function readTaskLine(typed: string, owners: Choice[], lang: Language, timeZone: string, now: Date): TaskLine {
  const parts = typed.trim().split(/\s*,\s*/);
  const found: TaskLine = { description: typed.trim() };
  const due = phrases('tasks.dueWords');
  while (parts.length > 1) {
    const last = parts.at(-1)!;
    const tokens = tokensOf(last);
    const marker = leading(tokens, 0, due);
    const owner = parseChoice(last.replace(/^(?:la hace|lo hace|la hago|lo hago|by|done by)\s+/i, ''), owners);
    if (!found.owner && owner && !marker) found.owner = owner.value;
    else if (!found.dueDate && marker) {
      const reading = parseNaturalDate(restOf(tokens, marker), lang, timeZone, now, 'future');
      if (!reading.ok) break;
      found.dueDate = reading.date;
    } else break;
    parts.pop();
  }
  found.description = parts.join(', ');
  return found;
}
