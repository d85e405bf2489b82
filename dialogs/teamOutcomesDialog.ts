// Team outcomes (SPEC §3, service effectiveness): the supervisor's figures for their team
// over a period typed after the command (the last 3 months when none is), as a readable
// summary and as a CSV attachment when it fits in one message.
import type { Activity, Attachment, TurnContext } from 'botbuilder';
import type { WaterfallStepContext } from '../src/bot/dialogKit.js';
import { say, session, text } from '../src/bot/session.js';
import type { OutcomesReport } from '../src/app/outcomesService.js';
import { formatDate } from '../src/domain/dates.js';
import { numberFormat } from '../src/domain/formatters.js';
import { parseOutcomesPeriod } from '../src/domain/outcomesPeriod.js';
import { domainLabel } from '../src/domain/smart.js';
import type { Language } from '../src/domain/schemas.js';
import { pngDataUri } from '../src/app/chartImage.js';
import { chartedDomains, domainChangeChartPng } from '../src/app/outcomesChart.js';
import { BaseDialog } from './baseDialog.js';
import { attachment, card, container, facts, heading, image, textBlock } from './cards/elements.js';
import { showsCards } from './prompts.js';
import type { CommandOptions } from './intents.js';
import { list, paragraphs } from './render.js';

export const TEAM_OUTCOMES_DIALOG = 'teamOutcomes';

/** Teams refuses messages above about 28 KB, card or attachment included. */
export const MESSAGE_LIMIT_BYTES = 28 * 1024;
/** Services listed in the summary; the rest are counted, and are in the CSV. */
export const SUMMARY_SERVICES = 12;

const locale = (lang: Language) => (lang === 'es' ? 'es-ES' : 'en-GB');

/** The summary of the figures, as Markdown paragraphs and lists. */
export function outcomesSummary(context: TurnContext, report: OutcomesReport): string {
  const { lang } = session(context);
  const { outcomes } = report;
  const decimals = numberFormat(locale(lang), { minimumFractionDigits: 1, maximumFractionDigits: 2, signDisplay: 'exceptZero' });
  const average = numberFormat(locale(lang), { minimumFractionDigits: 1, maximumFractionDigits: 2 });
  const percent = numberFormat(locale(lang), { style: 'percent', maximumFractionDigits: 0 });
  const domains = outcomes.domains.filter((d) => d.cases > 0);
  const domainsPart =
    domains.length === 0
      ? text(context, 'outcomes.domainsNone')
      : `${text(context, 'outcomes.domainsHeader')}\n\n${list(
          domains.map((d) =>
            text(context, 'outcomes.domainLine', {
              domain: domainLabel(d.domain, lang),
              cases: d.cases,
              average: decimals.format(d.averageChange ?? 0),
              improved: d.improved,
              same: d.same,
              worse: d.worse,
            }),
          ),
        )}`;
  const { goals, tasks, reviews, referrals } = outcomes;
  const goalsPart =
    goals.ended === 0
      ? text(context, 'outcomes.goalsNone')
      : text(context, 'outcomes.goals', {
          ended: goals.ended,
          achieved: goals.byOutcome.achieved,
          share: percent.format(goals.achievedShare ?? 0),
          partial: goals.byOutcome.partial,
          notAchieved: goals.byOutcome.notAchieved,
        });
  const tasksPart =
    tasks.average === null
      ? text(context, 'outcomes.tasksNone')
      : text(context, 'outcomes.tasks', { average: average.format(tasks.average), ratings: tasks.ratings, noOpportunity: tasks.noOpportunity });
  const shown = referrals
    .slice(0, SUMMARY_SERVICES)
    .map((r) => text(context, 'outcomes.referralLine', { service: r.serviceName, completed: r.completed, declined: r.declined, otherEnds: r.otherEnds }));
  if (referrals.length > SUMMARY_SERVICES) shown.push(text(context, 'outcomes.referralsMore', { count: referrals.length - SUMMARY_SERVICES }));
  const referralsPart = referrals.length === 0 ? text(context, 'outcomes.referralsNone') : `${text(context, 'outcomes.referralsHeader')}\n\n${list(shown)}`;
  return paragraphs([
    text(context, 'outcomes.header', {
      team: outcomes.team,
      from: formatDate(outcomes.period.from, lang),
      to: formatDate(outcomes.period.to, lang),
      cases: outcomes.activeCases,
    }),
    domainsPart,
    goalsPart,
    tasksPart,
    referralsPart,
    text(context, 'outcomes.reviews', { ...reviews }),
  ]);
}

/** The CSV as a downloadable attachment, its bytes inlined as a data URL. */
export function csvAttachment(report: Pick<OutcomesReport, 'csv' | 'fileName'>): Attachment {
  return {
    contentType: 'text/csv',
    contentUrl: `data:text/csv;base64,${Buffer.from(report.csv, 'utf8').toString('base64')}`,
    name: report.fileName,
  };
}

const sizeOf = (activity: Partial<Activity>) => Buffer.byteLength(JSON.stringify(activity), 'utf8');

/** The reply: the summary with the CSV attached when the whole message fits in `limit` bytes, else the summary saying why it comes alone. */
export function outcomesMessage(context: TurnContext, report: OutcomesReport, limit: number = MESSAGE_LIMIT_BYTES): Partial<Activity> {
  const summary = outcomesSummary(context, report);
  const withCsv: Partial<Activity> = {
    type: 'message',
    text: paragraphs([summary, text(context, 'outcomes.csvAttached', { fileName: report.fileName })]),
    attachments: [csvAttachment(report)],
  };
  if (sizeOf(withCsv) <= limit) return withCsv;
  const size = Math.ceil(Buffer.byteLength(report.csv, 'utf8') / 1024);
  return { type: 'message', text: paragraphs([summary, text(context, 'outcomes.csvTooLarge', { size })]) };
}

/** The figures as a card: the chart of the change per area, the figures as facts, the CSV when it fits. */
export async function outcomesCardMessage(context: TurnContext, report: OutcomesReport, limit: number = MESSAGE_LIMIT_BYTES): Promise<Partial<Activity>> {
  const { lang } = session(context);
  const { outcomes } = report;
  const signed = numberFormat(locale(lang), { minimumFractionDigits: 1, maximumFractionDigits: 2, signDisplay: 'exceptZero' });
  const average = numberFormat(locale(lang), { minimumFractionDigits: 1, maximumFractionDigits: 2 });
  const percent = numberFormat(locale(lang), { style: 'percent', maximumFractionDigits: 0 });
  const charted = chartedDomains(outcomes.domains);
  const png = await domainChangeChartPng(outcomes.domains, lang, (n) => signed.format(n));
  const alt = text(context, 'outcomes.cardChartAlt', {
    parts: charted
      .map((d) => text(context, 'outcomes.cardChartAltPart', { domain: domainLabel(d.domain, lang), average: signed.format(d.averageChange ?? 0) }))
      .join(', '),
  });
  const { goals, tasks, reviews, referrals } = outcomes;
  const none = text(context, 'outcomes.cardNone');
  const figures = facts([
    [
      text(context, 'outcomes.cardGoals'),
      goals.ended === 0
        ? none
        : text(context, 'outcomes.cardGoalsFact', {
            ended: goals.ended,
            achieved: goals.byOutcome.achieved,
            share: percent.format(goals.achievedShare ?? 0),
            partial: goals.byOutcome.partial,
            notAchieved: goals.byOutcome.notAchieved,
          }),
    ],
    [
      text(context, 'outcomes.cardTasks'),
      tasks.average === null ? none : text(context, 'outcomes.cardTasksFact', { average: average.format(tasks.average), ratings: tasks.ratings }),
    ],
    [text(context, 'outcomes.cardReviews'), text(context, 'outcomes.cardReviewsFact', { ...reviews })],
  ]);
  const domainFacts = facts(
    charted.map((d) => [
      domainLabel(d.domain, lang),
      text(context, 'outcomes.cardDomainFact', {
        average: signed.format(d.averageChange ?? 0),
        improved: d.improved,
        same: d.same,
        worse: d.worse,
        cases: d.cases,
      }),
    ]),
  );
  const services = referrals.slice(0, SUMMARY_SERVICES).map((r): [string, string] => [r.serviceName, text(context, 'outcomes.cardReferralFact', { ...r })]);
  const header = text(context, 'outcomes.header', {
    team: outcomes.team,
    from: formatDate(outcomes.period.from, lang),
    to: formatDate(outcomes.period.to, lang),
    cases: outcomes.activeCases,
  });
  const build = (withImage: boolean, note: string) =>
    card(
      [
        heading(header),
        ...(charted.length === 0
          ? [textBlock(text(context, 'outcomes.domainsNone'))]
          : [
              textBlock(text(context, 'outcomes.cardChartTitle'), { weight: 'Bolder' }),
              ...(withImage && png ? [image(pngDataUri(png), alt)] : []),
              domainFacts,
            ]),
        container([figures], { separator: true }),
        ...(referrals.length === 0
          ? [textBlock(text(context, 'outcomes.referralsNone'))]
          : [
              container(
                [
                  textBlock(text(context, 'outcomes.cardReferrals'), { weight: 'Bolder' }),
                  facts(services),
                  ...(referrals.length > SUMMARY_SERVICES
                    ? [textBlock(text(context, 'outcomes.referralsMore', { count: referrals.length - SUMMARY_SERVICES }))]
                    : []),
                ],
                { separator: true },
              ),
            ]),
        textBlock(note, { isSubtle: true }),
      ],
      [],
      header,
    );
  const attached = text(context, 'outcomes.csvAttached', { fileName: report.fileName });
  const tooLarge = text(context, 'outcomes.csvTooLarge', { size: Math.ceil(Buffer.byteLength(report.csv, 'utf8') / 1024) });
  // Largest first: the chart and the CSV; then the chart alone; then the facts alone.
  const tries: Partial<Activity>[] = [
    { type: 'message', attachments: [attachment(build(true, attached)), csvAttachment(report)] },
    { type: 'message', attachments: [attachment(build(true, tooLarge))] },
    { type: 'message', attachments: [attachment(build(false, attached)), csvAttachment(report)] },
  ];
  return tries.find((message) => sizeOf(message) <= limit) ?? { type: 'message', attachments: [attachment(build(false, tooLarge))] };
}

export class TeamOutcomesDialog extends BaseDialog {
  constructor() {
    super(TEAM_OUTCOMES_DIALOG, 'outcomes.name', 'outcomes.help', [(step) => this.show(step)]);
  }

  private async show(step: WaterfallStepContext) {
    const { actor, lang, services, timeZone } = session(step.context);
    const typed = (step.options as CommandOptions | undefined)?.request?.rest ?? '';
    // Off the menu for anyone else; checked again here, and the refusal recorded by the service.
    if (actor.kind !== 'staff' || !(await services.outcomes.allowed(actor))) {
      await say(step.context, 'outcomes.notAllowed');
      return step.endDialog();
    }
    const reading = parseOutcomesPeriod(typed, lang, timeZone, services.now());
    if (!reading.ok) {
      const key = {
        notAPeriod: 'outcomes.periodError',
        reversed: 'outcomes.periodReversed',
        future: 'outcomes.periodFuture',
        tooLong: 'outcomes.periodTooLong',
      } as const;
      await say(step.context, key[reading.reason], { typed: typed.trim() });
      return step.endDialog();
    }
    const report = await services.outcomes.forTeam(actor, reading.period, timeZone);
    await step.context.sendActivity(showsCards(step.context) ? await outcomesCardMessage(step.context, report) : outcomesMessage(step.context, report));
    return step.endDialog();
  }
}
