// Caseload and time (SPEC §3): required vs available worker time, and the monthly
// contact sheet (ficha mensual).
import { caseTimeZone, defaultConfig, type PracticeConfig } from './config.js';
import { localDate } from './dates.js';
import type { Case, Intensity, Staff } from './schemas.js';

/**
 * A case not assessed yet has no intensity; it counts as moderate, the middle estimate,
 * since intake and the first assessment already take real time.
 */
export const INTENSITY_BEFORE_ASSESSMENT: Intensity = 'moderate';

export function estimatedMonthlyMinutes(caseRecord: Pick<Case, 'intensity'>, config: PracticeConfig = defaultConfig): number {
  return config.intensity[caseRecord.intensity ?? INTENSITY_BEFORE_ASSESSMENT].monthlyMinutesPerCase;
}

export interface CaseloadTime {
  openCases: number;
  requiredMinutes: number;
  availableMinutes: number;
  over: boolean;
}

/**
 * The worker's monthly time: the estimate summed over their own open cases against their
 * available hours. Cases only shared with them count on their own worker's caseload.
 */
export function caseloadTime(
  cases: readonly Pick<Case, 'workerId' | 'status' | 'intensity'>[],
  staff: Staff,
  config: PracticeConfig = defaultConfig,
): CaseloadTime {
  const open = cases.filter((c) => c.workerId === staff.id && c.status === 'open');
  const requiredMinutes = open.reduce((sum, c) => sum + estimatedMonthlyMinutes(c, config), 0);
  const availableMinutes = staff.availableHoursPerMonth * 60;
  return { openCases: open.length, requiredMinutes, availableMinutes, over: requiredMinutes > availableMinutes };
}

/** What the caseload's order and counts read of a case: a case header is enough. */
export type ReviewFields = Pick<Case, 'id' | 'status' | 'nextReviewDate'>;

/** Whether an open case's next review is before `today` (a calendar day, YYYY-MM-DD). */
export function reviewOverdue(caseRecord: Pick<Case, 'status' | 'nextReviewDate'>, today: string): boolean {
  return caseRecord.status === 'open' && caseRecord.nextReviewDate !== undefined && caseRecord.nextReviewDate < today;
}

/**
 * The order a caseload is listed in: overdue reviews first (the longest overdue first), then
 * the other open cases by their next review (undated last), then the closed ones.
 */
export function caseloadOrder<T extends ReviewFields>(cases: readonly T[], today: string): T[] {
  const rank = (c: T) => (reviewOverdue(c, today) ? 0 : c.status === 'open' ? 1 : 2);
  const review = (c: T) => (c.status === 'open' ? (c.nextReviewDate ?? '9999-12-31') : '');
  return [...cases].sort((a, b) => rank(a) - rank(b) || review(a).localeCompare(review(b)) || a.id.localeCompare(b.id));
}

export interface CaseloadCounts {
  total: number;
  open: number;
  closed: number;
  overdue: number;
}

export function caseloadCounts(cases: readonly ReviewFields[], today: string): CaseloadCounts {
  const open = cases.filter((c) => c.status === 'open').length;
  return { total: cases.length, open, closed: cases.length - open, overdue: cases.filter((c) => reviewOverdue(c, today)).length };
}

/** Cases per page of a caseload: a page stays far below the size of one Teams message. */
export const CASELOAD_PAGE_SIZE = 20;

export interface Page<T> {
  items: T[];
  /** 1-based, clamped to the pages there are. */
  page: number;
  pages: number;
  /** The list number of the page's first item (1-based). */
  firstNumber: number;
}

export function pageOf<T>(items: readonly T[], page: number, size: number = CASELOAD_PAGE_SIZE): Page<T> {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const current = Math.min(Math.max(1, Math.trunc(page)), pages);
  const start = (current - 1) * size;
  return { items: items.slice(start, start + size), page: current, pages, firstNumber: start + 1 };
}

export interface ContactSheetRow {
  caseId: string;
  contacts: number;
  minutes: number;
  estimateMinutes: number;
}

export interface ContactSheet {
  month: string;
  workerId: string;
  rows: ContactSheetRow[];
  totals: { contacts: number; minutes: number; estimateMinutes: number };
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** First and last calendar day of `YYYY-MM`. */
export function monthBounds(month: string): { first: string; last: string } {
  if (!MONTH.test(month)) throw new Error(`Not a month (YYYY-MM): ${month}`);
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  // Day 0 of the next month is the last day of this one.
  const lastDay = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
  return { first: `${month}-01`, last: `${month}-${String(lastDay).padStart(2, '0')}` };
}

/** Whether the case was open on any day of the month (calendar days of the case's time zone). */
function openDuringMonth(caseRecord: Case, month: string, config: PracticeConfig): boolean {
  const { first, last } = monthBounds(month);
  // A closed case without its closure record is taken as closed at its last update.
  const closed =
    caseRecord.status === 'closed' ? localDate(new Date(caseRecord.closure?.at ?? caseRecord.updatedAt), caseTimeZone(caseRecord, config)) : undefined;
  return caseRecord.intakeDate <= last && (closed === undefined || closed >= first);
}

function sheetRow(caseRecord: Case, month: string, config: PracticeConfig): ContactSheetRow {
  // Contact dates are calendar days in the case's time zone, so the month is their prefix.
  const inMonth = caseRecord.contacts.filter((contact) => contact.date.startsWith(`${month}-`));
  return {
    caseId: caseRecord.id,
    contacts: inMonth.length,
    minutes: inMonth.reduce((sum, contact) => sum + contact.minutes, 0),
    estimateMinutes: openDuringMonth(caseRecord, month, config) ? estimatedMonthlyMinutes(caseRecord, config) : 0,
  };
}

/**
 * The ficha mensual: for each of the worker's cases open during `month` (YYYY-MM) or with
 * contacts in it, the contacts and minutes logged on the case against its estimate. The
 * estimate is the full month's for any case open during the month (not prorated); it uses
 * the case's current intensity.
 */
export function monthlyContactSheet(cases: readonly Case[], workerId: string, month: string, config: PracticeConfig = defaultConfig): ContactSheet {
  monthBounds(month); // validates the month before any work
  const rows = cases
    .filter((c) => c.workerId === workerId)
    .map((c) => sheetRow(c, month, config))
    .filter((row) => row.contacts > 0 || row.estimateMinutes > 0);
  const totals = rows.reduce(
    (sum, row) => ({
      contacts: sum.contacts + row.contacts,
      minutes: sum.minutes + row.minutes,
      estimateMinutes: sum.estimateMinutes + row.estimateMinutes,
    }),
    { contacts: 0, minutes: 0, estimateMinutes: 0 },
  );
  return { month, workerId, rows, totals };
}
