// "Mis casos": a worker's caseload with required against available time, or a
// supervisor's team cases with each case's worker. A long caseload comes in pages, overdue
// reviews first; «más» shows the next page, a list number or case id opens that case, and
// anything else is read as if no list were shown.
import type { TurnContext } from 'botbuilder';
import { Dialog, WaterfallDialog, type WaterfallStepContext } from '../src/bot/dialogKit.js';
import { say, session, text } from '../src/bot/session.js';
import { caseloadCounts, caseloadOrder, caseloadTime, pageOf } from '../src/domain/caseload.js';
import { localDate } from '../src/domain/dates.js';
import type { CaseHeader } from '../src/domain/caseHeader.js';
import { matchesWord, normalize } from '../src/i18n/catalog.js';
import { BaseDialog } from './baseDialog.js';
import { CASE_SUMMARY_DIALOG, CaseSummaryDialog } from './caseSummaryDialog.js';
import { caseIdIn, PASSED_ON } from './menu.js';
import { caseloadCard } from './cards/caseloadCard.js';
import { attachment } from './cards/elements.js';
import { ask, showsCards, vals } from './prompts.js';
import { caseLine, paragraphs } from './render.js';

export const CASELOAD_DIALOG = 'caseload';

interface CaseloadOptions {
  /** The page to show, 1-based. */
  page?: number;
}

/** What the dialog keeps of the page shown: the numbers are those of the list the person last saw. */
interface ListedPage {
  page: number;
  more: boolean;
  /** How many cases the whole list has. */
  count: number;
}

/** Waits again on the page shown, after a word about what was typed. */
const WAITING = `${CASELOAD_DIALOG}.waiting`;

export class CaseloadDialog extends BaseDialog {
  constructor() {
    super(CASELOAD_DIALOG, 'caseload.name', 'caseload.help', [(step) => this.show(step), (step) => this.next(step)]);
    this.addDialog(new CaseSummaryDialog());
    this.addDialog(
      new WaterfallDialog(WAITING, [
        async (step) => {
          Object.assign(vals(step), step.options as ListedPage);
          return Dialog.EndOfTurn;
        },
        (step) => this.next(step),
      ]),
    );
  }

  private async show(step: WaterfallStepContext) {
    const { actor, services, timeZone } = session(step.context);
    if (actor.kind !== 'staff') return step.endDialog();
    const cases = await services.cases.caseloadHeaders(actor);
    if (cases.length === 0) {
      await say(step.context, 'caseload.empty');
      return step.endDialog();
    }
    const today = localDate(services.now(), timeZone);
    const ordered = caseloadOrder(cases, today);
    const page = pageOf(ordered, (step.options as CaseloadOptions).page ?? 1);
    const isSupervisor = actor.staff.role === 'supervisor';
    const names = isSupervisor
      ? await services.people.staffNames(
          actor,
          page.items.map((c) => c.workerId),
        )
      : undefined;
    // List numbers run on across pages: «tarea 23» names the 23rd case of this listing.
    const orderedIds = ordered.map((c) => c.id);
    // What the reply shows of case data is the page's cases: those are audited, in one batch.
    await Promise.all([
      services.people.rememberCaseList(actor, orderedIds),
      services.cases.listed(
        actor,
        page.items.map((c) => c.id),
      ),
    ]);
    const lines = page.items.map((c, i) => caseLine(step.context, c, page.firstNumber + i, names && (names.get(c.workerId) ?? c.workerId)));
    const last = page.firstNumber + page.items.length - 1;
    const header =
      page.pages === 1
        ? text(step.context, 'caseload.header', { count: cases.length })
        : text(step.context, 'caseload.pageHeader', { first: page.firstNumber, last, count: cases.length });
    const listing = `${header}\n\n${lines.join('\n')}`;
    const more = page.page < page.pages;
    // The overview comes with the first page only: the next ones are the list going on.
    const overview = page.page === 1 ? this.overview(step.context, cases, today) : [];
    const footer = more ? undefined : text(step.context, 'caseload.footer', { example: ordered[0]!.id });
    // The dialog waits after every page, the last included, so a list number opens its case.
    Object.assign(vals(step), { page: page.page, more, count: cases.length } satisfies ListedPage);
    if (showsCards(step.context)) {
      // Where cards are shown, the page is a card with a button per case and «más» as a button.
      const asCard = (moreToken?: string) =>
        caseloadCard(
          step.context,
          {
            title: text(step.context, isSupervisor ? 'caseload.listTitleTeam' : 'caseload.listTitle'),
            intro: [...overview, header],
            cases: page.items,
            today,
            ...(names && { workerNames: names }),
            ...(moreToken && { moreToken }),
          },
          paragraphs([...overview, listing, footer]),
        );
      if (more) return ask(step, text(step.context, 'caseload.more'), { kind: 'text' }, { card: asCard });
      await step.context.sendActivity({ type: 'message', attachments: [attachment(asCard())] });
      return Dialog.EndOfTurn;
    }
    await step.context.sendActivity(paragraphs([...overview, listing, footer]));
    return more ? ask(step, text(step.context, 'caseload.more')) : Dialog.EndOfTurn;
  }

  private overview(context: TurnContext, cases: readonly CaseHeader[], today: string): string[] {
    const { actor, services } = session(context);
    if (actor.kind !== 'staff') return [];
    const counts = caseloadCounts(cases, today);
    const isSupervisor = actor.staff.role === 'supervisor';
    const parts = [text(context, isSupervisor ? 'caseload.overviewTeam' : 'caseload.overview', { ...counts, count: counts.total })];
    if (!isSupervisor) {
      const time = caseloadTime(cases, actor.staff, services.config);
      const hours = (minutes: number) => Math.round((minutes / 60) * 10) / 10;
      parts.push(
        text(context, time.over ? 'caseload.timeOver' : 'caseload.timeOk', {
          required: hours(time.requiredMinutes),
          available: hours(time.availableMinutes),
        }),
      );
    }
    return parts;
  }

  /**
   * After a page: the next page, or a case of the list by its number or id. Anything else is
   * passed on, to be read as a message typed with no list shown.
   */
  private async next(step: WaterfallStepContext) {
    const typed = String(step.result ?? step.context.activity.text ?? '');
    const listed = vals(step) as ListedPage;
    if (matchesWord(typed, 'caseload.moreWords')) {
      if (listed.more) return step.replaceDialog(`${CASELOAD_DIALOG}.steps`, { page: listed.page + 1 } satisfies CaseloadOptions);
      await say(step.context, 'caseload.noMore');
      return step.replaceDialog(WAITING, listed);
    }
    const { actor, services } = session(step.context);
    const plain = normalize(typed);
    if (/^\d+$/.test(plain)) {
      const listedId = await services.people.caseInLastList(actor, Number(plain));
      if (listedId) return step.replaceDialog(CASE_SUMMARY_DIALOG, { caseId: listedId });
      await say(step.context, 'caseload.noSuchNumber', { number: plain, count: listed.count });
      return step.replaceDialog(WAITING, listed);
    }
    const named = caseIdIn(typed);
    if (named && normalize(named) === plain) return step.replaceDialog(CASE_SUMMARY_DIALOG, { caseId: named });
    return step.endDialog(PASSED_ON);
  }
}
