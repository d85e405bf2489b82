// Calendar arithmetic on plain days, and the chrono pieces every language's parsers share:
// the day «today» is in the user's zone, and how a resolved day becomes a chrono result.
import type { ParsingComponents, ParsingContext, Refiner } from 'chrono-node';

export interface Day {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
}

/** Which way a date without its own direction is taken: a due date looks ahead, a contact back. */
export type Lean = 'future' | 'past';

/** How a period was turned into one day, so the confirmation can say it is a default. */
export type PeriodDefault = 'monthStart' | 'monthMiddle' | 'monthEnd' | 'yearStart' | 'yearEnd' | 'weekStart' | 'weekMiddle' | 'weekEnd' | 'weekendStart';

/** Why a typed date cannot be taken, found while parsing (read back by dates.ts). */
export type DateProblem = 'weekdayMismatch' | 'noSuchDay';

const TAG = 'enlace';
/** Marks the readings made by our parsers. */
const OURS_TAG = `${TAG}/read`;
export const PERIOD_TAG = `${TAG}/period/`;
export const periodTag = (period: PeriodDefault) => `${PERIOD_TAG}${period}`;
export const problemTag = (problem: DateProblem) => `${TAG}/problem/${problem}`;

const toUtc = (d: Day) => Date.UTC(d.year, d.month - 1, d.day);
const fromUtc = (ms: number): Day => {
  const date = new Date(ms);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
};

export const plusDays = (d: Day, days: number): Day => fromUtc(toUtc(d) + days * 86_400_000);
export const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
/** 0 Sunday … 6 Saturday */
export const weekdayOf = (d: Day) => new Date(toUtc(d)).getUTCDay();
export const compareDays = (a: Day, b: Day) => toUtc(a) - toUtc(b);

/** The month `months` away from `d`'s month (its first day). */
export function shiftMonth(d: Pick<Day, 'year' | 'month'>, months: number): Day {
  const index = d.year * 12 + d.month - 1 + months;
  return { year: Math.floor(index / 12), month: (index % 12) + 1, day: 1 };
}

/** `d` plus `months` months, the day kept or cut to the month's last day (31 January + 1 month = 28 February). */
export function plusMonths(d: Day, months: number): Day {
  const month = shiftMonth(d, months);
  return { ...month, day: Math.min(d.day, daysInMonth(month.year, month.month)) };
}

export const lastDayOf = (d: Pick<Day, 'year' | 'month'>): Day => ({ year: d.year, month: d.month, day: daysInMonth(d.year, d.month) });

/** The Monday of `d`'s week (weeks run Monday to Sunday). */
export const mondayOf = (d: Day) => plusDays(d, -((weekdayOf(d) + 6) % 7));

/** The next `weekday` strictly after `d` (1–7 days on), or strictly before it for 'past'. */
export function nearestWeekday(d: Day, weekday: number, lean: Lean): Day {
  if (lean === 'future') return plusDays(d, (weekday - weekdayOf(d) + 7) % 7 || 7);
  return plusDays(d, -((weekdayOf(d) - weekday + 7) % 7 || 7));
}

/**
 * Day number `day` of the coming months (this one included when not passed), or of the
 * past ones for 'past'; months without that day are skipped (`el 31` in April is 31 May).
 */
export function nextDayNumber(today: Day, day: number, lean: Lean, count = 1): Day[] {
  const found: Day[] = [];
  for (let step = 0; found.length < count && step < 24; step++) {
    const month = shiftMonth(today, lean === 'future' ? step : -step);
    if (day > daysInMonth(month.year, month.month)) continue;
    const candidate = { ...month, day };
    if (lean === 'future' ? compareDays(candidate, today) >= 0 : compareDays(candidate, today) <= 0) found.push(candidate);
  }
  return found;
}

/**
 * Where one of our readings and one of chrono's cover the same words, ours is kept: chrono
 * keeps the first of two equally long readings, and ours are added after its own.
 */
export const preferOurReadings: Refiner = {
  refine: (_context, results) => {
    const ours = results.filter((r) => r.start.tags().has(OURS_TAG));
    return results.filter((r) => ours.includes(r) || !ours.some((o) => o.index <= r.index && o.index + o.text.length >= r.index + r.text.length));
  },
};

/** The calendar day of the parse's reference instant in the user's zone. */
export function todayOf(context: ParsingContext): Day {
  const offset = context.reference.timezoneOffset ?? 0;
  return fromUtc(Math.floor((context.reference.instant.getTime() + offset * 60_000) / 86_400_000) * 86_400_000);
}

/** The lean the parse was asked for: chrono's `forwardDate` carries it. */
export const leanOf = (context: ParsingContext): Lean => (context.option.forwardDate === false ? 'past' : 'future');

/** A chrono result part for a whole day, the day certain and marked as ours. */
export function dayComponents(context: ParsingContext, d: Day, ...tags: string[]): ParsingComponents {
  const components = context.createParsingComponents({ year: d.year, month: d.month, day: d.day });
  components.addTags([OURS_TAG, ...tags]);
  return components;
}

/** A chrono result part for a time of day (24-hour clock) on the reference day. */
export function timeComponents(context: ParsingContext, hour: number, minute: number): ParsingComponents {
  const today = todayOf(context);
  const components = context.createParsingComponents();
  components.imply('year', today.year).imply('month', today.month).imply('day', today.day);
  components.assign('hour', hour);
  components.assign('minute', minute);
  components.assign('second', 0);
  components.assign('meridiem', hour < 12 ? 0 : 1);
  components.addTag(OURS_TAG);
  return components;
}
