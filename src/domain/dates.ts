// Natural-language dates, read in the user's language and time zone.
import * as chrono from 'chrono-node';
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
  /** The instant meant, in UTC. */
  instant: Date;
  /** The calendar day meant, in the user's time zone. */
  date: string;
  /** Whether the text named a time of day. */
  hasTime: boolean;
}

/** How many years before or after now a typed date may be: anything further is a slip. */
export const DATE_REACH_YEARS = 100;
const REACH_MS = DATE_REACH_YEARS * 365.25 * 86_400_000;

export type DateReading = ({ ok: true } & ParsedDate) | { ok: false; reason: 'notADate' | 'tooFar' };

/**
 * Reads a date typed in natural language ("el próximo martes a las 10", "in two weeks",
 * "15/03/2027"). Dates without a year are taken forward (the next such day) unless `lean`
 * is 'past' (a day that has happened). A date more than DATE_REACH_YEARS from now, or a
 * year that far which the parser could not read ("el año 1200"), is 'tooFar'.
 */
export function parseNaturalDate(text: string, lang: Language, timeZone: string, now: Date = new Date(), lean: 'future' | 'past' = 'future'): DateReading {
  const parser = lang === 'es' ? chrono.es : chrono.en.GB;
  const reference = { instant: now, timezone: zoneOffsetMinutes(timeZone, now) };
  const [result] = parser.parse(text, reference, { forwardDate: lean === 'future' });
  const read = result && { from: result.index, to: result.index + result.text.length };
  if (yearsLeftOver(text, read).some((year) => Math.abs(year - now.getUTCFullYear()) > DATE_REACH_YEARS)) return { ok: false, reason: 'tooFar' };
  if (!result) return { ok: false, reason: 'notADate' };
  const instant = result.start.date();
  if (Number.isNaN(instant.getTime()) || Math.abs(instant.getTime() - now.getTime()) > REACH_MS) return { ok: false, reason: 'tooFar' };
  return { ok: true, instant, date: localDate(instant, timeZone), hasTime: result.start.isCertain('hour') };
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
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

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
