// What `npm run staff` does, on the repositories: register, list and remove staff. Input
// comes as typed on the command line; anything wrong is a StaffInputError whose one-line
// message the CLI prints, with nothing changed. Output names staff and case ids only.
import { isValidTimeZone } from '../domain/dates.js';
import type { Repositories } from '../domain/ports.js';
import { LanguageSchema, RoleSchema, StaffSchema, type Staff } from '../domain/schemas.js';

export class StaffInputError extends Error {}

/** The options of `staff add`, as typed (all strings, any of them possibly missing). */
export interface AddStaffOptions {
  id?: string;
  name?: string;
  role?: string;
  team?: string;
  hours?: string;
  language?: string;
  timezone?: string;
}

export const STAFF_DEFAULTS = { team: 'general', hours: 120, language: 'es', timeZone: 'Europe/Madrid' } as const;

/** The actor written to the audit log for changes made from the command line. */
const CLI_ACTOR = 'cli';

/** The staff record the options describe, with defaults filled in; checks everything but the id's uniqueness. */
export function newStaffRecord(options: AddStaffOptions, now: Date): Staff {
  const candidate = {
    id: required(options.id, '--id'),
    name: required(options.name, '--name'),
    role: role(options.role),
    team: options.team?.trim() || STAFF_DEFAULTS.team,
    availableHoursPerMonth: hours(options.hours),
    language: language(options.language),
    timeZone: timeZone(options.timezone),
    createdAt: now.toISOString(),
  };
  const parsed = StaffSchema.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new StaffInputError(`invalid ${issue.path.join('.') || 'staff record'}: ${issue.message}`);
  }
  return parsed.data;
}

export async function addStaff(repos: Repositories, staff: Staff): Promise<Staff> {
  if (await repos.staff.get(staff.id)) throw new StaffInputError(`staff id "${staff.id}" is already registered (remove it first to change it)`);
  const stored = await repos.staff.put(staff);
  await repos.audit.record({ actor: CLI_ACTOR, action: 'staff.add', at: staff.createdAt });
  return stored;
}

export interface StaffRow {
  staff: Staff;
  openCases: number;
}

/** Every staff member with the number of open cases they hold, by role then name. */
export async function listStaff(repos: Repositories): Promise<StaffRow[]> {
  const order = RoleSchema.options;
  const staff = [...(await repos.staff.all())].sort((a, b) => order.indexOf(a.role) - order.indexOf(b.role) || a.name.localeCompare(b.name, 'es'));
  return Promise.all(staff.map(async (s) => ({ staff: s, openCases: (await openCaseIds(repos, s.id)).length })));
}

/** Removes a staff member who holds no open case; refuses, naming the case ids, otherwise. */
export async function removeStaff(repos: Repositories, rawId: string | undefined, now: Date): Promise<Staff> {
  const id = required(rawId, '--id');
  const staff = await repos.staff.get(id);
  if (!staff) throw new StaffInputError(`no staff member has id "${id}" (see \`npm run staff -- list\`)`);
  const open = await openCaseIds(repos, id);
  if (open.length > 0) {
    const cases = open.length === 1 ? '1 open case' : `${open.length} open cases`;
    throw new StaffInputError(`"${id}" still holds ${cases} (${open.join(', ')}): reassign or close them first`);
  }
  await repos.staff.delete(id);
  await repos.audit.record({ actor: CLI_ACTOR, action: 'staff.remove', at: now.toISOString() });
  return staff;
}

export function describeStaff(staff: Staff): string {
  return (
    `${staff.role} ${staff.id} (${staff.name}), team ${staff.team}, ${staff.availableHoursPerMonth} h/month, ` +
    `language ${staff.language}, time zone ${staff.timeZone}`
  );
}

/** A plain-text table for the terminal. */
export function staffTable(rows: StaffRow[]): string {
  if (rows.length === 0) return 'No staff registered yet. Add someone with `npm run staff -- add --id … --name … --role worker`.';
  const header = ['ID', 'NAME', 'ROLE', 'TEAM', 'HOURS', 'LANG', 'TIME ZONE', 'OPEN CASES'];
  const lines = rows.map(({ staff, openCases }) => [
    staff.id,
    staff.name,
    staff.role,
    staff.team,
    String(staff.availableHoursPerMonth),
    staff.language,
    staff.timeZone,
    String(openCases),
  ]);
  const widths = header.map((title, i) => Math.max(title.length, ...lines.map((line) => line[i]!.length)));
  return [header, ...lines]
    .map((line) =>
      line
        .map((cell, i) => cell.padEnd(widths[i]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** The open cases a staff member holds as their worker (cases only shared with them do not count). */
async function openCaseIds(repos: Repositories, staffId: string): Promise<string[]> {
  const cases = await repos.cases.casesOfWorker(staffId, { status: 'open' });
  return cases
    .filter((c) => c.workerId === staffId)
    .map((c) => c.id)
    .sort();
}

function required(value: string | undefined, option: string): string {
  const trimmed = value?.trim();
  if (!trimmed) throw new StaffInputError(`${option} is required`);
  return trimmed;
}

function role(value: string | undefined): Staff['role'] {
  const parsed = RoleSchema.safeParse(required(value, '--role').toLowerCase());
  if (!parsed.success) throw new StaffInputError(`unknown role "${value}": use worker, supervisor or admin`);
  return parsed.data;
}

function hours(value: string | undefined): number {
  if (value === undefined) return STAFF_DEFAULTS.hours;
  const number = Number(value.trim().replace(',', '.'));
  if (value.trim() === '' || !Number.isFinite(number) || number < 0 || number > 744) {
    throw new StaffInputError(`--hours must be the available hours a month, a number from 0 to 744, not "${value}"`);
  }
  return number;
}

function language(value: string | undefined): Staff['language'] {
  if (value === undefined) return STAFF_DEFAULTS.language;
  const parsed = LanguageSchema.safeParse(value.trim().toLowerCase());
  if (!parsed.success) throw new StaffInputError(`unknown language "${value}": use es or en`);
  return parsed.data;
}

/** An IANA zone such as Europe/Madrid, stored with its canonical spelling. */
function timeZone(value: string | undefined): string {
  if (value === undefined) return STAFF_DEFAULTS.timeZone;
  const zone = value.trim();
  if (!isValidTimeZone(zone) || !(zone.includes('/') || zone.toUpperCase() === 'UTC')) {
    throw new StaffInputError(`unknown time zone "${value}": use an IANA name such as Europe/Madrid or America/Bogota`);
  }
  return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
}
