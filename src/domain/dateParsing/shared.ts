// Resolutions both languages' parsers share: a weekday with its day number, a day number
// alone, the part of a month or year a period names, a time of day, amounts in words.
import type { ParsingComponents, ParsingContext } from 'chrono-node';
import {
  compareDays,
  type Day,
  dayComponents,
  daysInMonth,
  lastDayOf,
  leanOf,
  nextDayNumber,
  type PeriodDefault,
  periodTag,
  problemTag,
  shiftMonth,
  timeComponents,
  weekdayOf,
} from './calendar.js';

/** An amount: digits, a word of `words`, longest words first so «un par de» beats «un». */
export function amountPattern(words: Record<string, number>): string {
  const names = Object.keys(words).sort((a, b) => b.length - a.length);
  return `(\\d{1,6}|${names.map((w) => w.replace(/ /g, '\\s+')).join('|')})`;
}

export function readAmount(text: string, words: Record<string, number>): number | undefined {
  if (/^\d+$/.test(text)) return Number(text);
  return words[text.replace(/\s+/g, ' ')];
}

/** Tags that carry what was typed into the error: a day number the month lacks, a weekday the day number is not. */
export const REQUESTED_DAY_TAG = 'enlace/requestedDay/';
export const TYPED_WEEKDAY_TAG = 'enlace/typedWeekday/';

/**
 * A weekday with its day number («el martes 10», «Monday the 14th»): the next such day
 * (this month's or the next one's) that falls on that weekday. When neither does, the
 * weekday and the number disagree: the nearer day is returned marked as a mismatch, so the
 * user is asked which they meant instead of getting a day far off.
 */
export function weekdayWithDayNumber(context: ParsingContext, today: Day, weekday: number, day: number): ParsingComponents | null {
  if (day < 1 || day > 31) return null;
  const candidates = nextDayNumber(today, day, leanOf(context), 2);
  const match = candidates.find((d) => weekdayOf(d) === weekday);
  if (match) return dayComponents(context, match);
  return candidates[0] ? dayComponents(context, candidates[0], problemTag('weekdayMismatch'), `${TYPED_WEEKDAY_TAG}${weekday}`) : null;
}

/** «el 20», «the 20th»: the next such day (or the last one, for a past date); `monthShift` names the month («del mes que viene» = 1). */
export function dayNumberOf(context: ParsingContext, today: Day, day: number, monthShift?: number): ParsingComponents | null {
  if (day < 1 || day > 31) return null;
  if (monthShift === undefined) {
    const [found] = nextDayNumber(today, day, leanOf(context));
    return found ? dayComponents(context, found) : null;
  }
  const month = shiftMonth(today, monthShift);
  if (day > daysInMonth(month.year, month.month)) return dayComponents(context, month, problemTag('noSuchDay'), `${REQUESTED_DAY_TAG}${day}`);
  return dayComponents(context, { ...month, day });
}

export type PeriodPart = 'start' | 'middle' | 'end';

/** The day a part of a month stands for: start = the 1st, middle = the 15th, end = its last day. */
export function periodInMonth(context: ParsingContext, today: Day, month: number, year: number | undefined, part: PeriodPart): ParsingComponents {
  const dayOf = (y: number): Day =>
    part === 'start' ? { year: y, month, day: 1 } : part === 'middle' ? { year: y, month, day: 15 } : lastDayOf({ year: y, month });
  const period: PeriodDefault = part === 'start' ? 'monthStart' : part === 'middle' ? 'monthMiddle' : 'monthEnd';
  return dayComponents(context, year === undefined ? nearestYear(context, today, dayOf) : dayOf(year), periodTag(period));
}

/** The start (1 January) or end (31 December) of a year. */
export function periodInYear(context: ParsingContext, today: Day, year: number | undefined, part: Exclude<PeriodPart, 'middle'>): ParsingComponents {
  const dayOf = (y: number): Day => (part === 'start' ? { year: y, month: 1, day: 1 } : { year: y, month: 12, day: 31 });
  return dayComponents(context, year === undefined ? nearestYear(context, today, dayOf) : dayOf(year), periodTag(part === 'start' ? 'yearStart' : 'yearEnd'));
}

/** A day of a month, in the year given or the nearest one for the lean. */
export function dayInYear(context: ParsingContext, today: Day, month: number, day: number, year: number | undefined): ParsingComponents {
  return dayComponents(context, year === undefined ? nearestYear(context, today, (y) => ({ year: y, month, day })) : { year, month, day });
}

/** This year's day, or the next (previous) year's when this one has passed (not come) for the lean. */
function nearestYear(context: ParsingContext, today: Day, dayOf: (year: number) => Day): Day {
  const thisYear = dayOf(today.year);
  const lean = leanOf(context);
  if (lean === 'future' && compareDays(thisYear, today) < 0) return dayOf(today.year + 1);
  if (lean === 'past' && compareDays(thisYear, today) > 0) return dayOf(today.year - 1);
  return thisYear;
}

/** Part of the day named with a clock hour. */
export type DayPart = 'morning' | 'noon' | 'afternoon' | 'night' | 'smallHours' | 'am' | 'pm';

/**
 * A time of day. A bare hour from 1 to 7 typed without a leading zero («a las 5») is taken
 * in the afternoon: caseworkers do not book visits at five in the morning, and the time is
 * confirmed back anyway.
 */
export function timeOfDay(context: ParsingContext, hour: number, minute: number, part: DayPart | undefined, hourText = String(hour)): ParsingComponents | null {
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59) return null;
  let h = hour;
  if ((part === 'afternoon' || part === 'night' || part === 'pm') && h < 12) h += 12;
  else if (part === 'noon' && h < 5) h += 12;
  else if ((part === 'am' || part === 'smallHours') && h === 12) h = 0;
  else if (part === undefined && h >= 1 && h <= 7 && !hourText.startsWith('0')) h += 12;
  return timeComponents(context, h, minute);
}
