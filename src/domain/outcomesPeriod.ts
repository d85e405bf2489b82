// The period a supervisor asks team outcomes for, typed after the command: nothing (the
// last 3 months), «últimos 6 meses» / «last 6 months», «enero a marzo», «marzo 2026»,
// «del 1/01/2026 al 31/03/2026». Whole months named without a year are their latest
// occurrence up to today; other dates are read by parseNaturalDate, leaning to the past.
import { addDays, localDate, monthName, parseNaturalDate } from './dates.js';
import type { Language } from './schemas.js';
import type { Period } from './teamOutcomes.js';

export const DEFAULT_OUTCOME_MONTHS = 3;
/** Longer periods are almost always a slip, and the figures would mean little. */
export const MAX_OUTCOME_MONTHS = 60;

export type PeriodReading = { ok: true; period: Period } | { ok: false; reason: 'notAPeriod' | 'reversed' | 'future' | 'tooLong' };

const FILLER = /\b(del equipo|de mi equipo|el equipo|equipo|my team|the team|team|for|the|en|in|de|del|los|las|from|desde|entre|between|periodo|period)\b/g;
const NUMBER_WORDS: Record<string, number> = {
  un: 1,
  uno: 1,
  one: 1,
  a: 1,
  dos: 2,
  two: 2,
  tres: 3,
  three: 3,
  cuatro: 4,
  four: 4,
  seis: 6,
  six: 6,
  nueve: 9,
  nine: 9,
  doce: 12,
  twelve: 12,
};

const plain = (text: string) =>
  text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[,.;]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** `YYYY-MM-DD` moved by whole months, the day kept where the month has it. */
export function shiftMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(day, lastDay));
  return first.toISOString().slice(0, 10);
}

/** The last `months` months up to and including `today`. */
export function lastMonths(today: string, months: number = DEFAULT_OUTCOME_MONTHS): Period {
  return { from: addDays(shiftMonths(today, -months), 1), to: today };
}

function monthOf(word: string): number | undefined {
  if (word.length < 3) return undefined;
  for (let month = 1; month <= 12; month++) {
    for (const lang of ['es', 'en'] as const) if (plain(monthName(month, lang)).startsWith(word)) return month;
  }
  return undefined;
}

const monthStart = (year: number, month: number) => `${year}-${String(month).padStart(2, '0')}-01`;
const monthEnd = (year: number, month: number) => addDays(monthStart(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1), -1);

/** «marzo», «marzo 2026», «march of 2026»: the month and the year if typed. */
function namedMonth(side: string): { month: number; year?: number } | undefined {
  const match = /^([a-z]+)(?: (\d{4}))?$/.exec(
    side
      .replace(/\b(de|of)\b/g, ' ')
      .replace(/\s+/g, ' ')
      .trim(),
  );
  const month = match && monthOf(match[1]!);
  if (!match || !month) return undefined;
  return match[2] ? { month, year: Number(match[2]) } : { month };
}

/** Reads the period typed after the command, as days in `timeZone`. */
export function parseOutcomesPeriod(typed: string, lang: Language, timeZone: string, now: Date): PeriodReading {
  const today = localDate(now, timeZone);
  const words = plain(typed).replace(FILLER, ' ').replace(/\s+/g, ' ').trim();
  const reading = read(words, lang, timeZone, now, today);
  if (!reading.ok) return reading;
  const { from, to } = reading.period;
  if (from > to) return { ok: false, reason: 'reversed' };
  if (from > today) return { ok: false, reason: 'future' };
  if (from < shiftMonths(to, -MAX_OUTCOME_MONTHS)) return { ok: false, reason: 'tooLong' };
  return reading;
}

function read(words: string, lang: Language, timeZone: string, now: Date, today: string): PeriodReading {
  if (words === '') return { ok: true, period: lastMonths(today) };
  const last = /^(?:(?:ultimos|ultimo|last|past) )?(\d{1,3}|[a-z]+) (?:meses|mes|months|month)$/.exec(words);
  if (last) {
    const months = /^\d+$/.test(last[1]!) ? Number(last[1]) : NUMBER_WORDS[last[1]!];
    if (months === undefined || months < 1) return { ok: false, reason: 'notAPeriod' };
    if (months > MAX_OUTCOME_MONTHS) return { ok: false, reason: 'tooLong' };
    return { ok: true, period: lastMonths(today, months) };
  }
  if (/^(?:ultimo|ultima|last|past)? ?(?:ano|year|12 meses|12 months)$/.test(words)) return { ok: true, period: lastMonths(today, 12) };
  const sides = words.split(/ (?:a|al|hasta|to|until|till|-|–) /);
  if (sides.length > 2) return { ok: false, reason: 'notAPeriod' };
  const [first, second] = sides as [string, string | undefined];
  const currentYear = Number(today.slice(0, 4));
  const currentMonth = Number(today.slice(5, 7));
  // The latest year in which the month has begun by today.
  const latestYear = (month: number) => (month <= currentMonth ? currentYear : currentYear - 1);
  const startMonth = namedMonth(first);
  const endMonth = second === undefined ? startMonth : namedMonth(second);
  if (startMonth && endMonth) {
    const endYear =
      endMonth.year ?? (startMonth.year !== undefined ? startMonth.year + (endMonth.month < startMonth.month ? 1 : 0) : latestYear(endMonth.month));
    const startYear = startMonth.year ?? (startMonth.month <= endMonth.month ? endYear : endYear - 1);
    return { ok: true, period: { from: monthStart(startYear, startMonth.month), to: monthEnd(endYear, endMonth.month) } };
  }
  // A month beside a date stands for its first day at the start and its last day at the end.
  const day = (side: string, end: boolean): string | undefined => {
    const month = namedMonth(side);
    if (month) {
      const year = month.year ?? latestYear(month.month);
      return end ? monthEnd(year, month.month) : monthStart(year, month.month);
    }
    const parsed = parseNaturalDate(side, lang, timeZone, now, 'past');
    return parsed.ok ? parsed.date : undefined;
  };
  const from = day(first, false);
  const to = day(second ?? first, true);
  if (!from || !to) return { ok: false, reason: 'notAPeriod' };
  return { ok: true, period: { from, to } };
}
