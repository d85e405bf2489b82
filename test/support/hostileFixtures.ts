// Seeded cases, command tables and probes for the hostile access tests (SPEC §5): every
// case is full of distinctive texts, so a reply that leaks one is caught by a substring scan.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { createDialogs } from '../../dialogs/index.js';
import { menuFor, pickEntry, renderMenu, type Audience, type MenuEntry } from '../../dialogs/menu.js';
import type { Actor } from '../../src/domain/access.js';
import type { AuditEntry, Case, Language } from '../../src/domain/schemas.js';
import { LANGUAGES, t } from '../../src/i18n/catalog.js';
import { createHarness, DEMO_STAFF, type Harness } from './botHarness.js';
import { caseRecord } from './records.js';

export const NOW = new Date('2026-11-23T09:00:00Z');
/** The harness clock's day: the audit log file the probes read. */
export const DAY = '2026-11-23';
export const CLIENT_USER = 'client-1';
export const STRANGER_USER = 'stranger-1';

/** Tags are never a prefix of one another, so one case's texts never contain another's. */
interface Seed {
  id: string;
  tag: string;
  workerId: string;
  team: string;
  clientName: string;
  status?: Case['status'];
  sharedWith?: string[];
}

export interface SeededCase {
  record: Case;
  /** Every text of the case that must never reach anyone who may not read it. */
  secrets: string[];
  /** What the case's own client may see: goal and task texts. */
  clientVisible: string[];
}

function seededCase(seed: Seed): SeededCase {
  const texts = new Set<string>();
  const s = (field: string) => {
    const value = `SECRETO-${field}-${seed.tag}`;
    texts.add(value);
    return value;
  };
  const at = '2026-11-02T10:00:00.000Z';
  const by = seed.workerId;
  const closed = seed.status === 'closed';
  const record = caseRecord({
    id: seed.id,
    workerId: seed.workerId,
    team: seed.team,
    status: seed.status ?? 'open',
    sharedWith: seed.sharedWith ?? [],
    client: { kind: 'individual', name: seed.clientName, contact: s('TELEFONO'), language: 'es', timeZone: 'Europe/Madrid' },
    referralSource: s('DERIVANTE'),
    intensity: 'intensive',
    contactEveryDays: 7,
    budget: 500,
    // Overdue, so the case shows in its team's flagged-cases review.
    nextReviewDate: '2026-11-10',
    assessments: [
      {
        id: `A-${seed.tag}`,
        kind: 'initial',
        startedAt: at,
        completedAt: at,
        by,
        ratings: { housing: 1, income: 2, health: 4 },
        safetyConcern: true,
        strengths: { personal: s('FORTALEZA-PERSONAL'), family: s('FORTALEZA-FAMILIAR'), community: s('FORTALEZA-COMUNITARIA') },
        clientView: s('VISION-PROPIA'),
        aspirations: s('ASPIRACION'),
        context: {
          economic: s('CONTEXTO-ECONOMICO'),
          social: s('CONTEXTO-SOCIAL'),
          family: s('CONTEXTO-FAMILIAR'),
          institutional: s('CONTEXTO-INSTITUCIONAL'),
        },
        notes: { micro: s('NOTA-MICRO'), meso: s('NOTA-MESO'), macro: s('NOTA-MACRO') },
        intensity: 'intensive',
        contactEveryDays: 7,
        nextReviewDate: '2026-11-10',
      },
    ],
    assessmentDraft: {
      id: `A-${seed.tag}-D`,
      kind: 'reassessment',
      startedAt: at,
      by,
      ratings: { food: 3 },
      strengths: { personal: s('BORRADOR-FORTALEZA') },
      context: {},
      notes: { micro: s('BORRADOR-NOTA') },
    },
    goals: [
      {
        id: `G-${seed.tag}`,
        domain: 'housing',
        text: s('OBJETIVO'),
        actor: s('ACTOR'),
        indicator: s('INDICADOR'),
        target: s('META'),
        deadline: '2027-01-15',
        support: s('APOYO'),
        obstacles: s('OBSTACULO-OBJETIVO'),
        dependsOnThirdParty: false,
        agreement: { at, recordedBy: by },
        status: 'active',
        createdAt: at,
        createdBy: by,
      },
    ],
    contract: {
      id: `CT-${seed.tag}`,
      targetProblems: [{ text: s('PROBLEMA'), acknowledgedByClient: true }],
      sessions: 8,
      startDate: '2026-11-02',
      endDate: '2027-01-11',
      createdAt: at,
      createdBy: by,
    },
    tasks: [
      {
        id: `T-${seed.tag}`,
        goalId: `G-${seed.tag}`,
        description: s('TAREA'),
        owner: 'client',
        dueDate: '2026-12-10',
        obstacles: [{ text: s('OBSTACULO-TAREA'), kind: 'internal' }],
        checkInEveryDays: 7,
        commitment: { at, confirmedBy: by },
        status: 'open',
        progress: [{ at, rating: 2, obstacles: s('OBSTACULO-AVANCE'), source: 'worker', by }],
        createdAt: at,
        createdBy: by,
      },
      {
        id: `T-${seed.tag}-P`,
        goalId: `G-${seed.tag}`,
        description: s('TAREA-PROFESIONAL'),
        owner: 'professional',
        ownerName: s('PROFESIONAL'),
        dueDate: '2026-12-12',
        obstacles: [],
        checkInEveryDays: 14,
        commitment: { at, confirmedBy: by },
        status: 'open',
        progress: [],
        createdAt: at,
        createdBy: by,
      },
    ],
    referrals: [
      {
        id: `R-${seed.tag}`,
        serviceId: 'SV-IMV',
        category: 'income',
        status: 'referred',
        cost: 120,
        createdAt: at,
        createdBy: by,
        history: [
          { status: 'proposed', at, by },
          { status: 'referred', at, by, note: s('NOTA-DERIVACION') },
        ],
      },
    ],
    contacts: [{ id: `K-${seed.tag}`, date: '2026-11-03', type: 'visit', minutes: 50, withWhom: s('CON-QUIEN'), note: s('NOTA-CONTACTO'), by, at }],
    advocacy: [
      {
        id: `AD-${seed.tag}`,
        date: '2026-11-04',
        action: s('ACCION-DEFENSA'),
        barrierType: 'policy',
        barrier: s('BARRERA'),
        level: 'macro',
        outcome: s('RESULTADO-DEFENSA'),
        by,
        at,
      },
    ],
    reviews: [{ id: `RV-${seed.tag}`, at, by, decision: 'continue', note: s('NOTA-REVISION') }],
    alerts: [{ id: `AL-${seed.tag}`, kind: 'domainCrisis', at }],
    reopenings: closed ? [] : [{ at, by, reason: s('MOTIVO-REAPERTURA') }],
    ...(closed ? { closure: { at, by, reason: 'other', reasonNote: s('MOTIVO-CIERRE'), outcomes: [], summary: s('RESUMEN-CIERRE') } } : {}),
  });
  const clientVisible = [s('OBJETIVO'), s('TAREA'), s('TAREA-PROFESIONAL'), s('PROFESIONAL')];
  return { record, secrets: [seed.clientName, ...texts], clientVisible };
}

export const W1_OPEN = seededCase({ id: 'C-NRTAAA', tag: 'W1OPEN', workerId: 'worker-1', team: 'norte', clientName: 'Eulalia Quintanar Robles' });
export const W1_SHUT = seededCase({
  id: 'C-NRTBBB',
  tag: 'W1SHUT',
  workerId: 'worker-1',
  team: 'norte',
  clientName: 'Florencio Ybarra Lasa',
  status: 'closed',
});
export const W2_OPEN = seededCase({ id: 'C-NRTCCC', tag: 'W2OPEN', workerId: 'worker-2', team: 'norte', clientName: 'Gumersinda Olabarri Ruiz' });
export const W2_SHUT = seededCase({
  id: 'C-NRTDDD',
  tag: 'W2SHUT',
  workerId: 'worker-2',
  team: 'norte',
  clientName: 'Hipólito Zarandona Vidal',
  status: 'closed',
});
export const SUR_OPEN = seededCase({ id: 'C-SURAAA', tag: 'SUROPEN', workerId: 'worker-en', team: 'sur', clientName: 'Wilhelmina Throckmorton' });
/** Team sur's case, explicitly shared with worker-2 of team norte. */
export const SHARED = seededCase({
  id: 'C-SHRAAA',
  tag: 'SHARED',
  workerId: 'worker-en',
  team: 'sur',
  clientName: 'Xiomara Valdecantos',
  sharedWith: ['worker-2'],
});

export const ALL_CASES = [W1_OPEN, W1_SHUT, W2_OPEN, W2_SHUT, SUR_OPEN, SHARED];
/** An id in the case id alphabet that no case has: refusals must not tell it from a foreign one. */
export const MISSING_ID = 'C-ZZZ999';

/** Who may read which case, written out by hand (not derived from the code under test). */
export const MAY_READ: Record<string, SeededCase[]> = {
  'worker-1': [W1_OPEN, W1_SHUT],
  'worker-2': [W2_OPEN, W2_SHUT, SHARED],
  'worker-en': [SUR_OPEN, SHARED],
  'super-1': [W1_OPEN, W1_SHUT, W2_OPEN, W2_SHUT],
  'super-sur': [SUR_OPEN, SHARED],
  'admin-1': [],
  [CLIENT_USER]: [],
  [STRANGER_USER]: [],
};

/** Every secret of every case `user` may not read; a linked client also never sees their own case's staff-only texts. */
export function forbiddenFor(user: string): string[] {
  const readable = MAY_READ[user] ?? [];
  const others = ALL_CASES.filter((c) => !readable.includes(c)).flatMap((c) => c.secrets);
  if (user !== CLIENT_USER) return others;
  return others.filter((secret) => !W1_OPEN.clientVisible.includes(secret));
}

/** The sensitive texts found in any of the replies (case-insensitive): the one leak check. */
export function leaksIn(replies: string[], secrets: string[]): string[] {
  const all = replies.join('\n').toLowerCase();
  return secrets.filter((secret) => all.includes(secret.toLowerCase()));
}

export function expectNoLeaks(replies: string[], secrets: string[]): void {
  expect(leaksIn(replies, secrets), `leaked in:\n${replies.join('\n---\n')}`).toEqual([]);
}

// ---- the harness ------------------------------------------------------------------------

export interface HostileBot {
  harness: Harness;
  close(): Promise<void>;
}

/** A bot with every seeded case, the client link of worker-1's open case, and each of `users` greeted once. */
export async function hostileBot(users: string[]): Promise<HostileBot> {
  const dataDir = await mkdtemp(join(tmpdir(), 'enlace-hostile-'));
  const harness = await createHarness({ now: NOW, cases: ALL_CASES.map((c) => c.record), dataDir });
  await harness.store.repositories.clientLinks.put({ id: CLIENT_USER, caseId: W1_OPEN.record.id, linkedAt: '2026-11-05T10:00:00.000Z', codeId: 'LNKA' });
  for (const user of users) await harness.send('hola', user);
  return {
    harness,
    async close() {
      await harness.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Every stored case as written on disk, by file name: compared byte for byte. */
async function casesOnDisk(harness: Harness): Promise<Record<string, string>> {
  const folder = join(harness.dataDir, 'cases');
  const names = (await readdir(folder)).filter((name) => name.endsWith('.json')).sort();
  return Object.fromEntries(await Promise.all(names.map(async (name) => [name, await readFile(join(folder, name), 'utf8')] as const)));
}

async function casesInMemory(harness: Harness): Promise<Record<string, string>> {
  return Object.fromEntries((await harness.store.repositories.cases.all()).map((c) => [c.id, JSON.stringify(c)]));
}

export interface ProbeResult {
  replies: string[];
  /** The replies to the 'cancelar' sent afterwards to leave no dialog open; scanned for leaks too. */
  cleanup: string[];
  /** Audit entries written while the message was handled. */
  audit: AuditEntry[];
  /** The top-level dialog left open by the message, if any. */
  openDialog: string | undefined;
}

/**
 * Sends `text` as `user`, then 'cancelar' so the next probe starts with no dialog, and
 * checks that no stored case, client link or link code changed.
 */
export async function probe(bot: HostileBot, text: string, user: string): Promise<ProbeResult> {
  const { harness } = bot;
  const repos = harness.store.repositories;
  const before = {
    disk: await casesOnDisk(harness),
    memory: await casesInMemory(harness),
    links: JSON.stringify(await repos.clientLinks.all()),
    codes: (await repos.linkCodes.all()).length,
  };
  const auditBefore = await auditCounts(harness);
  const replies = await harness.send(text, user);
  const audit = await auditSince(harness, auditBefore);
  const openDialog = await openDialogOf(harness, user);
  const cleanup = await harness.send('cancelar', user);
  expect(await casesOnDisk(harness)).toEqual(before.disk);
  expect(await casesInMemory(harness)).toEqual(before.memory);
  expect(JSON.stringify(await repos.clientLinks.all())).toBe(before.links);
  expect(await repos.linkCodes.all()).toHaveLength(before.codes);
  return { replies, cleanup, audit, openDialog };
}

/** The harness clock's day, and the wall clock's: an entry stamped with the wrong clock is still seen. */
const auditDays = () => [...new Set([DAY, new Date().toISOString().slice(0, 10)])];

async function auditCounts(harness: Harness): Promise<Map<string, number>> {
  const days = auditDays();
  return new Map(await Promise.all(days.map(async (day) => [day, (await harness.store.repositories.audit.readDay(day)).length] as const)));
}

async function auditSince(harness: Harness, counts: Map<string, number>): Promise<AuditEntry[]> {
  const days = auditDays();
  const entries = await Promise.all(days.map(async (day) => (await harness.store.repositories.audit.readDay(day)).slice(counts.get(day) ?? 0)));
  return entries.flat();
}

async function openDialogOf(harness: Harness, user: string): Promise<string | undefined> {
  const state = (await harness.store.repositories.botState.all()).find((r) => r.key.includes(`conv-${user}`));
  const stack = (state?.value as { dialogState?: { dialogStack?: { id: string }[] } } | undefined)?.dialogState?.dialogStack;
  return stack?.[0]?.id;
}

/** The audit shows the attempt refused, and no entry lets `user` at the case. */
export function expectDeniedOnly(audit: AuditEntry[], user: string, caseId: string): void {
  expect(audit).toContainEqual(expect.objectContaining({ actor: user, caseId, outcome: 'denied', at: NOW.toISOString() }));
  expect(audit.filter((e) => e.caseId === caseId && e.outcome === 'ok')).toEqual([]);
}

/** No audit entry records a successful read or change by `user` of a case they may not read. */
export function expectNoGrantedAccess(audit: AuditEntry[], user: string): void {
  const readable = new Set((MAY_READ[user] ?? []).map((c) => c.record.id));
  expect(audit.filter((e) => e.actor === user && e.outcome === 'ok' && e.caseId && !readable.has(e.caseId))).toEqual([]);
}

// ---- the command tables -----------------------------------------------------------------

const REGISTERED = new Set(createDialogs().map((d) => d.id));

/** Dialogs that work on one case: they take a case id typed with the command. */
export const CASE_DIALOGS = new Set([
  'caseSummary',
  'assessment',
  'smartGoal',
  'contract',
  'task',
  'taskProgress',
  'referral',
  'contactLog',
  'advocacy',
  'review',
  'closure',
  'reopen',
  'linkCode',
]);

export function staffActor(id: string): Actor {
  const staff = DEMO_STAFF.find((s) => s.id === id)!;
  return { kind: 'staff', id, staff };
}

export const clientActor: Actor = { kind: 'client', id: CLIENT_USER, caseId: W1_OPEN.record.id };

/** The menu entries of an audience, as the bot offers them. */
export function entriesOf(actor: Actor): MenuEntry[] {
  return menuFor(actor, REGISTERED);
}

/** Every command word (Spanish and English) of the given audiences' menu entries, once each. */
export function commandWords(...audiences: Audience[]): string[] {
  const entries = [...new Set(audiences.flatMap((audience) => entriesOf(audienceActor(audience))))];
  const words = entries.flatMap((e) => LANGUAGES.flatMap((lang) => t(lang, e.words).split('|')));
  return [...new Set(words)];
}

function audienceActor(audience: Audience): Actor {
  if (audience === 'client') return clientActor;
  return staffActor({ worker: 'worker-1', supervisor: 'super-1', admin: 'admin-1' }[audience]);
}

/** The dialog a typed message starts for `actor`, exactly as the bot picks it. */
export function dialogFor(actor: Actor, typed: string, lang: Language): string | undefined {
  return pickEntry(typed, entriesOf(actor), lang)?.dialogId;
}

/** The menu a staff member gets, as the bot renders it. */
export function staffMenu(actor: Actor, lang: Language): string {
  return renderMenu(lang, entriesOf(actor));
}

/** A refused id is said not found, then the pick is asked again from the worker's own cases (checked for leaks). */
export function expectRefusedThenAskedAgain(replies: string[], lang: Language, caseId: string) {
  expect(replies[0]).toBe(t(lang, 'common.caseNotFound', { caseId }));
  const again = replies.slice(1);
  expect(again).toHaveLength(1);
  expect(again[0]!.startsWith(t(lang, 'common.pickCase', { list: '' }).trim()) || again[0] === t(lang, 'common.pickCaseNone')).toBe(true);
}
