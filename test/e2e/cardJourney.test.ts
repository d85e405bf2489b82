// The casework journey in Teams: one worker takes one client from intake to closure in
// Spanish over HTTP (the real server and CloudAdapter, replies through the stand-in Bot
// Connector), as Teams sends it — a few typed commands, and the cards the bot sends pressed by
// their titles with their inputs filled in. Every typed message and every press is counted per
// segment; the stored record is then read from disk and checked.
//
// The worker goes the short way: each step on its form card, and the follow-up work of a day
// (tasks, referral, contact, advocacy, progress) on the forms of one case card opened that day
// — each form once a card, so the card is opened again when a form is needed twice.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SERVICES } from '../../src/demo/services.js';
import { defaultConfig } from '../../src/domain/config.js';
import { addDays } from '../../src/domain/dates.js';
import { CaseSchema, type Case } from '../../src/domain/schemas.js';
import { JsonStore } from '../../src/store/jsonStore.js';
import { TEAMS_MESSAGE_BYTES } from '../support/cardDriver.js';
import type { AdaptiveCard } from '../../dialogs/cards/elements.js';
import { elementsOf } from '../support/cardDriver.js';
import { type TeamsWorker, teamsWorker } from './support/cardClient.js';
import { startConnectorStandIn, type ConnectorStandIn } from './support/connectorStandIn.js';
import {
  ADVOCACY,
  ASPIRATIONS,
  ASSESSED_LEVELS,
  CLIENT,
  CLIENT_TASK,
  CLIENT_VIEW,
  CLOSURE_SUMMARY,
  CONTACT,
  CONTEXT,
  DAYS,
  FINAL_REVIEW_NOTE,
  FIRST_REVIEW_NOTE,
  GOAL,
  NOTES,
  PROBLEMS,
  PROGRESS,
  REFERRAL_NOTE,
  STRENGTHS,
  WORKER_TASK,
  officeHours,
} from './support/journeySteps.js';
import { casesOnDisk, seededDataDir, startInProcess } from './support/seededBot.js';

const WORKER = 'worker-1';
/** The most a worker may type or press from the first message to the closed case, in Teams. */
const SUBMIT_BUDGET = 30;
/** Replies that mean the bot did not take an answer, or failed: none is expected on this journey. */
const TROUBLE =
  /Algo ha fallado|No te he entendido|Elige una opción|Responde «sí» o «no»|No he entendido la fecha|Necesito una respuesta|Escribe un número entero|Escribe un nivel del 1 al 5|No he guardado|no he guardado|ya se respondió/;
/** The time of day the contact was, picked on the form's clock. */
const CONTACT_TIME = '11:30';

const at = (day: string) => officeHours(day).toISOString();
const clock = { now: officeHours(DAYS.intake) };
let dataDir: string;
let bot: Awaited<ReturnType<typeof startInProcess>>;
let connector: ConnectorStandIn;
let worker: TeamsWorker;
const journey = { caseId: '' };
/** Typed messages and presses per segment, in order. */
const perSegment = new Map<string, { typed: number; pressed: number }>();

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'enlace-card-journey-'));
  await seededDataDir({ dataDir });
  const store = await JsonStore.open(dataDir);
  for (const service of DEMO_SERVICES) await store.repositories.services.put(service);
  await store.close();
  bot = await startInProcess(dataDir, () => clock.now);
  connector = await startConnectorStandIn();
  worker = teamsWorker(bot.loopbackUrl, connector, WORKER);
});

afterAll(async () => {
  await bot?.stop();
  await connector?.close();
  await rm(dataDir, { recursive: true, force: true });
});

/** Runs one segment on `day`, counting what the worker typed and pressed in it. */
async function segment<T>(name: string, day: string, run: () => Promise<T>): Promise<T> {
  clock.now = officeHours(day);
  const before = { ...worker.sent };
  try {
    return await run();
  } finally {
    perSegment.set(name, { typed: worker.sent.typed - before.typed, pressed: worker.sent.pressed - before.pressed });
  }
}

/** Checks what a reply shows: never trouble, always `shows`. */
function saw(shown: string, shows: RegExp): string {
  expect(shown).not.toMatch(TROUBLE);
  expect(shown).toMatch(shows);
  return shown;
}

// ---- the segments: each says what the worker types and presses ----

/** The value of the choice titled (or starting with) `title` in the list `id` of `on`. */
function choiceValue(on: AdaptiveCard, id: string, title: string): string {
  const list = elementsOf(on).find((e) => e.id === id);
  const choices = (list?.choices ?? []) as { title: string; value: string }[];
  const choice = choices.find((c) => c.title.startsWith(title));
  if (!choice) throw new Error(`no «${title}» in the list «${id}»: ${choices.map((c) => c.title).join(', ')}`);
  return choice.value;
}

/** The case card, opened with the command a worker types; it stays in the chat to press its forms. */
async function openCaseCard(caseId: string): Promise<AdaptiveCard> {
  saw(await worker.type(`caso ${caseId}`), new RegExp(`${CLIENT.name}[\\s\\S]*${caseId}`));
  return worker.lastCard();
}

/** The whole intake on its form: the name came with the command, the language, time zone and date are the defaults. */
async function intake(): Promise<string> {
  saw(await worker.type(`nueva apertura ${CLIENT.name}`), /Nueva apertura de caso/);
  const inputs = {
    kind: 'individual',
    contact: CLIENT.contact,
    source: CLIENT.referralSource,
    consentData: 'Sí',
    consentMessages: 'Sí',
    model: 'brokerage',
    priority: 'medium',
  };
  const opened = saw(await worker.press('Guardar', inputs), /Caso C-[A-Z0-9]{6} abierto para Carmen Ortega Ruiz/);
  return /Caso (C-[A-Z0-9]{6}) abierto/.exec(opened)![1]!;
}

/** Strengths, view and contexts on one card; the levels, safety and notes on the other. */
async function assessment(caseId: string) {
  saw(await worker.type(`valoración ${caseId}`), /Fortalezas, visión y contexto/);
  const profile = {
    'strengths.personal': STRENGTHS.personal,
    'strengths.family': STRENGTHS.family,
    'strengths.community': STRENGTHS.community,
    'view.clientView': CLIENT_VIEW,
    'view.aspirations': ASPIRATIONS,
    'view.economic': CONTEXT.economic,
    'view.social': CONTEXT.social,
    'view.family': CONTEXT.family,
    'view.institutional': CONTEXT.institutional,
  };
  saw(await worker.press('Siguiente', profile), /Ámbitos de la vida/);
  const levels = Object.fromEntries(Object.entries(ASSESSED_LEVELS).map(([domain, level]) => [`level.${domain}`, String(level ?? 'n/a')]));
  const rest = { safety: 'No', 'notes.micro': NOTES.micro, 'notes.meso': NOTES.meso, 'notes.macro': NOTES.macro };
  // The intensity is a recommendation: the worker takes it with one more press.
  saw(await worker.press('Ver el resultado', { ...levels, ...rest }), /¿Guardo la valoración con la intensidad recomendada \(moderada\)\?/);
  saw(await worker.answer('Sí'), new RegExp(`Valoración guardada en el caso ${caseId}`));
}

/**
 * The goal form filled with a vague wish: the coaching card says what is missing and why, and
 * the client's own step, offered on it, is kept.
 */
async function smartGoal(caseId: string) {
  saw(await worker.type(`objetivo ${caseId}`), /Nuevo objetivo SMART/);
  const parts = {
    goal: GOAL.vague,
    indicator: GOAL.indicator,
    target: GOAL.target,
    deadline: DAYS.goalDeadline,
    need: 'housing',
    support: GOAL.support,
    obstacles: GOAL.obstacles,
    agreement: 'Sí',
  };
  saw(await worker.press('Guardar', parts), /El objetivo aún no es SMART[\s\S]*no es observable/);
  saw(await worker.press('Guardar', { goal: GOAL.ownStep, agreement: 'Sí' }), new RegExp(`Objetivo G-[A-Z0-9]{6} guardado en el caso ${caseId}`));
}

async function contract(caseId: string) {
  saw(await worker.type(`contrato ${caseId}`), /contrato/i);
  saw(await worker.press('Guardar', { problems: PROBLEMS.join('\n'), acknowledged: 'Sí' }), new RegExp(`Contrato guardado en el caso ${caseId}`));
}

const clientTaskInputs = {
  what: CLIENT_TASK.description,
  owner: 'client',
  dueDate: DAYS.clientTaskDue,
  obstacle: CLIENT_TASK.obstacle,
  obstacleKind: 'internal',
};
const workerTaskInputs = { what: WORKER_TASK.description, owner: 'worker', dueDate: DAYS.workerTaskDue, obstacle: '' };

/** The client's task, from the case card opened after the plan. */
async function clientTask(caseId: string) {
  const caseCard = await openCaseCard(caseId);
  saw(await worker.pressInForm('Nueva tarea', 'Guardar', clientTaskInputs, caseCard), new RegExp(`Tarea T-[A-Z0-9]{6} guardada en el caso ${caseId}`));
}

/** One case card: the worker's own task and the referral to the housing office, picked on the list; a second card sends it. */
async function workerTaskAndReferral(caseId: string) {
  const caseCard = await openCaseCard(caseId);
  saw(await worker.pressInForm('Nueva tarea', 'Guardar', workerTaskInputs, caseCard), new RegExp(`Tarea T-[A-Z0-9]{6} guardada en el caso ${caseId}`));
  saw(
    await worker.pressInForm('Nueva derivación', 'Guardar', { service: 'SV-VIVIEN' }, caseCard),
    /Derivación R-[A-Z0-9]{6} a «Oficina de Vivienda[^»]*» guardada como propuesta/,
  );
  const withReferral = await openCaseCard(caseId);
  saw(
    await worker.pressInForm('Actualizar una derivación', 'Guardar', { status: 'referred', note: REFERRAL_NOTE }, withReferral),
    /Derivación R-[A-Z0-9]{6} actualizada: Derivada/,
  );
}

/**
 * One case card: the referral accepted, the home visit, the advocacy action, and the worker's
 * own task, due today, rated «no opportunity» (the housing office was closed), each on its form.
 */
async function acceptedContactAdvocacy(caseId: string) {
  const caseCard = await openCaseCard(caseId);
  saw(
    await worker.pressInForm('Actualizar una derivación', 'Guardar', { status: 'accepted', note: '' }, caseCard),
    /Derivación R-[A-Z0-9]{6} actualizada: Aceptada/,
  );
  const visit = { type: 'visit', date: DAYS.accepted, time: CONTACT_TIME, minutes: String(CONTACT.minutes), withWhom: CONTACT.withWhom, note: CONTACT.note };
  saw(await worker.pressInForm('Registrar un contacto', 'Guardar', visit, caseCard), new RegExp(`Contacto K-[A-Z0-9]{6} guardado en el caso ${caseId}`));
  const action = { action: ADVOCACY.action, barrierType: 'eligibility', barrier: ADVOCACY.barrier, level: 'macro', outcome: '' };
  saw(await worker.pressInForm('Acción de defensa', 'Guardar', action, caseCard), /informe de barreras estructurales/);
  const noChance = {
    task: choiceValue(caseCard, 'task', WORKER_TASK.description),
    rating: 'noOpportunity',
    obstacles: PROGRESS.workerObstacles,
    markDone: 'No',
  };
  saw(await worker.pressInForm('Registrar avance', 'Guardar', noChance, caseCard), /Sin oportunidad/);
}

/** The client's task rated on the case card's progress form (the worker's was rated the day it was due). */
async function progress(caseId: string) {
  const caseCard = await openCaseCard(caseId);
  const rated = { task: choiceValue(caseCard, 'task', CLIENT_TASK.description), rating: '3', obstacles: PROGRESS.clientObstacles, markDone: 'No' };
  saw(await worker.pressInForm('Registrar avance', 'Guardar', rated, caseCard), /Sustancialmente conseguida/);
}

/** The review form: the levels come as they were, housing is raised; the next review is the one proposed. */
async function firstReview(caseId: string) {
  saw(await worker.type(`revisión ${caseId}`), /Reevaluación del caso/);
  saw(
    await worker.press('Guardar la reevaluación', { level_housing: '3', decision: 'continue', note: FIRST_REVIEW_NOTE }),
    new RegExp(`Reevaluación guardada en el caso ${caseId}`),
  );
}

async function finalReviewAndClosure(caseId: string) {
  saw(await worker.type(`revisión ${caseId}`), /Reevaluación del caso/);
  saw(await worker.press('Guardar la reevaluación', { level_housing: '4', decision: 'close', note: FINAL_REVIEW_NOTE }), /Cierre del caso/);
  const closure = worker.lastCard();
  const ids = elementsOf(closure).map((e) => String(e.id ?? ''));
  const goalOutcome = ids.find((id) => id.startsWith('outcome_'))!;
  const referralEnd = ids.find((id) => id.startsWith('referralEnd_'))!;
  const inputs = { reason: 'goalsMet', [goalOutcome]: 'achieved', [referralEnd]: 'completed', summary: CLOSURE_SUMMARY };
  saw(await worker.press('Cerrar el caso', inputs), new RegExp(`Caso ${caseId} cerrado`));
}

// ---- the journey ----

function countsTable(): string {
  const line = (name: string, typed: number, pressed: number) =>
    `  ${name.padEnd(40)} ${String(typed).padStart(5)} ${String(pressed).padStart(7)} ${String(typed + pressed).padStart(5)}`;
  return [
    'Typed and pressed on the card journey:',
    `  ${'segment'.padEnd(40)} typed pressed total`,
    ...[...perSegment].map(([name, n]) => line(name, n.typed, n.pressed)),
    line('total', worker.sent.typed, worker.sent.pressed),
  ].join('\n');
}

async function storedCase(): Promise<Case> {
  if (!journey.caseId) throw new Error('the journey did not open a case');
  const stored = (await casesOnDisk(dataDir)).find((record) => record.id === journey.caseId);
  if (!stored) throw new Error(`case ${journey.caseId} is not on disk`);
  return stored;
}

describe('a worker takes one client from intake to closure in Teams, with cards', () => {
  it('walks every step pressing the cards the bot sends', async () => {
    journey.caseId = await segment('intake', DAYS.intake, intake);
    const { caseId } = journey;
    await segment('assessment', DAYS.assessment, () => assessment(caseId));
    await segment('SMART goal (coached)', DAYS.assessment, () => smartGoal(caseId));
    await segment('contract', DAYS.assessment, () => contract(caseId));
    await segment('client task', DAYS.assessment, () => clientTask(caseId));
    await segment('worker task, referral', DAYS.referral, () => workerTaskAndReferral(caseId));
    await segment('accepted, contact, advocacy, progress', DAYS.accepted, () => acceptedContactAdvocacy(caseId));
    await segment('progress', DAYS.progress, () => progress(caseId));
    await segment('first review', DAYS.firstReview, () => firstReview(caseId));
    await segment('final review and closure', DAYS.finalReview, () => finalReviewAndClosure(caseId));
    console.log(countsTable());
    // Questions came as cards: the journey was answered on them, not typed.
    expect(worker.sent.pressed).toBeGreaterThan(worker.sent.typed);
  }, 120_000);

  it('stored the case closed, with the contact, referral and advocacy the forms gave', async () => {
    const record = await storedCase();
    expect(CaseSchema.safeParse(record).success).toBe(true);
    expect(record.status).toBe('closed');
    expect(record.client).toEqual({ kind: 'individual', name: CLIENT.name, contact: CLIENT.contact, language: 'es', timeZone: 'Europe/Madrid' });
    expect(record.intakeDate).toBe(DAYS.intake);
    expect(record.model).toBe('brokerage');
    expect(record.priority).toBe('medium');
    expect(record.assessments.map((a) => a.kind)).toEqual(['initial', 'review', 'review']);
    expect(record.assessments[0]!.ratings).toEqual(ASSESSED_LEVELS);
    expect(record.assessments[0]!.strengths).toEqual(STRENGTHS);
    expect(record.goals).toEqual([
      expect.objectContaining({ domain: 'housing', text: GOAL.ownStep, deadline: DAYS.goalDeadline, indicator: GOAL.indicator, status: 'achieved' }),
    ]);
    expect(record.contract?.targetProblems.map((p) => p.text)).toEqual([...PROBLEMS]);
    expect(record.tasks.map((task) => [task.owner, task.description, task.dueDate, task.status])).toEqual([
      ['client', CLIENT_TASK.description, DAYS.clientTaskDue, 'closedWithCase'],
      ['worker', WORKER_TASK.description, DAYS.workerTaskDue, 'closedWithCase'],
    ]);
    expect(record.referrals).toEqual([
      {
        id: expect.stringMatching(/^R-[A-Z0-9]{6}$/),
        serviceId: 'SV-VIVIEN',
        category: 'housing',
        status: 'completed',
        history: [
          { status: 'proposed', at: at(DAYS.referral), by: WORKER },
          { status: 'referred', at: at(DAYS.referral), by: WORKER, note: REFERRAL_NOTE },
          { status: 'accepted', at: at(DAYS.accepted), by: WORKER },
          { status: 'completed', at: at(DAYS.finalReview), by: WORKER },
        ],
        cost: 0,
        createdAt: at(DAYS.referral),
        createdBy: WORKER,
      },
    ]);
    expect(record.contacts).toEqual([
      {
        id: expect.stringMatching(/^K-[A-Z0-9]{6}$/),
        date: DAYS.accepted,
        time: CONTACT_TIME,
        type: 'visit',
        minutes: CONTACT.minutes,
        withWhom: CONTACT.withWhom,
        note: CONTACT.note,
        by: WORKER,
        at: at(DAYS.accepted),
      },
    ]);
    expect(record.advocacy).toEqual([
      {
        id: expect.stringMatching(/^A-[A-Z0-9]{6}$/),
        date: DAYS.accepted,
        action: ADVOCACY.action,
        barrierType: 'eligibility',
        barrier: ADVOCACY.barrier,
        level: 'macro',
        by: WORKER,
        at: at(DAYS.accepted),
      },
    ]);
    expect(record.reviews.map((r) => r.decision)).toEqual(['continue', 'close']);
    expect(record.reviews[0]!.note).toBe(FIRST_REVIEW_NOTE);
    expect(record.closure).toEqual(
      expect.objectContaining({ reason: 'goalsMet', summary: CLOSURE_SUMMARY, outcomes: [{ goalId: record.goals[0]!.id, outcome: 'achieved' }] }),
    );
    expect(record.intensity).toBe('moderate');
    expect(record.contactEveryDays).toBe(defaultConfig.intensity.moderate.contactEveryDays);
    expect(record.assessments[0]!.nextReviewDate).toBe(addDays(DAYS.assessment, defaultConfig.intensity.moderate.reviewAfterDays));
  });

  it('counted every typed message and every press, segment by segment', () => {
    const counted = [...perSegment.values()].reduce((sum, n) => sum + n.typed + n.pressed, 0);
    expect(counted).toBe(worker.sent.typed + worker.sent.pressed);
    expect(worker.replies.length).toBeGreaterThanOrEqual(counted);
  });

  it('kept every reply, card included, under the Teams message limit', () => {
    const sizes = worker.replies.map((r) => Buffer.byteLength(JSON.stringify(r), 'utf8'));
    expect(sizes.length).toBeGreaterThan(0);
    expect(Math.max(...sizes)).toBeLessThan(TEAMS_MESSAGE_BYTES);
  });

  it(`takes the worker at most ${SUBMIT_BUDGET} messages and presses from the greeting to the closed case`, () => {
    expect(worker.sent.typed + worker.sent.pressed).toBeGreaterThan(0);
    expect(worker.sent.typed + worker.sent.pressed, countsTable()).toBeLessThanOrEqual(SUBMIT_BUDGET);
  });
});
