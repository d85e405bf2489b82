// What `npm run data` does on an open store: export a case, list what retention makes due,
// block and erase a case. Input comes as typed on the command line; anything wrong is a
// DataInputError whose one-line message the CLI prints, with nothing changed.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { CaseService } from '../app/caseService.js';
import { DataRightsService, OPERATOR_ID, type CaseExport, type ErasureReport, type FollowUpRecords, type RetentionRow } from '../app/dataRights.js';
import { OutboxRecordSchema, type OutboxRecord } from '../domain/followups/outbox.js';
import type { Repositories } from '../domain/ports.js';
import { CONTACT_FIELDS, GOAL_FIELDS, type RectifiableFact } from '../domain/rectification.js';
import { DEFAULT_RETENTION, readYears, type RetentionSettings } from '../domain/retention.js';
import { LIFE_DOMAINS, type Case, type Staff } from '../domain/schemas.js';
import { FileCollection } from '../store/fileCollection.js';
import { jobRecords } from '../store/fileJobStore.js';

export class DataInputError extends Error {}

export function dataRights(repos: Repositories, now: () => Date = () => new Date()): DataRightsService {
  return new DataRightsService(repos, new CaseService(repos, now), now);
}

/** Retention periods from the options, then RETENTION_YEARS and BLOCKED_YEARS, then the defaults. */
export function retentionSettings(options: { years?: string; 'blocked-years'?: string }, env: NodeJS.ProcessEnv = process.env): RetentionSettings {
  const pick = (typed: string | undefined, name: string, fallback: number) => {
    if (typed === undefined) return fallback;
    const years = readYears(typed);
    if (years === undefined) throw new DataInputError(`${name} must be a number of years from 0 to 100, not "${typed}"`);
    return years;
  };
  return {
    retentionYears: pick(options.years ?? env.RETENTION_YEARS, options.years !== undefined ? '--years' : 'RETENTION_YEARS', DEFAULT_RETENTION.retentionYears),
    blockedYears: pick(
      options['blocked-years'] ?? env.BLOCKED_YEARS,
      options['blocked-years'] !== undefined ? '--blocked-years' : 'BLOCKED_YEARS',
      DEFAULT_RETENTION.blockedYears,
    ),
  };
}

export function caseIdOption(value: string | undefined): string {
  const id = value?.trim().toUpperCase();
  if (!id) throw new DataInputError('--case is required');
  if (!/^C-[A-Z0-9]{6}$/.test(id)) throw new DataInputError(`--case must be a case id such as C-7K3QPA, not "${value}"`);
  return id;
}

/** The admin acting, who must be registered as one. */
export async function adminOption(repos: Repositories, value: string | undefined, required: boolean): Promise<Staff | undefined> {
  const id = value?.trim();
  if (!id) {
    if (required) throw new DataInputError('--admin is required: the id of the admin acting (see `npm run staff -- list`)');
    return undefined;
  }
  const staff = await repos.staff.get(id);
  if (staff?.role !== 'admin') throw new DataInputError(`"${id}" is not a registered admin`);
  return staff;
}

/** The JSON file and, beside it, the summary (`x.json` → `x.txt`). */
export function exportPaths(out: string | undefined): { json: string; summary: string } {
  const json = out?.trim();
  if (!json) throw new DataInputError('--out is required: the file to write the export to, e.g. export.json');
  const base = json.endsWith('.json') ? json.slice(0, -'.json'.length) : json;
  return { json: base === json ? `${json}.json` : json, summary: `${base}.txt` };
}

export async function writeExport(exported: CaseExport, paths: { json: string; summary: string }): Promise<void> {
  await mkdir(dirname(paths.json), { recursive: true });
  await writeFile(paths.json, `${JSON.stringify(exported.document, null, 2)}\n`, { mode: 0o600 });
  await writeFile(paths.summary, `${exported.summary}\n`, { mode: 0o600 });
}

export function retentionTable(rows: RetentionRow[], settings: RetentionSettings): string {
  const periods = `retention ${settings.retentionYears} years after closure, then blocked ${settings.blockedYears} years`;
  if (rows.length === 0) return `Nothing is due for blocking or erasure (${periods}).`;
  const header = ['CASE', 'CLOSED', 'DUE', 'SINCE'];
  const lines = rows.map((row) => [row.caseId, row.closedAt.slice(0, 10), row.status === 'dueForBlocking' ? 'block' : 'erase', row.dueOn]);
  const widths = header.map((title, i) => Math.max(title.length, ...lines.map((line) => line[i]!.length)));
  const table = [header, ...lines].map((line) =>
    line
      .map((cell, i) => cell.padEnd(widths[i]!))
      .join('  ')
      .trimEnd(),
  );
  return [`Due (${periods}):`, ...table, '', 'Act on one case with `npm run data -- block|erase --case <id> --admin <admin id>`.'].join('\n');
}

export function describeErasure(report: ErasureReport): string {
  return (
    `Erased case ${report.caseId}: the case record, ${report.jobs} follow-up job(s) and ${report.outbox} delivery record(s), ` +
    `${report.linkCodes} link code(s), ${report.clientChats} client chat link(s) with ${report.userProfiles} profile(s) and ` +
    `${report.conversationRefs} conversation reference(s), ${report.botState} dialog state record(s); the case was taken out of ` +
    `${report.staffProfiles} staff member(s)' recent lists. The audit log keeps only ids and the erasure.`
  );
}

/** Follow-up jobs and the outbox under DATA_DIR, loaded as plain records (the bot is stopped). */
export async function openFollowUpRecords(dataDir: string): Promise<FollowUpRecords & { close(): Promise<void> }> {
  const jobs = jobRecords(join(dataDir, 'jobs'));
  const outbox = new FileCollection<OutboxRecord>('outbox', join(dataDir, 'outbox'), OutboxRecordSchema);
  await jobs.load();
  await outbox.load();
  // Closing files the journals, so no earlier value of an erased record stays behind.
  return { jobs, outbox, close: async () => Promise.all([jobs.close(), outbox.close()]).then(() => undefined) };
}

export function describeCase(record: Case): string {
  return `case ${record.id} (${record.status}${record.closure ? `, closed ${record.closure.at.slice(0, 10)}` : ''}${record.blocked ? `, blocked ${record.blocked.at.slice(0, 10)}` : ''})`;
}

export { OPERATOR_ID };

/** `contact:<id>:<field>`, `rating:<assessment id>:<domain>` or `goal:<id>:<field>`. */
export function factOption(value: string | undefined): RectifiableFact {
  const text = value?.trim();
  if (!text) throw new DataInputError('--fact is required: contact:<contact id>:<field>, rating:<assessment id>:<domain> or goal:<goal id>:<field>');
  const [kind, id, field, ...rest] = text.split(':');
  const fields: Record<string, readonly string[]> = { contact: CONTACT_FIELDS, rating: LIFE_DOMAINS, goal: GOAL_FIELDS };
  const allowed = fields[kind ?? ''];
  if (!allowed || !id || rest.length > 0)
    throw new DataInputError(`--fact must be contact:<id>:<field>, rating:<assessment id>:<domain> or goal:<id>:<field>, not "${text}"`);
  if (!field || !allowed.includes(field)) throw new DataInputError(`a ${kind}'s field is one of ${allowed.join(', ')}, not "${field ?? ''}"`);
  return { kind, id, field } as RectifiableFact;
}

/** The new value as typed: a number for minutes and levels (`none` for a level not rated), text otherwise. */
export function factValue(fact: RectifiableFact, value: string | undefined): string | number | null {
  if (value === undefined) throw new DataInputError('--value is required');
  const numeric = fact.kind === 'rating' || (fact.kind === 'contact' && fact.field === 'minutes');
  if (!numeric) return value.trim();
  if (fact.kind === 'rating' && ['none', 'n/a', 'na'].includes(value.trim().toLowerCase())) return null;
  const number = Number(value.trim());
  if (value.trim() === '' || !Number.isInteger(number)) throw new DataInputError(`--value must be a whole number here, not "${value}"`);
  return number;
}

/** The staff member on whose behalf a correction is made, who must be registered. */
export async function staffOption(repos: Repositories, value: string | undefined): Promise<Staff> {
  const id = value?.trim();
  if (!id) throw new DataInputError('--by is required: the id of the staff member making the correction');
  const staff = await repos.staff.get(id);
  if (!staff) throw new DataInputError(`"${id}" is not registered staff (see \`npm run staff -- list\`)`);
  return staff;
}
