// The case view as a card: the case's facts, goals and open tasks with their ratings, alerts,
// the progress chart (with its text alternative written out below it), and the forms of
// caseForms.ts, each opening in place and saving its step with one press.
import type { TurnContext } from 'botbuilder';
import { caseProgressImage, pngDataUri } from '../../src/app/chartImage.js';
import { session, text } from '../../src/bot/session.js';
import { reviewOverdue } from '../../src/domain/caseload.js';
import { localDate } from '../../src/domain/dates.js';
import { isActive } from '../../src/domain/referrals.js';
import type { Case } from '../../src/domain/schemas.js';
import { t } from '../../src/i18n/catalog.js';
import { caseDetailLines, caseDetails } from '../caseDetails.js';
import { kindChoices, labelOf, languageChoices, modelChoices, priorityChoices } from '../choices.js';
import { caseSummary, dateText, intensityText, list, paragraphs, reviewText, statusText } from '../render.js';
import { CASE_FORMS } from './caseForms.js';
import { type AdaptiveCard, type CardElement, card, container, facts, heading, image, showCard, submit, textBlock } from './elements.js';
import { CONFIRM_FIELD, newFormId } from './submit.js';

/** Teams refuses a message over about 28 KB: the card keeps a margin for the activity around it. */
const CARD_BYTES = 26 * 1024;

const bold = (words: string): CardElement => textBlock(words, { weight: 'Bolder' });

export async function caseCard(context: TurnContext, record: Case): Promise<AdaptiveCard> {
  const { lang, timeZone, services, actor } = session(context);
  const yes = t(lang, 'common.yes');
  const header = facts([
    [text(context, 'caseload.factPerson'), `${record.client.name} (${labelOf(kindChoices(lang), record.client.kind)})`],
    [text(context, 'caseload.factContact'), record.client.contact || text(context, 'intake.none')],
    [text(context, 'caseload.factLanguage'), `${labelOf(languageChoices(lang), record.client.language)} · ${record.client.timeZone}`],
    [text(context, 'caseload.factSource'), record.referralSource],
    [text(context, 'caseload.factIntakeDate'), dateText(context, record.intakeDate)],
    [text(context, 'caseload.factModel'), `${labelOf(modelChoices(lang), record.model)} · ${labelOf(priorityChoices(lang), record.priority)}`],
    [text(context, 'caseload.factIntensity'), intensityText(context, record)],
    [
      text(context, 'caseload.factReview'),
      reviewText(context, record) + (reviewOverdue(record, localDate(services.now(), timeZone)) ? text(context, 'caseload.overdue') : ''),
    ],
    [
      text(context, 'caseload.factContactEvery'),
      record.contactEveryDays ? text(context, 'caseload.days', { days: record.contactEveryDays }) : text(context, 'caseload.noDate'),
    ],
    [
      text(context, 'caseload.factConsent'),
      text(context, 'caseload.factConsentValue', {
        date: dateText(context, record.consent.recordedAt.slice(0, 10)),
        messaging: text(context, record.consent.messaging && !record.consent.messagingWithdrawnAt ? 'common.yes' : 'common.no'),
      }),
    ],
    [
      text(context, 'caseload.factRecords'),
      text(context, 'caseload.factRecordsValue', {
        assessments: record.assessments.length,
        referrals: record.referrals.filter(isActive).length,
        contacts: record.contacts.length,
      }),
    ],
  ]);
  const details = caseDetailLines(context, record);
  const sections: CardElement[] = [];
  if (details.goals.length > 0) sections.push(container([bold(text(context, 'caseload.goalsHeader')), textBlock(list(details.goals))], { separator: true }));
  if (details.tasks.length > 0) {
    const tasks = details.tasks.flatMap((task) => [textBlock(list([task.line])), textBlock(list(task.below, 1), { isSubtle: true, spacing: 'None' })]);
    sections.push(container([bold(text(context, 'caseload.tasksHeader')), ...tasks], { separator: true }));
  }
  if (details.alerts.length > 0) {
    sections.push(container([bold(text(context, 'alerts.caseViewHeader')), textBlock(list(details.alerts), { color: 'Attention' })], { separator: true }));
  }
  if (details.pause) sections.push(textBlock(details.pause, { color: 'Warning' }));
  const chart = await caseProgressImage(record, lang);
  // The alt text is also written out: some readers of the card never get the image.
  const chartSection = (withImage: boolean) =>
    chart
      ? [
          container(
            [
              bold(text(context, 'caseload.chartTitle')),
              ...(withImage ? [image(pngDataUri(chart.png), chart.alt)] : []),
              textBlock(chart.alt, { isSubtle: true, size: 'Small' }),
            ],
            { separator: true },
          ),
        ]
      : [];
  const now = services.now();
  // The referral form lists the services themselves, so one press refers.
  const directory = (await services.directory.list(actor)).filter((service) => service.active);
  const forms = CASE_FORMS.filter((form) => form.applies(record)).map((form) =>
    showCard(form.title(lang), form.body(lang, record, timeZone, now, directory), [
      submit(t(lang, 'cards.save'), { command: form.command(record), once: newFormId(), also: { [CONFIRM_FIELD]: yes } }, 'positive'),
    ]),
  );
  const title = heading(text(context, 'caseload.cardTitle', { name: record.client.name, caseId: record.id, status: statusText(context, record) }));
  const full = card([title, header, ...sections, ...chartSection(true)], forms, paragraphs([caseSummary(context, record), ...caseDetails(context, record)]));
  if (bytesOf(full) <= CARD_BYTES) return full;
  // A case too long for one message keeps its words and forms; the image goes, its text alternative stays.
  return card(
    [title, header, ...sections, ...chartSection(false)],
    forms,
    text(context, 'caseload.cardTitle', { name: record.client.name, caseId: record.id, status: statusText(context, record) }),
  );
}

function bytesOf(content: AdaptiveCard): number {
  return Buffer.byteLength(JSON.stringify(content), 'utf8');
}
