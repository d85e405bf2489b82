// Where on a person's clock a follow-up lands: at a set time of day, never in quiet
// hours, and off weekends when the person does not get them on weekends.
import type { QuietHours } from '../config.js';
import { addDays } from '../dates.js';
import { clockMinutes, instantAt, wallTime, weekdayOf } from './zoneTime.js';

export interface DeliveryRules {
  readonly timeZone: string;
  readonly quietHours: QuietHours;
  readonly weekends: boolean;
}

const SATURDAY = 6;
const SUNDAY = 0;

/** Whether `minutes` past midnight falls in the quiet window (which may wrap past midnight). */
export function inQuietHours(minutes: number, quiet: QuietHours): boolean {
  const start = clockMinutes(quiet.start);
  const end = clockMinutes(quiet.end);
  if (start === end) return false;
  return start < end ? minutes >= start && minutes < end : minutes >= start || minutes < end;
}

/**
 * The working day to use for `date` when weekends are off: the Monday after, or, for a
 * reminder about that very day (a due date), the Friday before, so it is not late.
 */
export function workingDay(date: string, weekends: boolean, towards: 'after' | 'before' = 'after'): string {
  if (weekends) return date;
  const weekday = weekdayOf(date);
  if (weekday === SATURDAY) return addDays(date, towards === 'after' ? 2 : -1);
  if (weekday === SUNDAY) return addDays(date, towards === 'after' ? 1 : -2);
  return date;
}

/**
 * The instant of `time` on `date` in the person's zone; a time in quiet hours moves to
 * when they end, and a day off moves as `workingDay` says.
 */
export function onDay(date: string, time: string, rules: DeliveryRules, towards: 'after' | 'before' = 'after'): Date {
  return outOfQuietHours(instantAt(workingDay(date, rules.weekends, towards), clockMinutes(time), rules.timeZone), rules);
}

/**
 * `instant`, or if it falls in quiet hours or on a day off, the next moment the person
 * can be messaged: the end of quiet hours, on the next working day.
 */
export function outOfQuietHours(instant: Date, rules: DeliveryRules): Date {
  let wall = wallTime(instant, rules.timeZone);
  let moved = instant;
  if (inQuietHours(wall.minutes, rules.quietHours)) {
    const end = clockMinutes(rules.quietHours.end);
    // Before the end: the quiet hours that began yesterday evening end this morning.
    const day = wall.minutes < end ? wall.date : addDays(wall.date, 1);
    moved = instantAt(day, end, rules.timeZone);
    wall = wallTime(moved, rules.timeZone);
  }
  const day = workingDay(wall.date, rules.weekends);
  if (day === wall.date) return moved;
  const morning = inQuietHours(0, rules.quietHours) ? clockMinutes(rules.quietHours.end) : 0;
  return instantAt(day, morning, rules.timeZone);
}
