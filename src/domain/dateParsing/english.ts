// English dates as caseworkers type them, on top of chrono's British configuration (day
// before month): weekdays with next/this/last read the same way as in Spanish («next
// Friday» is the first Friday after today), weekdays with a day number, day numbers alone,
// fortnights, and periods resolved to a stated default. The text arrives lower-cased.
import { createRequire } from 'node:module';
import type { Chrono } from 'chrono-node';
import type * as chronoEnglish from 'chrono-node/en';
import { dayComponents, leanOf, mondayOf, nearestWeekday, periodTag, plusDays, preferOurReadings, shiftMonth, todayOf } from './calendar.js';
import {
  afternoonForBareHours,
  amountPattern,
  parser,
  dayInYear,
  dayNumberOf,
  dayPartRefiner,
  type PeriodPart,
  periodInMonth,
  periodInWeek,
  periodInYear,
  readAmount,
  weekdayWithDayNumber,
} from './shared.js';

const WEEKDAYS: Record<string, number> = {
  sunday: 0,
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
  saturday: 6,
  sun: 0,
  mon: 1,
  tue: 2,
  tues: 2,
  wed: 3,
  thu: 4,
  thur: 4,
  thurs: 4,
  fri: 5,
  sat: 6,
};
const MONTHS: Record<string, number> = {
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  may: 5,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
};
export const ENGLISH_MONTHS = MONTHS;
const NUMBER_WORDS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };

// Longest first, so «thursday» is not read as «thu».
const WEEKDAY = `(${Object.keys(WEEKDAYS)
  .sort((a, b) => b.length - a.length)
  .join('|')})\\b`;
const MONTH = `(${Object.keys(MONTHS).join('|')})`;
const ORDINAL = '(\\d{1,2})(?:st|nd|rd|th)?';
const NOT_A_DAY_NUMBER = `(?!\\s*(?:of\\s+)?(?:${Object.keys(MONTHS).join('|')})\\b|\\s*[/:.]\\s*\\d|\\d|\\s*(?:am|pm|days?|weeks?|months?|years?|hours?|o'?clock)\\b)`;

/** Monday, next Friday, this Thursday, last Thursday, Friday next week, Monday the 14th. */
const weekday = parser(
  new RegExp(
    `\\b(?:(?:on|by)\\s+)?(?:(next|this|last|coming|past)\\s+)?${WEEKDAY}(?:\\s+(next\\s+week|last\\s+week|this\\s+week))?(?:\\s+(?:the\\s+)?${ORDINAL}\\b${NOT_A_DAY_NUMBER})?`,
  ),
  (context, match) => {
    const [, before, name, week, dayNumber] = match;
    const today = todayOf(context);
    const target = WEEKDAYS[name ?? ''] ?? 0;
    if (dayNumber) return weekdayWithDayNumber(context, today, target, Number(dayNumber));
    if (week) return dayComponents(context, plusDays(mondayOf(today), (week.startsWith('next') ? 7 : week.startsWith('last') ? -7 : 0) + ((target + 6) % 7)));
    if (before === 'this') return dayComponents(context, plusDays(mondayOf(today), (target + 6) % 7));
    if (before === 'last' || before === 'past') return dayComponents(context, nearestWeekday(today, target, 'past'));
    if (before) return dayComponents(context, nearestWeekday(today, target, 'future'));
    return dayComponents(context, nearestWeekday(today, target, leanOf(context)));
  },
);

/** the 20th, on the 20th, the 15th of this month, the 3rd of next month, the 3rd of last month. */
const dayNumber = parser(new RegExp(`\\b(?:on\\s+)?the\\s+${ORDINAL}\\b${NOT_A_DAY_NUMBER}(?:\\s+of\\s+(this|next|last)\\s+month)?`), (context, match) => {
  const month = match[2] ? (match[2] === 'last' ? -1 : match[2] === 'this' ? 0 : 1) : undefined;
  return dayNumberOf(context, todayOf(context), Number(match[1]), month);
});

/** April 15, April 15th, April the 15th, April 15 2027: British chrono reads «April 15» as April 2015. */
const monthThenDay = parser(new RegExp(`\\b${MONTH}\\s+(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\b(?![:.]?\\d)(?:,?\\s+(\\d{4}))?`), (context, match) => {
  const month = MONTHS[match[1] ?? ''] ?? 1;
  const day = Number(match[2]);
  const year = match[3] ? Number(match[3]) : undefined;
  return dayInYear(context, todayOf(context), month, day, year);
});

/** in a fortnight, in two fortnights, a fortnight ago. */
const fortnight = parser(
  new RegExp(`\\b(?:in\\s+${amountPattern(NUMBER_WORDS)}\\s+fortnights?|${amountPattern(NUMBER_WORDS)}\\s+fortnights?\\s+ago)\\b`),
  (context, match) => {
    const ahead = match[1] !== undefined;
    const amount = readAmount(match[1] ?? match[2] ?? '', NUMBER_WORDS);
    if (amount === undefined) return null;
    return dayComponents(context, plusDays(todayOf(context), (ahead ? 14 : -14) * amount));
  },
);

/** next week → its Monday; last week → its Monday; (this / next) weekend → its Saturday. */
const week = parser(/\b(?:(next|last|this|the)\s+)?(week|weekend)\b(?!\s+(?:on|from|ago|after))|\bthe\s+week\s+after\s+next\b/, (context, match) => {
  const [text, which, span] = match;
  if (text.endsWith('after next')) return dayComponents(context, plusDays(mondayOf(todayOf(context)), 14), periodTag('weekStart'));
  if (span === 'week' && (which === 'this' || which === 'the' || !which)) return null;
  const shift = which === 'next' ? 7 : which === 'last' ? -7 : 0;
  const monday = mondayOf(todayOf(context));
  if (span === 'weekend') return dayComponents(context, plusDays(monday, 5 + shift), periodTag('weekendStart'));
  return dayComponents(context, plusDays(monday, shift), periodTag('weekStart'));
});

/**
 * (the) beginning / start / middle / end of (the) month, of next month, of January, of the
 * year; early / mid / late January: the 1st, the 15th, the last day.
 */
const period = parser(
  new RegExp(
    `\\b(?:(?:at|by|in|for)\\s+)?(?:the\\s+)?(?:(beginning|start|middle|end)\\s+of\\s+(?:the\\s+)?|(early|mid|late|end)[\\s-]+)(?:(this|next|last)\\s+)?(?:(month|year|week)|${MONTH}(?:\\s+(\\d{4}))?)\\b`,
  ),
  (context, match) => {
    const [, partWord, shortPart, when, span, monthName, year] = match;
    const word = partWord ?? shortPart ?? '';
    const part: PeriodPart = /^(?:beginning|start|early)$/.test(word) ? 'start' : /^(?:middle|mid)$/.test(word) ? 'middle' : 'end';
    const today = todayOf(context);
    const shift = when === 'next' ? 1 : when === 'last' ? -1 : 0;
    if (monthName) return periodInMonth(context, today, MONTHS[monthName] ?? 1, year ? Number(year) : undefined, part);
    if (span === 'month') {
      const month = shiftMonth(today, shift);
      return periodInMonth(context, today, month.month, month.year, part);
    }
    if (span === 'week') return periodInWeek(context, today, shift, part);
    if (part === 'middle') return null;
    return periodInYear(context, today, when ? today.year + shift : undefined, part);
  },
);

/** next month → its 1st. */
const nextMonth = parser(/\b(next|last)\s+month\b/, (context, match) => {
  const month = shiftMonth(todayOf(context), match[1] === 'next' ? 1 : -1);
  return periodInMonth(context, todayOf(context), month.month, month.year, 'start');
});

/** Fixes the slips the patterns do not expect. */
export function normalizeEnglish(typed: string): string {
  return typed
    .toLowerCase()
    .replace(/\btmrw\b|\btomorow\b|\btommorow\b|\btommorrow\b/g, 'tomorrow')
    .replace(/\bwednesday\b|\bwedensday\b|\bwendsday\b/g, 'wednesday')
    .replace(/\s+/g, ' ')
    .trim();
}

const REPLACED = new Set(['ENWeekdayParser']);

const load = createRequire(import.meta.url);

/**
 * chrono's British English, with the parsers above in place of its weekday reading. chrono is
 * loaded here, on the first call, not when the bot starts: it takes a good part of a second.
 */
export function createEnglishChrono(): Chrono {
  const { GB } = load('chrono-node/en') as typeof chronoEnglish;
  const custom = GB.clone();
  custom.parsers = custom.parsers.filter((p) => !REPLACED.has(p.constructor.name));
  custom.parsers.push(weekday, dayNumber, monthThenDay, fortnight, week, period, nextMonth);
  custom.refiners.unshift(preferOurReadings);
  custom.refiners.push(afternoonForBareHours, dayPartRefiner(/\b(?:afternoon|evening|tonight|night)\b/, /\bmorning\b/, /\b[ap]\.?m\b/));
  return custom;
}
