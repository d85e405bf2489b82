// Natural-language dates, read in the user's language and time zone.
import * as chrono from 'chrono-node';
import type { Language } from './schemas.js';

/** Minutes east of UTC that `timeZone` has at `instant` (chrono ignores IANA names). */
export function zoneOffsetMinutes(timeZone: string, instant: Date): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60000);
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** The calendar day (`YYYY-MM-DD`) that `instant` falls on in `timeZone`. */
export function localDate(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

export interface ParsedDate {
  /** The instant meant, in UTC. */
  instant: Date;
  /** The calendar day meant, in the user's time zone. */
  date: string;
  /** Whether the text named a time of day. */
  hasTime: boolean;
}

/**
 * Reads a date typed in natural language ("el próximo martes a las 10", "in two weeks",
 * "15/03/2027"). Returns null when nothing in the text is a date. Dates without a year
 * are taken forward (the next such day) unless `lean` is 'past' (a day that has happened).
 */
export function parseNaturalDate(
  text: string, lang: Language, timeZone: string, now: Date = new Date(), lean: 'future' | 'past' = 'future',
): ParsedDate | null {
  const parser = lang === 'es' ? chrono.es : chrono.en.GB;
  const reference = { instant: now, timezone: zoneOffsetMinutes(timeZone, now) };
  const [result] = parser.parse(text, reference, { forwardDate: lean === 'future' });
  if (!result) return null;
  const instant = result.start.date();
  return { instant, date: localDate(instant, timeZone), hasTime: result.start.isCertain('hour') };
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
  return new Intl.DateTimeFormat(lang === 'es' ? 'es-ES' : 'en-GB', {
    weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC',
  }).format(new Date(`${date}T00:00:00Z`));
}
