// The casework issue's "done when": one worker takes one client from intake to closure
// entirely in chat, in Spanish, over HTTP (the real server and CloudAdapter, replies through
// the stand-in Bot Connector), with the clock moving on between phases. Then the stored case
// record is read from its file on disk and checked field by field, and the audit log too.
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/domain/config.js';
import { addDays } from '../../src/domain/dates.js';
import { AuditEntrySchema, CaseSchema, LIFE_DOMAINS, type AuditEntry, type Case } from '../../src/domain/schemas.js';
import { DEMO_SERVICES } from '../../src/demo/services.js';
import { JsonStore } from '../../src/store/jsonStore.js';
import { send } from './support/botClient.js';
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
  FIRST_REVIEW_DUE,
  FIRST_REVIEW_NOTE,
  GOAL,
  NOTES,
  PLAN_END,
  PROBLEMS,
  PROGRESS,
  REFERRAL_NOTE,
  SECOND_REVIEW_DUE,
  STRENGTHS,
  WORKER_TASK,
  advance,
  advocacy,
  assessment,
  clientTask,
  contactAfterClosure,
  contactVisit,
  contract,
  finalReviewAndClosure,
  firstReview,
  intake,
  officeHours,
  progress,
  referral,
  smartGoal,
  workerTask,
  type Exchange,
} from './support/journeySteps.js';
import { casesOnDisk, seededDataDir, startInProcess } from './support/seededBot.js';

const WORKER = 'worker-1';
const moderate = defaultConfig.intensity.moderate;
/** Replies that mean the bot did not take an answer, or failed: none is expected on this journey. */
const TROUBLE =
  /Algo ha fallado|No te he entendido|Elige una opción|Responde «sí» o «no»|No he entendido la fecha|Necesito una respuesta|Escribe un número entero|Escribe un nivel del 1 al 5|No he guardado|no he guardado/;

const at = (day: string) => officeHours(day).toISOString();
const clock = { now: officeHours(DAYS.intake) };
let dataDir: string;
let bot: Awaited<ReturnType<typeof startInProcess>>;
let connector: ConnectorStandIn;
/** The most messages the worker may type from the first greeting to the closed case. */
const MESSAGE_BUDGET = 80;
/** Filled in by the conversation; the record checks below read the case it opened. */
const journey = { caseId: '', offeredCheckInDays: 0, messagesSent: 0, repliesReceived: 0 };
/** Messages typed in each segment of the journey, in order. */
const typedPerSegment = new Map<string, number>();

beforeAll(async () => {
  // A folder of our own: the record checks run after the conversation, in later tests.
  dataDir = await mkdtemp(join(tmpdir(), 'enlace-journey-'));
  await seededDataDir({ dataDir });
  const store = await JsonStore.open(dataDir);
  for (const service of DEMO_SERVICES) await store.repositories.services.put(service);
  await store.close();
  bot = await startInProcess(dataDir, () => clock.now);
  connector = await startConnectorStandIn();
});

afterAll(async () => {
  await bot?.stop();
  await connector?.close();
  await rm(dataDir, { recursive: true, force: true });
});

/**
 * Sends each message in turn and checks its replies; returns the replies to each, joined.
 * A missing reply or an error stops the journey; a reply that does not show what it should
 * is reported and the journey goes on, so that one run names every step that misbehaves.
 */
async function talk(segment: string, exchanges: Exchange[]): Promise<string[]> {
  const all: string[] = [];
  for (const { say, expect: shows, absent } of exchanges) {
    const replies = await send(bot.loopbackUrl, connector, WORKER, say);
    journey.messagesSent++;
    typedPerSegment.set(segment, (typedPerSegment.get(segment) ?? 0) + 1);
    journey.repliesReceived += replies.length;
    const joined = replies.join('\n');
    expect(replies.length, `no reply to "${say}"`).toBeGreaterThan(0);
    expect(joined, `reply to "${say}"`).not.toMatch(TROUBLE);
    expect.soft(joined, `reply to "${say}"`).toMatch(shows);
    if (absent) expect.soft(joined, `reply to "${say}"`).not.toMatch(absent);
    all.push(joined);
  }
  return all;
}

/** The messages typed per segment and in all, one line each. */
function typedTable(): string {
  const line = (name: string, typed: number) => `  ${name.padEnd(26)} ${String(typed).padStart(3)}`;
  return ['Messages typed on the journey:', ...[...typedPerSegment].map(([segment, typed]) => line(segment, typed)), line('total', journey.messagesSent)].join(
    '\n',
  );
}

async function storedCase(): Promise<Case> {
  if (!journey.caseId) throw new Error('the conversation did not open a case');
  const stored = (await casesOnDisk(dataDir)).find((record) => record.id === journey.caseId);
  if (!stored) throw new Error(`case ${journey.caseId} is not on disk`);
  return stored;
}

async function auditLines(): Promise<string[]> {
  const folder = join(dataDir, 'audit');
  const files = (await readdir(folder)).filter((f) => f.endsWith('.jsonl')).sort();
  const texts = await Promise.all(files.map((f) => readFile(join(folder, f), 'utf8')));
  return texts.flatMap((text) => text.split('\n').filter(Boolean));
}

describe('a worker takes one client from intake to closure, in Spanish chat over HTTP', () => {
  it('walks every step of the process in chat and ends with the case closed and read-only', async () => {
    clock.now = officeHours(DAYS.intake);
    const opened = await talk('intake', intake());
    journey.caseId = /Caso (C-[A-Z0-9]{6}) abierto/.exec(opened.at(-1)!)![1]!;
    const { caseId } = journey;

    clock.now = officeHours(DAYS.assessment);
    await talk('assessment', assessment(caseId));
    await talk('SMART goal', smartGoal(caseId));
    await talk('contract', contract(caseId));
    const taskReplies = await talk('client task', clientTask(caseId));
    journey.offeredCheckInDays = Number(/Seguimiento: cada (\d+) días/.exec(taskReplies.at(-2)!)![1]);
    await talk('worker task', workerTask(caseId));

    clock.now = officeHours(DAYS.referral);
    await talk('referral', referral(caseId));

    clock.now = officeHours(DAYS.accepted);
    await talk('referral accepted', advance(caseId, { from: 'Derivada', to: 'aceptada', toLabel: 'Aceptada' }));
    await talk('contact', contactVisit(caseId));
    await talk('advocacy', advocacy(caseId));

    clock.now = officeHours(DAYS.progress);
    await talk('progress', progress(caseId));

    clock.now = officeHours(DAYS.firstReview);
    await talk('first review', firstReview(caseId));

    clock.now = officeHours(DAYS.finalReview);
    await talk('final review and closure', finalReviewAndClosure(caseId));
    const closed = await storedCase();

    // Read-only: a contact on the closed case is refused and nothing changes.
    clock.now = new Date(clock.now.getTime() + 60 * 60 * 1000);
    await talk('contact after closure', contactAfterClosure(caseId));
    expect(await storedCase()).toEqual(closed);

    // Every reply went to the worker's conversation, in reply to the message that caused it.
    const sent = connector.received.filter((r) => r.conversationId === `conv-${WORKER}`);
    expect(sent).toHaveLength(journey.repliesReceived);
    expect(sent.every((r) => r.replyToId && r.activity.type === 'message' && r.activity.recipient?.id === WORKER)).toBe(true);
  }, 120_000);

  it('stored the client profile, consent, model and priority as typed at intake', async () => {
    const record = await storedCase();
    expect(record.id).toBe(journey.caseId);
    expect(record.workerId).toBe(WORKER);
    expect(record.team).toBe('norte');
    expect(record.sharedWith).toEqual([]);
    expect(record.createdAt).toBe(at(DAYS.intake));
    expect(record.client).toEqual({ kind: 'individual', name: CLIENT.name, contact: CLIENT.contact, language: 'es', timeZone: 'Europe/Madrid' });
    expect(record.referralSource).toBe(CLIENT.referralSource);
    expect(record.intakeDate).toBe(DAYS.intake);
    expect(record.consent).toEqual({ dataProcessing: true, messaging: true, recordedAt: at(DAYS.intake), recordedBy: WORKER });
    expect(record.model).toBe('brokerage');
    expect(record.priority).toBe('medium');
    expect(record.budget).toBeUndefined();
  });

  it('stored the initial assessment, strengths first, with the intensity, contact and review the config gives', async () => {
    const record = await storedCase();
    expect(record.assessmentDraft).toBeUndefined();
    expect(record.assessments.map((a) => a.kind)).toEqual(['initial', 'review', 'review']);
    const [initial] = record.assessments;
    expect(initial).toEqual({
      id: expect.stringMatching(/^A-[A-Z0-9]{6}$/),
      kind: 'initial',
      by: WORKER,
      startedAt: at(DAYS.assessment),
      completedAt: at(DAYS.assessment),
      ratings: ASSESSED_LEVELS,
      strengths: STRENGTHS,
      clientView: CLIENT_VIEW,
      aspirations: ASPIRATIONS,
      context: CONTEXT,
      notes: NOTES,
      safetyConcern: false,
      intensity: 'moderate',
      contactEveryDays: moderate.contactEveryDays,
      nextReviewDate: FIRST_REVIEW_DUE,
    });
    expect(Object.keys(initial!.ratings).sort()).toEqual([...LIFE_DOMAINS].sort());
    expect(FIRST_REVIEW_DUE).toBe(addDays(DAYS.assessment, moderate.reviewAfterDays));
    // No domain in crisis and no safety concern: no alert for the supervisor.
    expect(record.alerts).toEqual([]);
  });

  it('stored the SMART goal the bot coached out of a vague wish, with the client agreement', async () => {
    const record = await storedCase();
    expect(record.goals).toEqual([
      {
        id: expect.stringMatching(/^G-[A-Z0-9]{6}$/),
        domain: 'housing',
        text: GOAL.ownStep,
        actor: CLIENT.name,
        indicator: GOAL.indicator,
        target: GOAL.target,
        deadline: DAYS.goalDeadline,
        support: GOAL.support,
        obstacles: GOAL.obstacles,
        dependsOnThirdParty: false,
        agreement: { at: at(DAYS.assessment), recordedBy: WORKER },
        status: expect.any(String),
        createdAt: at(DAYS.assessment),
        createdBy: WORKER,
      },
    ]);
  });

  it('marks the goal achieved once the closure records it achieved', async () => {
    const record = await storedCase();
    expect(record.closure?.outcomes).toEqual([{ goalId: record.goals[0]!.id, outcome: 'achieved' }]);
    expect(record.goals[0]!.status).toBe('achieved');
  });

  it('stored the Task-Centered contract and both tasks with the commitments and progress entries', async () => {
    const record = await storedCase();
    const goalId = record.goals[0]!.id;
    expect(record.contract).toEqual({
      id: expect.stringMatching(/^P-[A-Z0-9]{6}$/),
      targetProblems: PROBLEMS.map((text) => ({ text, acknowledgedByClient: true })),
      sessions: defaultConfig.taskCentered.sessions,
      startDate: DAYS.assessment,
      endDate: PLAN_END,
      createdAt: at(DAYS.assessment),
      createdBy: WORKER,
    });
    const committed = { at: at(DAYS.assessment), confirmedBy: WORKER };
    expect(journey.offeredCheckInDays).toBeGreaterThan(0);
    expect(record.tasks).toEqual([
      {
        id: expect.stringMatching(/^T-[A-Z0-9]{6}$/),
        goalId,
        description: CLIENT_TASK.description,
        owner: 'client',
        dueDate: DAYS.clientTaskDue,
        obstacles: [{ text: CLIENT_TASK.obstacle, kind: 'internal' }],
        checkInEveryDays: journey.offeredCheckInDays,
        commitment: committed,
        // Still open when the case was closed: ended with it.
        status: 'closedWithCase',
        progress: [{ at: at(DAYS.progress), rating: 3, obstacles: PROGRESS.clientObstacles, source: 'worker', by: WORKER }],
        createdAt: at(DAYS.assessment),
        createdBy: WORKER,
      },
      {
        id: expect.stringMatching(/^T-[A-Z0-9]{6}$/),
        goalId,
        description: WORKER_TASK.description,
        owner: 'worker',
        dueDate: DAYS.workerTaskDue,
        obstacles: [],
        checkInEveryDays: WORKER_TASK.checkInEveryDays,
        commitment: committed,
        status: 'closedWithCase',
        progress: [{ at: at(DAYS.progress), rating: 'noOpportunity', obstacles: PROGRESS.workerObstacles, source: 'worker', by: WORKER }],
        createdAt: at(DAYS.assessment),
        createdBy: WORKER,
      },
    ]);
  });

  it('stored the referral with its status history, the contact and the macro advocacy entry', async () => {
    const record = await storedCase();
    expect(record.referrals).toEqual([
      {
        id: expect.stringMatching(/^R-[A-Z0-9]{6}$/),
        serviceId: 'SV-VIVIEN',
        category: 'housing',
        // Recorded at closure: the worker gives each active referral its final state.
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
  });

  it('stored both reviews with their re-rated assessments and decisions, then the closure', async () => {
    const record = await storedCase();
    const [initial, firstRerating, finalRerating] = record.assessments;
    const reviewAssessment = (day: string, housing: number) => ({
      id: expect.stringMatching(/^V-[A-Z0-9]{6}$/),
      kind: 'review',
      by: WORKER,
      startedAt: at(day),
      completedAt: at(day),
      ratings: { ...ASSESSED_LEVELS, housing },
      strengths: initial!.strengths,
      context: {},
      notes: {},
      intensity: 'moderate',
      contactEveryDays: moderate.contactEveryDays,
      nextReviewDate: addDays(day, moderate.reviewAfterDays),
    });
    expect(firstRerating).toEqual(reviewAssessment(DAYS.firstReview, 3));
    expect(finalRerating).toEqual(reviewAssessment(DAYS.finalReview, 4));
    expect(record.reviews).toEqual([
      {
        id: expect.stringMatching(/^RV-[A-Z0-9]{6}$/),
        at: at(DAYS.firstReview),
        by: WORKER,
        assessmentId: firstRerating!.id,
        decision: 'continue',
        nextReviewDate: SECOND_REVIEW_DUE,
        note: FIRST_REVIEW_NOTE,
      },
      {
        id: expect.stringMatching(/^RV-[A-Z0-9]{6}$/),
        at: at(DAYS.finalReview),
        by: WORKER,
        assessmentId: finalRerating!.id,
        decision: 'close',
        nextReviewDate: addDays(DAYS.finalReview, moderate.reviewAfterDays),
        note: FINAL_REVIEW_NOTE,
      },
    ]);
    // The intensity the assessment recommended, never changed by a review.
    expect(record.intensity).toBe('moderate');
    expect(record.contactEveryDays).toBe(moderate.contactEveryDays);
    // A closed case has no review due.
    expect(record.nextReviewDate).toBeUndefined();

    expect(record.closure).toEqual({
      at: at(DAYS.finalReview),
      by: WORKER,
      reason: 'goalsMet',
      outcomes: [{ goalId: record.goals[0]!.id, outcome: 'achieved' }],
      referralOutcomes: [{ referralId: record.referrals[0]!.id, status: 'completed' }],
      summary: CLOSURE_SUMMARY,
    });
    expect(record.status).toBe('closed');
    expect(record.updatedAt).toBe(at(DAYS.finalReview));
    expect(record.reopenings).toEqual([]);
  });

  it('stored a record the Case schema accepts whole', async () => {
    const parsed = CaseSchema.safeParse(await storedCase());
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
  });

  it('audited every read and change of the case by ids only, never the client name', async () => {
    const lines = await auditLines();
    const entries: AuditEntry[] = lines.map((line) => AuditEntrySchema.parse(JSON.parse(line)));
    const ours = entries.filter((e) => e.caseId === journey.caseId);
    expect(ours.length).toBeGreaterThan(0);
    expect(ours.every((e) => e.actor === WORKER && e.outcome === 'ok')).toBe(true);
    for (const line of lines) expect(Object.keys(JSON.parse(line)).sort()).toEqual(['action', 'actor', 'at', 'caseId', 'outcome']);

    const changes = ours.map((e) => e.action).filter((action) => !/\.(read|start|list)$/.test(action));
    expect(changes).toEqual([
      'case.create',
      'assessment.save',
      'goal.create',
      'contract.save',
      'task.create',
      'task.create',
      'referral.create',
      'referral.advance',
      'referral.advance',
      'contact.create',
      'advocacy.create',
      'task.progress',
      'task.progress',
      'review.save',
      'review.save',
      'case.close',
    ]);
    const reads = new Set(ours.map((e) => e.action).filter((action) => /\.(read|start)$/.test(action)));
    expect([...reads].sort()).toEqual([
      'assessment.read',
      'case.read',
      'closure.read',
      'contract.read',
      'goal.start',
      'referral.read',
      'review.read',
      'task.read',
    ]);
    // Each entry is stamped with the journey's clock.
    expect(ours[0]!.at).toBe(at(DAYS.intake));
    expect(ours.at(-1)!.at > at(DAYS.finalReview)).toBe(true);

    const raw = lines.join('\n');
    for (const personal of [CLIENT.name, 'Carmen', 'Ortega', CLIENT.contact, CONTACT.note, GOAL.ownStep]) expect(raw).not.toContain(personal);
  });

  it('exchanged the whole journey in chat, every typed message answered', () => {
    console.log(typedTable());
    expect([...typedPerSegment.values()].reduce((a, b) => a + b, 0)).toBe(journey.messagesSent);
    expect(journey.repliesReceived).toBeGreaterThanOrEqual(journey.messagesSent);
  });

  it(`takes the worker at most ${MESSAGE_BUDGET} typed messages from the greeting to the closed case`, () => {
    expect(journey.messagesSent).toBeGreaterThan(0);
    expect(journey.messagesSent, typedTable()).toBeLessThanOrEqual(MESSAGE_BUDGET);
  });
});
