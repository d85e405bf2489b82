// The casework journey in Teams: one worker takes one client from intake to closure in
// Spanish over HTTP (the real server and CloudAdapter, replies through the stand-in Bot
// Connector), as Teams sends it — a few typed commands, and the cards the bot sends pressed by
// their titles with their inputs filled in. Every typed message and every press is counted per
// segment; the stored record is then read from disk and checked.
//
// Each segment is one small function over the cards it meets, so a segment changes alone
// when its step gets a card of its own.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SERVICES } from '../../src/demo/services.js';
import { defaultConfig } from '../../src/domain/config.js';
import { addDays } from '../../src/domain/dates.js';
import { CaseSchema, type Case } from '../../src/domain/schemas.js';
import { JsonStore } from '../../src/store/jsonStore.js';
import { TEAMS_MESSAGE_BYTES } from '../support/cardDriver.js';
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
import { seededDataDir, startInProcess } from './support/seededBot.js';

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

async function intake(): Promise<string> {
  saw(await worker.type(`nueva apertura ${CLIENT.name}`), /¿A quién atiende el caso\?/);
  saw(await worker.answer('Persona'), /Contacto/);
  saw(await worker.answer(CLIENT.contact), /idioma/);
  // The language and time zone buttons name one each; «vale» keeps both, typed.
  saw(await worker.answer('vale'), /Fuente de derivación/);
  saw(await worker.answer(CLIENT.referralSource), /Fecha de la apertura/);
  // Picked on the calendar: nothing to misread, so not confirmed back.
  saw(await worker.answer(DAYS.intake), /consentimiento al tratamiento de sus datos/);
  saw(await worker.answer('Sí'), /recibir mensajes de seguimiento/);
  saw(await worker.answer('Sí'), /Modelo de gestión/);
  saw(await worker.answer('corretaje, media'), /Resumen de la apertura/);
  const opened = saw(await worker.answer('Sí'), /Caso C-[A-Z0-9]{6} abierto para Carmen Ortega Ruiz/);
  return /Caso (C-[A-Z0-9]{6}) abierto/.exec(opened)![1]!;
}

async function assessment(caseId: string) {
  const levels = Object.values(ASSESSED_LEVELS).map((level) => String(level ?? 'n/a'));
  saw(await worker.type(`valoración ${caseId}`), /Fortalezas personales/);
  saw(await worker.answer([STRENGTHS.personal, STRENGTHS.family, STRENGTHS.community].join('\n')), /Cómo ve la persona su situación/);
  saw(
    await worker.answer([CLIENT_VIEW, ASPIRATIONS, CONTEXT.economic, CONTEXT.social, CONTEXT.family, CONTEXT.institutional].join('\n')),
    /Ámbito 1 de 15: ingresos/,
  );
  saw(await worker.answer(levels.join(' ')), /¿Es correcto\?/);
  saw(await worker.answer('Sí'), /preocupación por la seguridad/);
  saw(await worker.answer('No'), /Nota micro/);
  saw(await worker.answer([NOTES.micro, NOTES.meso, NOTES.macro].join('\n')), /Intensidad recomendada: moderada/);
  saw(await worker.answer('Sí'), new RegExp(`Valoración guardada en el caso ${caseId}`));
}

async function smartGoal(caseId: string) {
  saw(await worker.type(`objetivo ${caseId}`), /Nuevo objetivo SMART/);
  saw(await worker.answer(GOAL.vague), /«Mejorar» no es observable/);
  saw(await worker.answer(GOAL.outcome), /depende de terceros/);
  saw(await worker.answer(GOAL.ownStep), /¿Para qué fecha/);
  saw(await worker.answer(DAYS.goalDeadline), /Objetivo SMART:[\s\S]*¿Es correcto\?/);
  saw(await worker.answer(`indicador: ${GOAL.indicator}`), /Indicador:/);
  saw(await worker.answer(`meta: ${GOAL.target}`), /Meta:/);
  saw(await worker.answer(`apoyos: ${GOAL.support}`), /Apoyos:/);
  saw(await worker.answer(`obstáculos: ${GOAL.obstacles}`), /¿Es correcto\?/);
  saw(await worker.answer('Sí'), /¿Está de acuerdo la persona usuaria/);
  saw(await worker.answer('Sí'), new RegExp(`Objetivo G-[A-Z0-9]{6} guardado en el caso ${caseId}`));
}

async function contract(caseId: string) {
  saw(await worker.type(`contrato ${caseId}`), /Problema diana 1 de 3/);
  saw(await worker.answer(PROBLEMS.join('\n')), /reconoce estos 2 problemas/);
  saw(await worker.answer('Sí'), /¿Guardo el contrato\?/);
  saw(await worker.answer('Sí'), new RegExp(`Contrato guardado en el caso ${caseId}`));
}

async function clientTask(caseId: string) {
  saw(await worker.type(`tarea ${caseId}`), /Qué hay que hacer/);
  saw(await worker.answer(`${CLIENT_TASK.description}, la persona usuaria, para el 25/03/2026`), /Obstáculo previsto 1/);
  saw(await worker.answer(`${CLIENT_TASK.obstacle} (interno)`), /se compromete/);
  saw(await worker.answer('Sí'), new RegExp(`Tarea T-[A-Z0-9]{6} guardada en el caso ${caseId}`));
}

async function workerTask(caseId: string) {
  saw(await worker.type(`tarea ${caseId}`), /Qué hay que hacer/);
  saw(await worker.answer(`${WORKER_TASK.description}, yo, para el 13/03/2026`), /Obstáculo previsto 1/);
  saw(await worker.answer('no'), /Guardo la tarea/);
  saw(await worker.answer('Sí'), new RegExp(`Tarea T-[A-Z0-9]{6} guardada en el caso ${caseId}`));
}

/** The housing office picked on the referral form, then sent with the social report. */
async function referral(caseId: string) {
  saw(await worker.type(`derivación ${caseId} nueva`), /Nueva derivación/);
  saw(await worker.press('Guardar', { service: 'SV-VIVIEN' }), /Derivación R-[A-Z0-9]{6} a «Oficina de Vivienda[^»]*» guardada como propuesta/);
  await moveReferral(caseId, 'Propuesta', { status: 'referred', note: REFERRAL_NOTE }, 'Derivada');
}

async function referralAccepted(caseId: string) {
  await moveReferral(caseId, 'Derivada', { status: 'accepted', note: '' }, 'Aceptada');
}

/** The case's only referral, named with the command, moved on with its note on one form. */
async function moveReferral(caseId: string, from: string, inputs: { status: string; note: string }, to: string) {
  saw(await worker.type(`derivación ${caseId} actualizar`), new RegExp(`Estado actual: ${from}`));
  saw(await worker.press('Guardar', inputs), new RegExp(`Derivación R-[A-Z0-9]{6} actualizada: ${to}`));
}

/** The whole contact on its form, time of day included. */
async function contact(caseId: string) {
  saw(await worker.type(`contacto ${caseId}`), /Registrar un contacto/);
  const inputs = { type: 'visit', date: DAYS.accepted, time: CONTACT_TIME, minutes: String(CONTACT.minutes), withWhom: CONTACT.withWhom, note: CONTACT.note };
  saw(await worker.press('Guardar', inputs), new RegExp(`Contacto K-[A-Z0-9]{6} guardado en el caso ${caseId}`));
}

/** The action and its macro barrier on one form. */
async function advocacy(caseId: string) {
  saw(await worker.type(`defensa ${caseId}`), /Acción de defensa/);
  const inputs = { action: ADVOCACY.action, barrierType: 'eligibility', barrier: ADVOCACY.barrier, level: 'macro', outcome: '' };
  saw(await worker.press('Guardar', inputs), /informe de barreras estructurales/);
}

async function progress(caseId: string) {
  saw(await worker.type(`avance ${caseId} tarea 1`), /escala de 4 puntos/);
  saw(await worker.answer(`3, ${PROGRESS.clientObstacles}`), /Sustancialmente conseguida/);
  saw(await worker.type(`avance ${caseId} tarea 2`), /escala de 4 puntos/);
  saw(await worker.answer(`sin oportunidad, ${PROGRESS.workerObstacles}`), /Sin oportunidad/);
}

async function firstReview(caseId: string) {
  saw(await worker.type(`revisión ${caseId}`), /Ámbito 1 de/);
  saw(await worker.answer('igual salvo vivienda 3'), /¿Qué decides para el caso\?/);
  saw(await worker.answer('Continuar'), /Próxima revisión propuesta/);
  saw(await worker.answer('ok'), /Nota de la reevaluación/);
  saw(await worker.answer(FIRST_REVIEW_NOTE), /Decisión: Continuar/);
  saw(await worker.answer('Sí'), new RegExp(`Reevaluación guardada en el caso ${caseId}`));
}

async function finalReviewAndClosure(caseId: string) {
  saw(await worker.type(`revisión ${caseId}`), /Ámbito 1 de/);
  saw(await worker.answer('igual salvo vivienda 4'), /¿Qué decides para el caso\?/);
  saw(await worker.answer('Cerrar el caso'), /Nota de la reevaluación/);
  saw(await worker.answer(FINAL_REVIEW_NOTE), /el caso pasa al cierre/);
  saw(await worker.answer('Sí'), /¿Por qué se cierra el caso\?/);
  saw(await worker.answer('Objetivos cumplidos'), /¿Resultado\?/);
  saw(await worker.answer('Logrado'), /¿Cómo termina\?/);
  saw(await worker.answer('Completada'), /Resumen del cierre/);
  saw(await worker.answer(CLOSURE_SUMMARY), /¿Cierro el caso\?/);
  saw(await worker.answer('Sí'), new RegExp(`Caso ${caseId} cerrado`));
}

// ---- the journey ----

function countsTable(): string {
  const line = (name: string, typed: number, pressed: number) =>
    `  ${name.padEnd(26)} ${String(typed).padStart(5)} ${String(pressed).padStart(7)} ${String(typed + pressed).padStart(5)}`;
  return [
    'Typed and pressed on the card journey:',
    `  ${'segment'.padEnd(26)} typed pressed total`,
    ...[...perSegment].map(([name, n]) => line(name, n.typed, n.pressed)),
    line('total', worker.sent.typed, worker.sent.pressed),
  ].join('\n');
}

async function storedCase(): Promise<Case> {
  if (!journey.caseId) throw new Error('the journey did not open a case');
  return JSON.parse(await readFile(join(dataDir, 'cases', `${journey.caseId}.json`), 'utf8')) as Case;
}

describe('a worker takes one client from intake to closure in Teams, with cards', () => {
  it('walks every step pressing the cards the bot sends', async () => {
    journey.caseId = await segment('intake', DAYS.intake, intake);
    const { caseId } = journey;
    await segment('assessment', DAYS.assessment, () => assessment(caseId));
    await segment('SMART goal', DAYS.assessment, () => smartGoal(caseId));
    await segment('contract', DAYS.assessment, () => contract(caseId));
    await segment('client task', DAYS.assessment, () => clientTask(caseId));
    await segment('worker task', DAYS.assessment, () => workerTask(caseId));
    await segment('referral', DAYS.referral, () => referral(caseId));
    await segment('referral accepted', DAYS.accepted, () => referralAccepted(caseId));
    await segment('contact', DAYS.accepted, () => contact(caseId));
    await segment('advocacy', DAYS.accepted, () => advocacy(caseId));
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
