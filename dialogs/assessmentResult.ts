// What a finished assessment recommends, shown to the worker before they decide: intensity,
// contact frequency, review date, needs, supervisor alerts and, for a reassessment, the
// change per domain against the previous assessment.
import type { TurnContext } from 'botbuilder';
import { session, text } from '../src/bot/session.js';
import { compareAssessments, escalationReasons, needs } from '../src/domain/assessment.js';
import { localDate } from '../src/domain/dates.js';
import { LIFE_DOMAINS, type Assessment, type DomainLevel, type Intensity, type LifeDomain } from '../src/domain/schemas.js';
import { domainLabel } from '../src/domain/smart.js';
import type { MessageKey } from '../src/i18n/catalog.js';
import { type AdaptiveCard, actionSet, card, container, facts, heading, submit, textBlock } from './cards/elements.js';
import { catalogChoices } from './choices.js';
import { dateText } from './render.js';

export function intensityLabel(context: TurnContext, intensity: Intensity): string {
  return text(context, `assessment.intensity_${intensity}` as MessageKey);
}

export function intensityChoices(context: TurnContext) {
  return catalogChoices(session(context).lang, [
    ['intensive', 'assessment.intensity_intensive', 'assessment.intensityWords_intensive'],
    ['moderate', 'assessment.intensity_moderate', 'assessment.intensityWords_moderate'],
    ['basic', 'assessment.intensity_basic', 'assessment.intensityWords_basic'],
  ]);
}

/** The day an assessment was made, in the worker's time zone. */
export function assessmentDate(context: TurnContext, assessment: Assessment): string {
  const at = assessment.completedAt ?? assessment.startedAt;
  return dateText(context, localDate(new Date(at), session(context).timeZone));
}

/** The reasons this assessment alerts the supervisor, in words; '' when there are none. */
export function alertReasonsText(context: TurnContext, assessment: Assessment): string {
  const { lang } = session(context);
  const inCrisis = needs(assessment)
    .filter((need) => need.level === 1)
    .map((need) => domainLabel(need.domain, lang))
    .join(', ');
  return escalationReasons(assessment)
    .map((reason) => text(context, `assessment.alert_${reason}` as MessageKey, { domains: inCrisis }))
    .join('; ');
}

export function levelText(context: TurnContext, level: DomainLevel | undefined): string {
  if (level === undefined) return text(context, 'assessment.levelNotAsked');
  return level === null ? text(context, 'assessment.levelNotApplicable') : String(level);
}

/** The change per domain since `previous`; `only` narrows it to the domains asked again. */
export function changesText(context: TurnContext, previous: Assessment, completed: Assessment, only?: readonly LifeDomain[]): string {
  const { lang } = session(context);
  const rows = compareAssessments(previous, completed).filter((row) => !only || only.includes(row.domain));
  const lines = rows.map((row) =>
    text(context, 'assessment.changeLine', {
      domain: domainLabel(row.domain, lang),
      before: levelText(context, row.before),
      after: levelText(context, row.after),
      change: text(context, `assessment.change_${row.change}` as MessageKey),
    }),
  );
  return [text(context, 'assessment.changesTitle', { date: assessmentDate(context, previous) }), ...lines].join('\n');
}

/** The recommendation of a completed assessment, with the changes since `previous` if any. */
export function resultText(context: TurnContext, caseId: string, completed: Assessment, previous: Assessment | undefined): string {
  const { lang } = session(context);
  const needList = needs(completed).map((need) => text(context, 'assessment.needItem', { domain: domainLabel(need.domain, lang), level: need.level }));
  const parts = [
    text(context, 'assessment.result', {
      caseId,
      intensity: intensityLabel(context, completed.intensity!),
      days: completed.contactEveryDays!,
      review: dateText(context, completed.nextReviewDate),
      needs: needList.join(', ') || text(context, 'assessment.noNeeds'),
    }),
  ];
  const reasons = alertReasonsText(context, completed);
  if (reasons) parts.push(text(context, 'assessment.alertsLine', { reasons }));
  if (previous) parts.push('', changesText(context, previous, completed));
  return parts.join('\n');
}

/** The recommendation as a card: its facts, every domain's level, the changes since `previous`, and `question` with «Sí» and «No». */
export function resultCard(
  context: TurnContext,
  token: string,
  caseId: string,
  completed: Assessment,
  previous: Assessment | undefined,
  question: string,
): AdaptiveCard {
  const { lang } = session(context);
  const needList = needs(completed).map((need) => text(context, 'assessment.needItem', { domain: domainLabel(need.domain, lang), level: need.level }));
  const reasons = alertReasonsText(context, completed);
  const rows: [string, string][] = [
    [text(context, 'assessment.factIntensity'), intensityLabel(context, completed.intensity!)],
    [text(context, 'assessment.factContact'), text(context, 'assessment.factContactEvery', { days: completed.contactEveryDays! })],
    [text(context, 'assessment.factReview'), dateText(context, completed.nextReviewDate)],
    [text(context, 'assessment.factNeeds'), needList.join(', ') || text(context, 'assessment.noNeeds')],
    ...(reasons ? [[text(context, 'assessment.factAlerts'), reasons] as [string, string]] : []),
  ];
  const levels = LIFE_DOMAINS.filter((domain) => completed.ratings[domain] !== undefined).map((domain): [string, string] => [
    domainLabel(domain, lang),
    text(context, `assessment.levelLabel_${completed.ratings[domain] ?? 'na'}` as MessageKey),
  ]);
  const changes = previous
    ? [
        container(
          [
            textBlock(text(context, 'assessment.changesTitle', { date: assessmentDate(context, previous) }), { weight: 'Bolder' }),
            facts(
              compareAssessments(previous, completed).map((row): [string, string] => [
                domainLabel(row.domain, lang),
                text(context, 'assessment.changeValue', {
                  before: levelText(context, row.before),
                  after: levelText(context, row.after),
                  change: text(context, `assessment.change_${row.change}` as MessageKey),
                }),
              ]),
            ),
          ],
          { separator: true },
        ),
      ]
    : [];
  return card(
    [
      heading(text(context, 'assessment.resultCardTitle', { caseId })),
      textBlock(text(context, 'assessment.resultCardNote'), { isSubtle: true }),
      facts(rows),
      container([textBlock(text(context, 'assessment.levelsTitle'), { weight: 'Bolder' }), facts(levels)], { separator: true }),
      ...changes,
      textBlock(question, { weight: 'Bolder' }),
      actionSet([
        submit(text(context, 'common.yes'), { token, answer: text(context, 'common.yes') }, 'positive'),
        submit(text(context, 'common.no'), { token, answer: text(context, 'common.no') }),
      ]),
    ],
    [],
    resultText(context, caseId, completed, previous),
  );
}
