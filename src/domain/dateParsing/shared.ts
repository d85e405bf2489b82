// Resolutions both languages' parsers share: a weekday with its day number, a day number
// alone, the part of a month or year a period names, a time of day, amounts in words.
import type { Parser, ParsingComponents, ParsingContext, Refiner } from 'chrono-node';
import {
  compareDays,
  type Day,
  dayComponents,
  daysInMonth,
  lastDayOf,
  leanOf,
  mondayOf,
  nextDayNumber,
  type PeriodDefault,
  periodTag,
  plusDays,
  problemTag,
  shiftMonth,
  timeComponents,
  weekdayOf,
} from './calendar.js';

/** A chrono parser from a pattern and what to make of a match. */
export function parser(pattern: RegExp, extract: (context: ParsingContext, match: RegExpMatchArray) => ReturnType<Parser['extract']>): Parser {
  return { pattern: () => pattern, extract };
}

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

/** A weekday with a full date («el viernes 13 de marzo»): the date, refused when it falls on another weekday. */
export function weekdayOnDate(context: ParsingContext, today: Day, weekday: number, month: number, day: number, year: number | undefined): ParsingComponents {
  const date = year === undefined ? nearestYear(context, today, (y) => ({ year: y, month, day })) : { year, month, day };
  if (weekdayOf(date) === weekday) return dayComponents(context, date);
  return dayComponents(context, date, problemTag('weekdayMismatch'), `${TYPED_WEEKDAY_TAG}${weekday}`);
}

/** A part of a week: its Monday, Wednesday or Friday (`weekShift` weeks from this one). */
export function periodInWeek(context: ParsingContext, today: Day, weekShift: number, part: PeriodPart): ParsingComponents {
  const offset = part === 'start' ? 0 : part === 'middle' ? 2 : 4;
  const period: PeriodDefault = part === 'start' ? 'weekStart' : part === 'middle' ? 'weekMiddle' : 'weekEnd';
  return dayComponents(context, plusDays(mondayOf(today), 7 * weekShift + offset), periodTag(period));
}

/**
 * Moves a time to the part of the day the words around it name: «esta noche a las 9» is
 * 21:00, «tomorrow morning at 7» stays 7:00 even though a bare 7 is read in the afternoon.
 * `laterWords` push a morning hour to the afternoon, `earlierWords` pull an afternoon hour
 * (read from a bare 1–7) back to the morning; `explicitPart` is a part typed with the time itself.
 */
export function dayPartRefiner(laterWords: RegExp, earlierWords: RegExp, explicitPart: RegExp): Refiner {
  return {
    refine: (_context, results) => {
      for (const result of results) {
        const hour = result.start.get('hour');
        if (!result.start.isCertain('hour') || hour === null || explicitPart.test(result.text)) continue;
        if (laterWords.test(result.text) && hour < 12) result.start.assign('hour', hour + 12).assign('meridiem', 1);
        else if (earlierWords.test(result.text) && hour >= 13 && hour <= 19) result.start.assign('hour', hour - 12).assign('meridiem', 0);
      }
      return results;
    },
  };
}

/** A bare hour from 1 to 7 that chrono read in the morning goes to the afternoon, as our Spanish times do (see timeOfDay). */
export const afternoonForBareHours: Refiner = {
  refine: (_context, results) => {
    for (const result of results) {
      const hour = result.start.get('hour');
      if (!result.start.isCertain('hour') || result.start.isCertain('meridiem') || hour === null || hour < 1 || hour > 7) continue;
      if (/\b0\d\b|\b0\d[:.]|morning|\bam\b|a\.m\./.test(result.text)) continue;
      result.start.assign('hour', hour + 12).assign('meridiem', 1);
    }
    return results;
  },
};

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
