// Team outcomes as CSV (RFC 4180): every field quoted, quotes doubled, CRLF line ends, UTF-8
// with a byte-order mark so that spreadsheet programs read accents right.
//
// Layout: one row per figure, columns
//   team, period_start, period_end, metric, subject, value, count
// - metric: a stable English identifier (below); subject: the life domain id, the service
//   name, the goal outcome or the review timing, empty when the figure is about the whole team;
// - value: the figure itself (a mean with two decimals, a share 0–1 with two decimals, or a
//   number of items), empty when there is nothing to average;
// - count: how many items the value is taken over (cases, ratings, goals), empty when the
//   value is itself a count.
// Metrics: active_cases; domain_change_avg (count = cases with both assessments),
// domain_improved / domain_same / domain_worse; goals_ended (subject = outcome);
// goals_achieved_share (count = goals ended); task_rating_avg (count = ratings),
// task_no_opportunity; referrals_completed / referrals_declined / referrals_other_ends
// (subject = service name); reviews (subject = on_time / late / no_due_date).
import type { TeamOutcomes } from './teamOutcomes.js';

export const CSV_HEADER = ['team', 'period_start', 'period_end', 'metric', 'subject', 'value', 'count'] as const;
const BOM = '\uFEFF';

type Row = [metric: string, subject: string, value: string, count: string];

const decimal = (value: number | null) => (value === null ? '' : value.toFixed(2));
const whole = (value: number) => String(value);

export function quoteField(field: string): string {
  return `"${field.replaceAll('"', '""')}"`;
}

/** The rows of the CSV, header first, unquoted. */
export function outcomesRows(outcomes: TeamOutcomes): string[][] {
  const rows: Row[] = [['active_cases', '', whole(outcomes.activeCases), '']];
  for (const d of outcomes.domains) {
    if (d.cases === 0) continue;
    rows.push(
      ['domain_change_avg', d.domain, decimal(d.averageChange), whole(d.cases)],
      ['domain_improved', d.domain, whole(d.improved), whole(d.cases)],
      ['domain_same', d.domain, whole(d.same), whole(d.cases)],
      ['domain_worse', d.domain, whole(d.worse), whole(d.cases)],
    );
  }
  const { goals, tasks, reviews } = outcomes;
  rows.push(
    ['goals_ended', 'achieved', whole(goals.byOutcome.achieved), whole(goals.ended)],
    ['goals_ended', 'partial', whole(goals.byOutcome.partial), whole(goals.ended)],
    ['goals_ended', 'not_achieved', whole(goals.byOutcome.notAchieved), whole(goals.ended)],
    ['goals_achieved_share', '', decimal(goals.achievedShare), whole(goals.ended)],
    ['task_rating_avg', '', decimal(tasks.average), whole(tasks.ratings)],
    ['task_no_opportunity', '', whole(tasks.noOpportunity), ''],
  );
  for (const r of outcomes.referrals) {
    rows.push(
      ['referrals_completed', r.serviceName, whole(r.completed), ''],
      ['referrals_declined', r.serviceName, whole(r.declined), ''],
      ['referrals_other_ends', r.serviceName, whole(r.otherEnds), ''],
    );
  }
  rows.push(
    ['reviews', 'on_time', whole(reviews.onTime), ''],
    ['reviews', 'late', whole(reviews.late), ''],
    ['reviews', 'no_due_date', whole(reviews.noDueDate), ''],
  );
  const { team, period } = outcomes;
  return [[...CSV_HEADER], ...rows.map((row) => [team, period.from, period.to, ...row])];
}

/** The whole file, byte-order mark included. */
export function outcomesCsv(outcomes: TeamOutcomes): string {
  return (
    BOM +
    outcomesRows(outcomes)
      .map((row) => `${row.map(quoteField).join(',')}\r\n`)
      .join('')
  );
}

/** The file name offered for download: `resultados-<team>-<from>-<to>.csv`, the team reduced to safe characters. */
export function outcomesFileName(outcomes: Pick<TeamOutcomes, 'team' | 'period'>): string {
  const team =
    outcomes.team
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'equipo';
  return `resultados-${team}-${outcomes.period.from}-${outcomes.period.to}.csv`;
}
