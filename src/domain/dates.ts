// Natural-language dates, read in the user's language and time zone.
import type { Chrono } from 'chrono-node';
import { PERIOD_TAG, type PeriodDefault, problemTag } from './dateParsing/calendar.js';

export type { PeriodDefault };
import { createEnglishChrono, normalizeEnglish } from './dateParsing/english.js';
import { findImpossibleDate } from './dateParsing/impossibleDates.js';
import { REQUESTED_DAY_TAG, TYPED_WEEKDAY_TAG } from './dateParsing/shared.js';
import { createSpanishChrono, normalizeSpanish } from './dateParsing/spanish.js';
import { dateTimeFormat } from './formatters.js';
import type { Language } from './schemas.js';

/** Minutes east of UTC that `timeZone` has at `instant` (chrono ignores IANA names). */
export function zoneOffsetMinutes(timeZone: string, instant: Date): number {
  const parts = dateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60000);
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    dateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** The calendar day (`YYYY-MM-DD`) that `instant` falls on in `timeZone`. */
export function localDate(instant: Date, timeZone: string): string {
  return dateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

export interface ParsedDate {
  /** The instant meant, in UTC (noon of the day when no time was typed). */
  instant: Date;
  /** The calendar day meant, in the user's time zone. */
  date: string;
  /** Whether the text named a time of day. */
  hasTime: boolean;
  /** The time of day typed, `HH:MM` on a 24-hour clock. */
  time?: string;
  /** Set when the text named a period and one day of it was taken by default. */
  period?: PeriodDefault;
}

/** How many years before or after now a typed date may be: anything further is a slip. */
export const DATE_REACH_YEARS = 100;
const REACH_MS = DATE_REACH_YEARS * 365.25 * 86_400_000;

export type DateReading =
  | ({ ok: true } & ParsedDate)
  | { ok: false; reason: 'notADate' | 'tooFar' }
  /** A day the calendar does not have: «30 de febrero», «31/04», month 13. */
  | { ok: false; reason: 'noSuchDay'; day: number; month: number }
  /** A weekday and a day number that disagree in the coming months: `date` is the nearer such day. */
  | { ok: false; reason: 'weekdayMismatch'; date: string; typedWeekday: number };

interface DateReader {
  chrono: Chrono;
  normalize: (text: string) => string;
}

/** Built on the first date read, so that start-up does not wait for chrono (see createSpanishChrono). */
let readers: Record<Language, DateReader> | undefined;

function readerFor(lang: Language): DateReader {
  readers ??= {
    es: { chrono: createSpanishChrono(), normalize: normalizeSpanish },
    en: { chrono: createEnglishChrono(), normalize: normalizeEnglish },
  };
  return readers[lang];
}

/**
 * Reads a date typed in natural language ("el próximo martes a las 10", "in two weeks",
 * "15/03/2027"). The rules, the same in both languages:
 * - Dates without a year, weekdays and day numbers are taken forward (the next such day)
 *   unless `lean` is 'past' (a day that has happened).
 * - «el próximo viernes» / «next Friday» is the first Friday after today (Spain's usage);
 *   «este viernes» is this week's.
 * - «el martes 8»: the next 8th (this month's or the next one's) that is a Tuesday; when
 *   neither is, 'weekdayMismatch' rather than a day months away.
 * - Periods take one day, reported in `period`: principios = the 1st, mediados = the 15th,
 *   finales / fin de mes = the last day; a week = its Monday (its Wednesday or Friday for
 *   mediados / finales de semana); the weekend = its Saturday.
 * - A time of day is kept; a bare hour from 1 to 7 is in the afternoon; «por la mañana»
 *   with no hour gives the day alone.
 * - A day no calendar has («30 de febrero», «31/04») is 'noSuchDay', never rolled over.
 * - A date more than DATE_REACH_YEARS from now, or a year that far which the parser could
 *   not read ("el año 1200"), is 'tooFar'.
 */
export function parseNaturalDate(text: string, lang: Language, timeZone: string, now: Date = new Date(), lean: 'future' | 'past' = 'future'): DateReading {
  return readDate(text, lang, timeZone, now, lean, false);
}

/** Words a date may carry that are not part of it: «el lunes», «de ayer», «on Monday». */
const DATE_FILLERS = new Set(['el', 'la', 'los', 'las', 'de', 'del', 'a', 'al', 'en', 'on', 'at', 'the', 'in', 'of']);
/** The longest date phrase looked for inside a sentence, in words («el viernes pasado a las 10 y media»). */
const PHRASE_WORDS = 7;

/**
 * A date said inside a sentence («una visita con Carmen ayer a las 10»), read as
 * parseNaturalDate reads one, and the sentence without it. The longest run of words that is a
 * date and nothing else wins. A date that cannot be taken («el 31 de noviembre») comes back
 * with what is wrong with it, taken out of the sentence too. Undefined when the sentence holds
 * no date.
 */
export function datePhraseIn(
  text: string,
  lang: Language,
  timeZone: string,
  now: Date,
  lean: 'future' | 'past',
): { reading: DateReading; rest: string } | undefined {
  // Most sentences name no date: one reading tells, before any search.
  const whole = readDate(text, lang, timeZone, now, lean, false);
  if (!whole.ok && whole.reason === 'notADate') return undefined;
  const words = text.split(/\s+/).filter(Boolean);
  const readAt = (from: number, length: number) => readDate(words.slice(from, from + length).join(' '), lang, timeZone, now, lean, whole.ok);
  const without = (from: number, length: number) => [...words.slice(0, from), ...words.slice(from + length)].join(' ');
  if (whole.ok) {
    for (let length = Math.min(PHRASE_WORDS, words.length); length > 0; length--) {
      for (let from = 0; from + length <= words.length; from++) {
        const reading = readAt(from, length);
        if (reading.ok) return { reading, rest: without(from, length) };
      }
    }
    return undefined;
  }
  // A date that cannot be taken: the fewest words that still say it, with the little words before them.
  for (let length = 1; length <= Math.min(PHRASE_WORDS, words.length); length++) {
    for (let from = 0; from + length <= words.length; from++) {
      const reading = readAt(from, length);
      if (reading.ok || reading.reason !== whole.reason) continue;
      let start = from;
      while (start > 0 && DATE_FILLERS.has(words[start - 1]!.toLowerCase())) start--;
      return { reading, rest: without(start, from + length - start) };
    }
  }
  return { reading: whole, rest: text };
}

function readDate(text: string, lang: Language, timeZone: string, now: Date, lean: 'future' | 'past', whole: boolean): DateReading {
  const reader = readerFor(lang);
  const typed = reader.normalize(text);
  const reference = { instant: now, timezone: zoneOffsetMinutes(timeZone, now) };
  const impossible = findImpossibleDate(typed);
  if (impossible) return { ok: false, reason: 'noSuchDay', ...impossible };
  const [result] = reader.chrono.parse(typed, reference, { forwardDate: lean === 'future' });
  const read = result && { from: result.index, to: result.index + result.text.length };
  if (whole && (!read || !onlyFillers(`${typed.slice(0, read.from)} ${typed.slice(read.to)}`))) return { ok: false, reason: 'notADate' };
  if (yearsLeftOver(typed, read).some((year) => Math.abs(year - now.getUTCFullYear()) > DATE_REACH_YEARS)) return { ok: false, reason: 'tooFar' };
  if (!result) return { ok: false, reason: 'notADate' };
  const start = result.start;
  const [year = 0, month = 0, day = 0] = [start.get('year'), start.get('month'), start.get('day')].map(Number);
  const date = `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
  const hasTime = start.isCertain('hour');
  const time = hasTime ? `${pad(Number(start.get('hour')))}:${pad(Number(start.get('minute') ?? 0))}` : undefined;
  if (Math.abs(year - now.getUTCFullYear()) > DATE_REACH_YEARS + 1) return { ok: false, reason: 'tooFar' };
  const instant = zonedInstant(year, month, day, time ?? '12:00', timeZone);
  if (Number.isNaN(instant.getTime()) || Math.abs(instant.getTime() - now.getTime()) > REACH_MS) return { ok: false, reason: 'tooFar' };
  const tags = [...start.tags()];
  const tagged = (prefix: string) => Number(tags.find((tag) => tag.startsWith(prefix))?.slice(prefix.length));
  if (tags.includes(problemTag('weekdayMismatch'))) return { ok: false, reason: 'weekdayMismatch', date, typedWeekday: tagged(TYPED_WEEKDAY_TAG) };
  if (tags.includes(problemTag('noSuchDay'))) return { ok: false, reason: 'noSuchDay', day: tagged(REQUESTED_DAY_TAG), month };
  const period = tags.find((tag) => tag.startsWith(PERIOD_TAG))?.slice(PERIOD_TAG.length) as PeriodDefault | undefined;
  return { ok: true, instant, date, hasTime, ...(time && { time }), ...(period && { period }) };
}

const pad = (n: number) => String(n).padStart(2, '0');

const onlyFillers = (words: string) => words.split(/[\s,.;:]+/).every((word) => word === '' || DATE_FILLERS.has(word));

/** The instant of a wall-clock time on a day in `timeZone` (the zone's offset on that day, not today's). */
function zonedInstant(year: number, month: number, day: number, time: string, timeZone: string): Date {
  const [hour, minute] = time.split(':').map(Number);
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  let instant = wall - zoneOffsetMinutes(timeZone, new Date(wall)) * 60_000;
  instant = wall - zoneOffsetMinutes(timeZone, new Date(instant)) * 60_000;
  return new Date(instant);
}

/**
 * Numbers of four digits or more that the parser did not read whole: years it cannot
 * handle ("el año 1200", "3 March 12026" read as 1202), which would otherwise be
 * dropped or misread in silence.
 */
function yearsLeftOver(text: string, read: { from: number; to: number } | undefined): number[] {
  return [...text.matchAll(/\d+/g)]
    .filter((m) => !read || m.index < read.from || m.index + m[0].length > read.to)
    .map((m) => Number(m[0]))
    .filter((n) => n >= 1000);
}

/** `date` plus `days` calendar days, both `YYYY-MM-DD`. */
export function addDays(date: string, days: number): string {
  // Deriving follow-ups steps through the same days over and over: each sum is worked out once.
  const key = `${date}|${days}`;
  let sum = daySums.get(key);
  if (sum === undefined) {
    const d = new Date(`${date}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + days);
    sum = d.toISOString().slice(0, 10);
    if (daySums.size >= DAY_SUMS_KEPT) daySums.clear();
    daySums.set(key, sum);
  }
  return sum;
}

const daySums = new Map<string, string>();
const DAY_SUMS_KEPT = 20_000;

/** Whole days from `from` to `to`, both `YYYY-MM-DD` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86400000);
}

/** A date shown to a user: "martes, 3 de marzo de 2027" / "Tuesday, 3 March 2027". */
export function formatDate(date: string, lang: Language): string {
  return dateTimeFormat(lang === 'es' ? 'es-ES' : 'en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${date}T00:00:00Z`));
}

const locale = (lang: Language) => (lang === 'es' ? 'es-ES' : 'en-GB');

/** A day and its month, without weekday or year: "8 de marzo" / "8 March". */
export function formatDayAndMonth(date: string, lang: Language): string {
  return dateTimeFormat(locale(lang), { day: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}

/** A month's name (1–12): "febrero" / "February". */
export function monthName(month: number, lang: Language): string {
  return dateTimeFormat(locale(lang), { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, month - 1, 1)));
}

/** A weekday's name (0 Sunday … 6 Saturday): "martes" / "Tuesday". */
export function weekdayName(weekday: number, lang: Language): string {
  return dateTimeFormat(locale(lang), { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, 7 + weekday)));
}

/** A time of day shown to a user: "9:00", "17:30". */
export const formatTime = (time: string) => time.replace(/^0(?=\d:)/, '');
