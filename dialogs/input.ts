// Reading typed answers: choices by number or word, yes/no, numbers, optional text, dates.
// Plain functions, so every dialog reads answers the same way and tests can check them alone.
import {
  DATE_REACH_YEARS,
  type DateReading,
  type PeriodDefault,
  formatDate,
  formatDayAndMonth,
  localDate,
  monthName,
  parseNaturalDate,
  weekdayName,
} from '../src/domain/dates.js';
import { readAmount, readCadenceDays, readMinutes } from '../src/domain/answerReaders.js';
import type { Language } from '../src/domain/schemas.js';
import { resolveTimeZone } from '../src/domain/timeZones.js';
import { matchesWord, normalize, t, type MessageKey } from '../src/i18n/catalog.js';

export interface Choice {
  value: string;
  /** Shown to the user, in their language. */
  label: string;
  /** More words that pick this choice, in either language. */
  words?: string[];
}

export type InputSpec =
  /** `suggestions`: offered as buttons where the channel shows them; any text still answers. */
  | { kind: 'text'; optional?: boolean; maxLength?: number; suggestions?: string[] }
  /** `inSentence`: an option named among other words counts («pues casi todo, me faltó una firma»). */
  /** `byAnyWord`: one word of a long name is enough when no other choice holds it («vivienda»). */
  | { kind: 'choice'; choices: Choice[]; inSentence?: boolean; byAnyWord?: boolean }
  | { kind: 'yesNo' }
  | { kind: 'integer'; min: number; max: number; optional?: boolean }
  /** A duration in whole minutes, as typed («hora y media», «1h30», «unos 20»). */
  | { kind: 'minutes'; max: number }
  /** Euros, cents allowed («gratis», «12,50 €»). */
  | { kind: 'amount'; max: number; optional?: boolean }
  /** Days between two check-ins («cada 3 días», «semanal», «weekly»). */
  | { kind: 'cadence'; min: number; max: number }
  | { kind: 'timeZone' }
  | { kind: 'date'; timeZone: string; allow: 'future' | 'past' | 'any'; optional?: boolean };

export type InputResult = { ok: true; value: string | number | boolean | null } | { ok: false; error: MessageKey; params?: Record<string, string | number> };

export function parseChoice(typed: string, choices: Choice[], inSentence = false, byAnyWord = false): Choice | undefined {
  return (
    choiceNamed(typed, choices, inSentence) ??
    // An option named first, then explained: «alta, tiene un desahucio pendiente».
    choiceNamed(headOf(typed), choices, false) ??
    (byAnyWord ? choiceByAnyWord(typed, choices) : undefined)
  );
}

/** What comes before the first comma, colon, dash or «porque»: the answer before its reason. */
function headOf(typed: string): string {
  return typed.split(/[,;:(]|\s[-–—]\s|\s(?:porque|ya que|because|since)\s/i)[0] ?? '';
}

/** The choice the whole answer names (by number, name or a unique start), nothing read past it. */
export function choiceNamed(typed: string, choices: Choice[], inSentence = false): Choice | undefined {
  const wanted = normalize(typed).replace(/[.)]$/, '');
  const byNumber = /^\d+$/.test(wanted) ? choices[Number(wanted) - 1] : undefined;
  if (byNumber) return byNumber;
  const exact = choices.find((c) => [c.value, c.label, ...(c.words ?? [])].some((w) => normalize(w) === wanted));
  if (exact) return exact;
  // A unique start of a label ("fam" → familia) is enough.
  const starts = wanted.length >= 3 ? choices.filter((c) => [c.label, ...(c.words ?? [])].some((w) => normalize(w).startsWith(wanted))) : [];
  if (starts.length === 1) return starts[0];
  return inSentence ? choiceInSentence(typed, choices) : undefined;
}

/**
 * The choice whose label or one of its phrases the sentence holds as whole words; the
 * longest one found wins. Single words do not count inside a sentence: "not at all" holds
 * "all", "casi nada" holds "nada".
 */
function choiceInSentence(typed: string, choices: Choice[]): Choice | undefined {
  const said = ` ${plainWords(typed)} `;
  let best: { choice: Choice; length: number } | undefined;
  for (const choice of choices) {
    for (const phrase of [choice.label, ...(choice.words ?? [])].map(plainWords)) {
      if (phrase.includes(' ') && said.includes(` ${phrase} `) && phrase.length > (best?.length ?? 0)) best = { choice, length: phrase.length };
    }
  }
  return best?.choice;
}

/** Words too common to tell one service from another. */
const COMMON_WORDS = new Set([
  'de',
  'del',
  'la',
  'las',
  'el',
  'los',
  'y',
  'para',
  'con',
  'en',
  'por',
  'a',
  'al',
  'the',
  'of',
  'and',
  'for',
  'to',
  'in',
  'with',
  'un',
  'una',
]);

/**
 * The one choice whose label or phrases hold every meaningful word typed, each as the start of
 * a word («vivienda», «alquiler soc»); none when several do.
 */
function choiceByAnyWord(typed: string, choices: Choice[]): Choice | undefined {
  const wanted = plainWords(typed)
    .split(' ')
    .filter((w) => w.length >= 3 && !COMMON_WORDS.has(w));
  if (wanted.length === 0) return undefined;
  const holds = (choice: Choice) => {
    const words = [choice.label, ...(choice.words ?? [])].flatMap((w) => plainWords(w).split(' '));
    return wanted.every((w) => words.some((word) => word.startsWith(w)));
  };
  const found = choices.filter(holds);
  return found.length === 1 ? found[0] : undefined;
}

/** Lower case, no accents, no punctuation: the words alone. */
export function plainWords(typed: string): string {
  return normalize(typed.replace(/['’]/g, ''))
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function parseYesNo(typed: string): boolean | undefined {
  if (matchesWord(typed, 'common.yesWords')) return true;
  if (matchesWord(typed, 'common.noWords')) return false;
  // A yes or no that opens a sentence: set off by a comma ("sí, lo ha firmado hoy") or followed
  // by a courtesy ("no gracias"). "No encuentro ofertas" and "no sé" answer nothing, and a
  // one-letter word ("y" is also Spanish "and") only counts alone.
  const words = plainWords(typed).split(' ');
  const first = words[0] ?? '';
  const setOff = /^\s*[^\s,.;:!?]+\s*[,.;:!]/.test(typed);
  if (first.length < 2 || !(setOff || matchesWord(words.slice(1).join(' '), 'common.courtesyWords'))) return undefined;
  if (matchesWord(first, 'common.yesWords')) return true;
  if (matchesWord(first, 'common.noWords')) return false;
  return undefined;
}

/** Words that leave an optional answer empty ("no", "-", "ninguno", "skip"). */
export function isSkip(typed: string): boolean {
  // An empty box on a card leaves an optional answer empty too.
  return typed.trim() === '' || matchesWord(typed, 'common.skipWords');
}

export function readInput(spec: InputSpec, typed: string, lang: Language, now: Date = new Date()): InputResult {
  const trimmed = typed.trim();
  switch (spec.kind) {
    case 'text': {
      if (spec.optional && (trimmed === '' || isSkip(trimmed))) return { ok: true, value: '' };
      if (trimmed === '') return { ok: false, error: 'common.errorEmpty' };
      const max = spec.maxLength ?? 1000;
      if (trimmed.length > max) return { ok: false, error: 'common.errorTooLong', params: { max } };
      return { ok: true, value: trimmed };
    }
    case 'choice': {
      const choice = parseChoice(trimmed, spec.choices, spec.inSentence, spec.byAnyWord);
      return choice ? { ok: true, value: choice.value } : { ok: false, error: 'common.errorChoice', params: { max: spec.choices.length } };
    }
    case 'yesNo': {
      const answer = parseYesNo(trimmed);
      return answer === undefined ? { ok: false, error: 'common.errorYesNo' } : { ok: true, value: answer };
    }
    case 'integer': {
      if (spec.optional && isSkip(trimmed)) return { ok: true, value: null };
      const number = /^-?\d+$/.test(trimmed) ? Number(trimmed) : NaN;
      if (!Number.isInteger(number) || number < spec.min || number > spec.max)
        return { ok: false, error: 'common.errorInteger', params: { min: spec.min, max: spec.max } };
      return { ok: true, value: number };
    }
    case 'minutes': {
      const minutes = readMinutes(trimmed);
      return minutes !== undefined && minutes <= spec.max
        ? { ok: true, value: minutes }
        : { ok: false, error: 'common.errorMinutes', params: { max: spec.max } };
    }
    case 'amount': {
      if (spec.optional && isSkip(trimmed)) return { ok: true, value: null };
      const amount = readAmount(trimmed);
      return amount !== undefined && amount <= spec.max ? { ok: true, value: amount } : { ok: false, error: 'common.errorAmount', params: { max: spec.max } };
    }
    case 'cadence': {
      const days = readCadenceDays(trimmed);
      return days !== undefined && days >= spec.min && days <= spec.max
        ? { ok: true, value: days }
        : { ok: false, error: 'common.errorCadence', params: { min: spec.min, max: spec.max } };
    }
    case 'timeZone': {
      const zone = resolveTimeZone(trimmed);
      return zone ? { ok: true, value: zone } : { ok: false, error: 'common.errorTimeZone' };
    }
    case 'date': {
      if (spec.optional && isSkip(trimmed)) return { ok: true, value: null };
      const read = readDateAnswer(spec, trimmed, lang, now);
      return read.ok ? { ok: true, value: read.answer.date } : read;
    }
  }
}

/** A date answer: the day (`YYYY-MM-DD`), the time of day typed (`HH:MM`), and the default taken for a period. */
export interface DateAnswer {
  date: string;
  time?: string;
  period?: PeriodDefault;
}

/**
 * Reads a date answer whole, time and period included (readInput keeps only the day). A
 * past date where a future one is expected, or the reverse, is refused naming the day read.
 */
export function readDateAnswer(
  spec: Extract<InputSpec, { kind: 'date' }>,
  typed: string,
  lang: Language,
  now: Date = new Date(),
): { ok: true; answer: DateAnswer } | Extract<InputResult, { ok: false }> {
  const parsed = parseNaturalDate(typed.trim(), lang, spec.timeZone, now, spec.allow === 'past' ? 'past' : 'future');
  if (!parsed.ok) return dateRefusal(parsed, lang);
  const today = localDate(now, spec.timeZone);
  const shown = formatDate(parsed.date, lang);
  if (spec.allow === 'future' && parsed.date < today) return { ok: false, error: 'common.errorDatePast', params: { date: shown } };
  if (spec.allow === 'past' && parsed.date > today) return { ok: false, error: 'common.errorDateFuture', params: { date: shown } };
  return { ok: true, answer: { date: parsed.date, ...(parsed.time && { time: parsed.time }), ...(parsed.period && { period: parsed.period }) } };
}

function dateRefusal(reading: Extract<DateReading, { ok: false }>, lang: Language): Extract<InputResult, { ok: false }> {
  switch (reading.reason) {
    case 'tooFar':
      return { ok: false, error: 'common.errorDateTooFar', params: { years: DATE_REACH_YEARS } };
    case 'noSuchDay':
      return reading.month > 12
        ? { ok: false, error: 'common.errorDateNoSuchMonth', params: { month: reading.month } }
        : { ok: false, error: 'common.errorDateNoSuchDay', params: { day: reading.day, month: monthName(reading.month, lang) } };
    case 'weekdayMismatch': {
      const actual = new Date(`${reading.date}T00:00:00Z`).getUTCDay();
      const params = { date: formatDayAndMonth(reading.date, lang), actual: weekdayName(actual, lang), typed: weekdayName(reading.typedWeekday, lang) };
      return { ok: false, error: 'common.errorDateWeekday', params };
    }
    case 'notADate':
      return { ok: false, error: 'common.errorDate' };
  }
}

/** Clients get the same guidance in plain words (SPEC §7). */
const CLIENT_ERRORS: Partial<Record<MessageKey, MessageKey>> = {
  'common.errorChoice': 'client.answerNumber',
  'common.errorYesNo': 'client.answerYesNo',
};

/** The error for a rejected answer, in the user's language and voice. */
export function errorText(result: Extract<InputResult, { ok: false }>, lang: Language, forClient = false): string {
  if (forClient) return t(lang, CLIENT_ERRORS[result.error] ?? 'client.answerAgain');
  return t(lang, result.error, result.params);
}
