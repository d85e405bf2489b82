// The monthly contact sheet (ficha mensual, SPEC §3): per case of the worker, the contacts
// and minutes logged in a month against the case's estimated time, and the totals.
import type { WaterfallStepContext } from '../src/bot/dialogKit.js';
import { say, session, text } from '../src/bot/session.js';
import { monthlyContactSheet } from '../src/domain/caseload.js';
import { localDate } from '../src/domain/dates.js';
import { dateTimeFormat, numberFormat } from '../src/domain/formatters.js';
import type { Language } from '../src/domain/schemas.js';
import { LANGUAGES, matchesWord, normalize, t } from '../src/i18n/catalog.js';
import { BaseDialog } from './baseDialog.js';
import { answer, ask } from './prompts.js';

export const MONTHLY_SHEET_DIALOG = 'monthlySheet';

/** `YYYY-MM` moved by `delta` months. */
export function shiftMonth(month: string, delta: number): string {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const shifted = new Date(Date.UTC(year, monthNumber - 1 + delta, 1));
  return shifted.toISOString().slice(0, 7);
}

/** The month number (1–12) a month name or its first letters names, in either language. */
function monthNumberOf(word: string): number | undefined {
  if (word.length < 3) return undefined;
  for (const lang of LANGUAGES) {
    const index = t(lang, 'contacts.monthNames')
      .split('|')
      .findIndex((name) => normalize(name).startsWith(word));
    if (index !== -1) return index + 1;
  }
  return undefined;
}

/**
 * The month a person typed, `YYYY-MM`: "este mes" or nothing, "el mes pasado", "octubre
 * 2026", "2026-10", "10/2026", or a month name alone (its latest occurrence up to now).
 */
export function parseMonth(typed: string, now: Date, timeZone: string): string | undefined {
  const current = localDate(now, timeZone).slice(0, 7);
  if (typed.trim() === '' || matchesWord(typed, 'contacts.thisMonthWords')) return current;
  if (matchesWord(typed, 'contacts.lastMonthWords')) return shiftMonth(current, -1);
  const words = normalize(typed)
    .replace(/\b(de|of)\b/g, ' ')
    .replace(/[,.]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const yearFirst = /^(\d{4})[-/](\d{1,2})$/.exec(words);
  const monthFirst = /^(\d{1,2})[-/](\d{4})$/.exec(words);
  const named = /^([a-z]+)(?: (\d{4}))?$/.exec(words);
  let year: number | undefined;
  let monthNumber: number | undefined;
  if (yearFirst) [year, monthNumber] = [Number(yearFirst[1]), Number(yearFirst[2])];
  else if (monthFirst) [year, monthNumber] = [Number(monthFirst[2]), Number(monthFirst[1])];
  else if (named) [year, monthNumber] = [named[2] ? Number(named[2]) : undefined, monthNumberOf(named[1]!)];
  if (monthNumber === undefined || monthNumber < 1 || monthNumber > 12) return undefined;
  const month = (y: number) => `${y}-${String(monthNumber).padStart(2, '0')}`;
  if (year !== undefined) return month(year);
  const thisYear = Number(current.slice(0, 4));
  return month(thisYear) <= current ? month(thisYear) : month(thisYear - 1);
}

export function monthLabel(lang: Language, month: string): string {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  return dateTimeFormat(lang === 'es' ? 'es-ES' : 'en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, monthNumber - 1, 1)),
  );
}

const hours = (lang: Language, minutes: number) => numberFormat(lang === 'es' ? 'es-ES' : 'en-GB', { maximumFractionDigits: 1 }).format(minutes / 60);

export class MonthlySheetDialog extends BaseDialog {
  constructor() {
    super(MONTHLY_SHEET_DIALOG, 'contacts.sheetName', 'contacts.sheetHelp', [
      (step) => ask(step, text(step.context, 'contacts.askMonth'), { kind: 'text', optional: true, maxLength: 40 }),
      (step) => this.show(step),
    ]);
  }

  private async show(step: WaterfallStepContext) {
    const { actor, lang, services, timeZone } = session(step.context);
    if (actor.kind !== 'staff') return step.endDialog();
    const month = parseMonth(answer<string>(step), services.now(), timeZone);
    const current = localDate(services.now(), timeZone).slice(0, 7);
    if (!month || month > current) {
      // Ask again from the start: the month is the dialog's only question.
      await say(step.context, month ? 'contacts.monthFuture' : 'contacts.monthError');
      return step.replaceDialog(step.activeDialog!.id);
    }
    const cases = await services.cases.caseload(actor);
    const sheet = monthlyContactSheet(cases, actor.id, month, services.config);
    const label = monthLabel(lang, month);
    if (sheet.rows.length === 0) {
      await say(step.context, 'contacts.sheetEmpty', { month: label });
      return step.endDialog();
    }
    const names = new Map(cases.map((c) => [c.id, c.client.name]));
    const rows = sheet.rows.map((row) =>
      text(step.context, 'contacts.sheetRow', {
        caseId: row.caseId,
        name: names.get(row.caseId) ?? '',
        contacts: row.contacts,
        minutes: row.minutes,
        estimate: row.estimateMinutes,
      }),
    );
    const { totals } = sheet;
    await step.context.sendActivity(
      [
        text(step.context, 'contacts.sheetHeader', { worker: actor.staff.name, month: label }),
        ...rows,
        '',
        text(step.context, 'contacts.sheetTotals', {
          contacts: totals.contacts,
          minutes: totals.minutes,
          hours: hours(lang, totals.minutes),
          estimate: totals.estimateMinutes,
          estimateHours: hours(lang, totals.estimateMinutes),
        }),
      ].join('\n'),
    );
    return step.endDialog();
  }
}
