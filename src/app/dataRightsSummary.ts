// The plain-language summary of a case's export, in the client's language: what is kept
// about them, and who saw or changed it, in short sentences a person can read.
import { formatDate } from '../domain/dates.js';
import { domainLabel } from '../domain/smart.js';
import type { AuditEntry, Language, LifeDomain } from '../domain/schemas.js';
import { t, type MessageKey } from '../i18n/catalog.js';
import type { CaseExportDocument } from './dataRights.js';

const day = (instant: string, lang: Language) => formatDate(instant.slice(0, 10), lang);

/** An audit action that only reads (the rest change something). */
function isRead(entry: AuditEntry): boolean {
  return /(^|\.)(read|list|export)(\.|$)/.test(entry.action);
}

export function exportSummary(document: CaseExportDocument): string {
  const lang = document.language;
  const say = (key: string, params?: Record<string, string | number>) => t(lang, `client.${key}` as MessageKey, params);
  const record = document.case;
  const names = new Map(document.staff.map((s) => [s.id, s.name]));
  const services = new Map(document.services.map((s) => [s.id, s.name]));
  const section = (title: string, lines: string[]) => [`## ${title}`, '', ...(lines.length > 0 ? lines.map((line) => `- ${line}`) : [say('exportNone')]), ''];

  const about = [
    say('exportName', { name: record.client.name }),
    ...(record.client.contact ? [say('exportContact', { contact: record.client.contact })] : []),
    say('exportLanguage', { language: say(`exportLanguage_${record.client.language}`) }),
    say('exportCaseOpened', { date: formatDate(record.intakeDate, lang), worker: names.get(record.workerId) ?? say('exportAccessUnknown') }),
    say('exportConsent', { date: day(record.consent.recordedAt, lang) }),
    say(record.consent.messaging && !record.consent.messagingWithdrawnAt ? 'exportMessagesYes' : 'exportMessagesNo'),
    ...document.clientChats.map((chat) => say('exportChat', { date: day(chat.link.linkedAt, lang) })),
    ...(record.blocked ? [say('exportBlocked', { date: day(record.blocked.at, lang) })] : []),
  ];
  const assessments = record.assessments.map((a) =>
    say('exportAssessmentLine', {
      date: day(a.completedAt ?? a.startedAt, lang),
      levels: (Object.entries(a.ratings) as [LifeDomain, number | null][])
        .map(([domain, level]) => `${domainLabel(domain, lang)} ${level ?? say('exportNotRated')}`)
        .join(', '),
    }),
  );
  const goals = record.goals.map((g) =>
    say('exportGoalLine', { text: g.text, deadline: formatDate(g.deadline, lang), status: say(`exportGoalStatus_${g.status}`) }),
  );
  const tasks = record.tasks.map((task) => {
    const ratings = task.progress.map((p) =>
      p.rating === 'noOpportunity'
        ? say('exportTaskNoChance', { date: day(p.at, lang) })
        : say('exportTaskRating', { rating: p.rating, date: day(p.at, lang) }),
    );
    return say('exportTaskLine', {
      text: task.description,
      due: formatDate(task.dueDate, lang),
      status: say(`exportTaskStatus_${task.status}`),
      ratings: ratings.length > 0 ? say('exportTaskRatings', { ratings: ratings.join('; ') }) : '',
    });
  });
  const referrals = record.referrals.map((r) =>
    say('exportReferralLine', { service: services.get(r.serviceId) ?? r.category, status: t(lang, `services.status_${r.status}` as MessageKey) }),
  );
  const contacts = record.contacts.map((c) =>
    say('exportContactLine', {
      date: formatDate(c.date, lang),
      type: say(`exportContactType_${c.type}`),
      minutes: c.minutes,
      withWhom: c.withWhom,
      note: c.note,
    }).trim(),
  );
  const advocacy = record.advocacy.map((a) =>
    say('exportAdvocacyLine', {
      date: formatDate(a.date, lang),
      action: a.action,
      barrier: a.barrier,
      outcome: a.outcome ? say('exportAdvocacyOutcome', { outcome: a.outcome }) : '',
    }),
  );
  const reviews = record.reviews.map((r) => say('exportReviewLine', { date: day(r.at, lang), note: r.note }));
  const closure = record.closure
    ? [
        say('exportClosureLine', {
          date: day(record.closure.at, lang),
          reason: t(lang, `closure.reason_${record.closure.reason}` as MessageKey),
          summary: record.closure.summary,
        }),
      ]
    : [];
  const corrections = (record.corrections ?? []).map((c) => say('exportCorrectionLine', { date: day(c.at, lang), previous: String(c.previous ?? '—') }));

  const byPerson = new Map<string, { reads: number; changes: number; last: string }>();
  let denied = 0;
  for (const entry of document.audit) {
    if (entry.outcome === 'denied') {
      denied++;
      continue;
    }
    const person = byPerson.get(entry.actor) ?? { reads: 0, changes: 0, last: entry.at };
    if (isRead(entry)) person.reads++;
    else person.changes++;
    if (entry.at > person.last) person.last = entry.at;
    byPerson.set(entry.actor, person);
  }
  const access = [...byPerson].map(([actor, { reads, changes, last }]) =>
    say('exportAccessLine', {
      who: names.get(actor) ?? say(actor.startsWith('system:') ? 'exportAccessSystem' : 'exportAccessUnknown'),
      reads,
      changes,
      date: day(last, lang),
    }),
  );
  if (denied > 0) access.push(say('exportAccessDenied', { count: denied }));

  return [
    `# ${say('exportTitle')}`,
    '',
    say('exportIntro', { date: day(document.exportedAt, lang) }),
    '',
    ...section(say('exportAboutYou'), about),
    ...section(say('exportAssessments'), assessments),
    ...section(say('exportGoals'), goals),
    ...section(say('exportTasks'), tasks),
    ...section(say('exportReferrals'), referrals),
    ...section(say('exportContacts'), contacts),
    ...section(say('exportAdvocacy'), advocacy),
    ...section(say('exportReviews'), reviews),
    ...section(say('exportClosure'), closure),
    ...section(say('exportCorrections'), corrections),
    ...section(say('exportAccess'), access),
  ].join('\n');
}
