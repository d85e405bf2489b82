// The bot speaks first, end to end: the entry point as a real process whose clock is set
// by the system (libfaketime), over HTTP against the connector stand-in. The evening
// before, the worker types a client task due «mañana a las 10»; the next morning the
// process starts at 09:59:30 in Madrid, the check-in prompt reaches the client at 10:00,
// the client answers it in chat and the worker sees the rating; a crisis recorded at
// assessment reaches the supervisor within a minute; an overdue review reaches the
// supervisor, and through the supervisor's decision the worker. The process is killed with
// SIGKILL at six points and started again on the same clock: nothing is sent twice, and
// nothing is lost.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultSchedulerOptions } from '../../src/app/scheduler.js';
import type { OutboxRecord } from '../../src/domain/followups/outbox.js';
import type { Case } from '../../src/domain/schemas.js';
import { caseRecord } from '../support/records.js';
import { send } from './support/botClient.js';
import { killLeftoverBots, startBotProcess, type ListeningBot } from './support/botProcess.js';
import { startConnectorStandIn, type ConnectorStandIn, type ReceivedActivity } from './support/connectorStandIn.js';
import { jobsOnDisk, recordsOnDisk } from './support/followUpWorld.js';
import { ASPIRATIONS, ASSESSED_LEVELS, CLIENT_VIEW, CONTEXT, NOTES, STRENGTHS, type Exchange } from './support/journeySteps.js';
import { casesOnDisk, conversationRef, seededDataDir } from './support/seededBot.js';
import { ShiftedClock } from './support/systemClock.js';

const TEST_TIMEOUT = 300_000;
const SECOND = 1000;

/** 18:00 in Madrid (CET, UTC+1) the evening before the task is due. */
const EVENING_BEFORE = '2026-12-01T17:00:00Z';
/** 09:59:30 in Madrid on the due date: half a minute before the check-in. */
const DUE_MORNING = '2026-12-02T08:59:30Z';
/** 10:00 in Madrid on the due date. */
const CHECK_IN_AT = '2026-12-02T09:00:00.000Z';
/** Sending a message takes a moment after the round that sends it begins. */
const SENDING_ALLOWANCE_MS = 2 * SECOND;

const CLIENT_CASE = 'C-TAREA2';
const REVIEW_CASE = 'C-REVSN3';
const CRISIS_CASE = 'C-CR7S7S';
const CLIENT = 'client-rosa';
const WORKER = 'worker-1';
const SUPERVISOR = 'super-1';
const TASK = 'Pedir cita en el centro de salud';

const PROMPT = `Hola. ¿Cómo va tu tarea «${TASK}»? Contéstame aquí cuando quieras.`;
const overdueDigest = (daysLate: number) =>
  `Reevaluación vencida · Luis R. (${REVIEW_CASE}), de Lucía Martín: prevista el martes, 10 de noviembre de 2026 (${daysLate} días de retraso).\n\n` +
  'Para decidir escribe la referencia del caso y una de estas palabras: «continuar», «cambiar enfoque», «cerrar» o «recordar al profesional».';
const workerOverdue = (daysLate: number) =>
  `Reevaluación vencida · Luis R. (${REVIEW_CASE}): era el martes, 10 de noviembre de 2026 (${daysLate} días de retraso). Para hacerla escribe «reevaluación ${REVIEW_CASE}».`;
const ESCALATION = `Alerta · Carmen O. (${CRISIS_CASE}), de Lucía Martín: un ámbito en crisis (nivel 1) en la valoración. Para verlo escribe «ver caso ${CRISIS_CASE}».`;
const REMINDER = `Recordatorio de Marta Gil · Luis R. (${REVIEW_CASE}): la reevaluación prevista el martes, 10 de noviembre de 2026 sigue sin hacerse. Para verlo escribe «ver caso ${REVIEW_CASE}».`;
const RATING_LINE = 'Grado de logro del miércoles, 2 de diciembre de 2026 (respuesta de la persona): Totalmente conseguida';

const client = (name: string) => ({ kind: 'individual' as const, name, contact: '600 000 000', language: 'es' as const, timeZone: 'Europe/Madrid' });

let connector: ConnectorStandIn;
beforeEach(async () => {
  connector = await startConnectorStandIn();
});
afterEach(async () => {
  await killLeftoverBots();
  await connector.close();
});

/** Polls `check` until it gives a value; fails at the deadline, or at once if `bot` is no longer running. */
async function until<T>(
  what: string,
  check: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 15 * SECOND,
  bot?: ListeningBot,
  pollMs = 20,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    const ended = bot && (bot.child.exitCode ?? bot.child.signalCode);
    if (ended !== null && ended !== undefined)
      throw new Error(`${what}: the bot process ended (${ended}) first; its output:\n${bot!.stdout()}${bot!.stderr()}`);
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

/** The follow-ups the stand-in accepted for `user`'s chat, in order. */
const followUpsTo = (user: string): ReceivedActivity[] => connector.proactiveTo(`conv-${user}`);
const textsTo = (user: string): string[] => followUpsTo(user).map((r) => r.activity.text ?? '');

async function lastRoundAt(bot: ListeningBot): Promise<Date | undefined> {
  const health = (await (await fetch(`${bot.url}/healthz`)).json()) as { followUps: { lastRunAt: string | null } };
  return health.followUps.lastRunAt === null ? undefined : new Date(health.followUps.lastRunAt);
}

/**
 * Starts the entry point on `clock` and waits for its first scheduler round, which must
 * have run on that clock (libfaketime loaded), not on the real one.
 */
async function startOn(dataDir: string, clock: ShiftedClock): Promise<{ bot: ListeningBot; firstRound: Date }> {
  const spawned = clock.at();
  const bot = await startBotProcess(dataDir, clock.env());
  const firstRound = await until('the first round after start', () => lastRoundAt(bot), 15 * SECOND, bot);
  const expected = `between ${spawned.toISOString()} and ${clock.at().toISOString()}`;
  if (firstRound < new Date(spawned.getTime() - SECOND) || firstRound > new Date(clock.at().getTime() + SECOND)) {
    throw new Error(`the bot process is not on the clock set for it: its first round was at ${firstRound.toISOString()}, expected ${expected}`);
  }
  return { bot, firstRound };
}

async function killed(bot: ListeningBot): Promise<void> {
  expect(await bot.stop('SIGKILL')).toEqual({ code: null, signal: 'SIGKILL' });
}

/**
 * SIGKILL as soon as the bot has recorded that the connector accepted `message` (its outbox
 * record is on disk), or once its jobs are also marked sent; returns the states they were left in.
 */
async function killedOnceRecorded(bot: ListeningBot, dataDir: string, message: ReceivedActivity, moment: 'accepted' | 'markedSent'): Promise<string> {
  const jobs = await until(
    `the message ${moment === 'accepted' ? 'recorded in the outbox' : 'marked sent'}`,
    async () => {
      const records = await recordsOnDisk<OutboxRecord>(dataDir, 'outbox');
      const ids = records.filter((r) => r.deliveries.some((d) => d.activityId === message.activity.id)).map((r) => r.id);
      const carried = (await jobsOnDisk(dataDir)).filter((job) => ids.includes(job.id));
      const ready = carried.length > 0 && (moment === 'accepted' || carried.every((job) => job.status === 'sent'));
      return ready ? carried : undefined;
    },
    5 * SECOND,
    bot,
    1,
  );
  await killed(bot);
  const left = await jobsOnDisk(dataDir);
  return jobs.map((job) => `${job.kind} job left ${left.find((j) => j.id === job.id)?.status}`).join(', ');
}

async function exchange(bot: ListeningBot, user: string, exchanges: Exchange[]): Promise<void> {
  for (const { say, expect: shows } of exchanges) {
    const replies = (await send(bot.url, connector, user, say)).join('\n');
    expect(replies, `the reply to «${say}»`).toMatch(shows);
  }
}

/** The worker types the client's task, the evening before, due «mañana a las 10». */
const clientTask: Exchange[] = [
  { say: `tarea ${CLIENT_CASE}`, expect: /¿Qué hay que hacer\?/ },
  { say: TASK, expect: /¿Quién la hace\?/ },
  { say: 'persona usuaria', expect: /¿Para cuándo\?/ },
  { say: 'mañana a las 10', expect: /Entiendo: miércoles, 2 de diciembre de 2026, a las 10:00\. ¿Es correcto\?/ },
  { say: 'sí', expect: /Obstáculo previsto 1/ },
  { say: 'no', expect: /Resumen de la tarea:[\s\S]*Para el: miércoles, 2 de diciembre de 2026[\s\S]*se compromete/ },
  { say: 'sí', expect: new RegExp(`Tarea T-[A-Z0-9]{6} guardada en el caso ${CLIENT_CASE}`) },
];

/** An initial assessment with housing at 1 (in crisis), up to the result; confirming it is timed apart. */
function crisisAssessment(caseId: string): Exchange[] {
  const levels = Object.entries(ASSESSED_LEVELS).map(([domain, level]) => (domain === 'housing' ? '1' : String(level ?? 'n/a')));
  return [
    { say: `valoración ${caseId}`, expect: /Fortalezas personales/ },
    { say: STRENGTHS.personal, expect: /Fortalezas de la familia/ },
    { say: STRENGTHS.family, expect: /Fortalezas en la comunidad/ },
    { say: STRENGTHS.community, expect: /Cómo ve la persona su situación/ },
    { say: CLIENT_VIEW, expect: /aspiraciones/ },
    { say: ASPIRATIONS, expect: /Contexto económico/ },
    { say: CONTEXT.economic, expect: /Contexto social/ },
    { say: CONTEXT.social, expect: /Contexto familiar/ },
    { say: CONTEXT.family, expect: /Contexto institucional/ },
    { say: CONTEXT.institutional, expect: /Ámbito 1 de 15/ },
    ...levels.map((level, i) => ({ say: level, expect: i < levels.length - 1 ? new RegExp(`Ámbito ${i + 2} de 15`) : /preocupación por la seguridad/ })),
    { say: 'no', expect: /Nota micro/ },
    { say: NOTES.micro, expect: /Nota meso/ },
    { say: NOTES.meso, expect: /Nota macro/ },
    { say: NOTES.macro, expect: new RegExp(`Resultado de la valoración del caso ${caseId}[\\s\\S]*vivienda \\(1\\)`) },
  ];
}

async function seed(): Promise<string> {
  return seededDataDir({
    cases: [
      caseRecord({ id: CLIENT_CASE, client: client('Rosa M.') }),
      // Its review was due three weeks ago: overdue, each working morning at 09:00.
      caseRecord({ id: REVIEW_CASE, client: client('Luis R.'), nextReviewDate: '2026-11-10' }),
      caseRecord({ id: CRISIS_CASE, client: client('Carmen O.') }),
    ],
    clientLinks: [{ id: CLIENT, caseId: CLIENT_CASE, linkedAt: '2026-11-01T09:00:00.000Z', codeId: `L-${CLIENT}` }],
    conversationRefs: [CLIENT, WORKER, SUPERVISOR].map((user) => conversationRef(user, `conv-${user}`, connector.serviceUrl)),
  });
}

describe('the bot speaks first, in a process on a clock set by the system', () => {
  it(
    'prompts the client at 10:00 their time, takes the answer in chat, escalates a crisis within a minute, tells of an overdue review, and six SIGKILLs change none of it',
    async () => {
      const begun = Date.now();
      const dataDir = await seed();
      const killPoints: string[] = [];

      // The evening before: the supervisor gets that morning's overdue review at start; the worker types the task.
      const evening = await ShiftedClock.readingNow(EVENING_BEFORE);
      let { bot } = await startOn(dataDir, evening);
      await until('the overdue review of the first day', () => (followUpsTo(SUPERVISOR).length > 0 ? true : undefined), 15 * SECOND, bot);
      await until("the worker's overdue review of the first day", () => (followUpsTo(WORKER).length > 0 ? true : undefined), 15 * SECOND, bot);
      await exchange(bot, WORKER, clientTask);
      await killed(bot);
      killPoints.push('1. right after the task was saved (evening before)');

      // The due date, 09:59:30 in Madrid, the bot down overnight.
      const morning = await ShiftedClock.readingNow(DUE_MORNING);
      const started = await startOn(dataDir, morning);
      bot = started.bot;
      // The bot was polling before 10:00 and sent the client nothing then.
      expect(started.firstRound.getTime()).toBeLessThan(Date.parse(CHECK_IN_AT));
      expect(followUpsTo(CLIENT)).toEqual([]);
      const scheduled = (await send(bot.url, connector, WORKER, `programados ${CLIENT_CASE}`)).join('\n');
      expect(scheduled).toContain(`miércoles, 2 de diciembre de 2026, 10:00 · pregunta de seguimiento sobre «${TASK}» · para la persona`);
      await until('the overdue review of the second day', () => (followUpsTo(SUPERVISOR).length > 1 ? true : undefined), 15 * SECOND, bot);
      await until("the worker's overdue review of the second day", () => (followUpsTo(WORKER).length > 1 ? true : undefined), 15 * SECOND, bot);

      const prompt = await until('the check-in prompt', () => followUpsTo(CLIENT)[0], defaultSchedulerOptions.pollMs + 15 * SECOND, bot);
      const promptAt = morning.at(prompt.at);
      expect(prompt.activity.text).toBe(PROMPT);
      expect(promptAt.getTime()).toBeGreaterThanOrEqual(Date.parse(CHECK_IN_AT));
      expect(promptAt.getTime()).toBeLessThanOrEqual(Date.parse(CHECK_IN_AT) + defaultSchedulerOptions.pollMs + SENDING_ALLOWANCE_MS);
      killPoints.push(`2. as soon as the prompt's job was marked sent (${await killedOnceRecorded(bot, dataDir, prompt, 'markedSent')})`);

      // The client answers the prompt in chat.
      ({ bot } = await startOn(dataDir, morning));
      expect((await send(bot.url, connector, CLIENT, 'sí, ya lo hice')).join('\n')).toContain('¿Algo te lo puso difícil?');
      await killed(bot);
      killPoints.push("3. in the middle of the client's check-in");
      ({ bot } = await startOn(dataDir, morning));
      expect((await send(bot.url, connector, CLIENT, 'no')).join('\n')).toContain('¿Quieres ayuda de tu profesional?');
      expect((await send(bot.url, connector, CLIENT, 'no')).join('\n')).toContain('¡Gracias! Ya lo he guardado.');
      await killed(bot);
      killPoints.push("4. right after the client's last answer");

      // The worker sees the rating, then assesses another case with a domain in crisis.
      ({ bot } = await startOn(dataDir, morning));
      expect((await send(bot.url, connector, WORKER, `ver caso ${CLIENT_CASE}`)).join('\n')).toContain(RATING_LINE);
      await exchange(bot, WORKER, crisisAssessment(CRISIS_CASE));
      const confirmedAt = Date.now();
      const saved = (await send(bot.url, connector, WORKER, 'sí')).join('\n');
      expect(saved).toMatch(
        new RegExp(`Valoración guardada en el caso ${CRISIS_CASE}[\\s\\S]*He registrado el aviso a supervisión: ámbito en crisis: vivienda`),
      );
      const escalation = await until('the escalation', () => followUpsTo(SUPERVISOR)[2], 60 * SECOND, bot);
      const crisisLatencyMs = escalation.at - confirmedAt;
      expect(escalation.activity.text).toBe(ESCALATION);
      expect(crisisLatencyMs).toBeLessThan(60 * SECOND);
      killPoints.push(`5. as soon as the escalation's acceptance was on disk (${await killedOnceRecorded(bot, dataDir, escalation, 'accepted')})`);

      // The supervisor decides on the overdue review: remind the worker, who hears at once.
      ({ bot } = await startOn(dataDir, morning));
      expect((await send(bot.url, connector, SUPERVISOR, `${REVIEW_CASE} recordar al profesional`)).join('\n')).toContain(
        `Decisión registrada en el caso ${REVIEW_CASE}`,
      );
      const reminder = await until('the reminder to the worker', () => followUpsTo(WORKER)[2], 15 * SECOND, bot);
      expect(reminder.activity.text).toBe(REMINDER);
      killPoints.push(`6. as soon as the reminder's acceptance was on disk (${await killedOnceRecorded(bot, dataDir, reminder, 'accepted')})`);

      // After the last start and its round: the decision stands, the rating is still there, and nothing went twice.
      ({ bot } = await startOn(dataDir, morning));
      expect((await send(bot.url, connector, SUPERVISOR, `${REVIEW_CASE} recordar al profesional`)).join('\n')).toContain(
        `El caso ${REVIEW_CASE} no tiene avisos sin decidir.`,
      );
      expect((await send(bot.url, connector, WORKER, `ver caso ${CLIENT_CASE}`)).join('\n')).toContain(RATING_LINE);
      expect(textsTo(CLIENT)).toEqual([PROMPT]);
      expect(textsTo(SUPERVISOR)).toEqual([overdueDigest(21), overdueDigest(22), ESCALATION]);
      expect(textsTo(WORKER)).toEqual([workerOverdue(21), workerOverdue(22), REMINDER]);
      expect(connector.posts.filter((post) => post.status !== 200)).toEqual([]);
      const followUpIds = connector.posts.filter((post) => post.replyToId === undefined).map((post) => post.activity.id);
      expect(new Set(followUpIds).size).toBe(followUpIds.length);

      const cases = new Map((await casesOnDisk(dataDir)).map((record): [string, Case] => [record.id, record]));
      const [task, ...otherTasks] = cases.get(CLIENT_CASE)!.tasks;
      expect(otherTasks).toEqual([]);
      expect(task!.dueDate).toBe('2026-12-02');
      expect(task!.progress.map((p) => [p.source, p.by, p.rating, p.needsHelp])).toEqual([['client', CLIENT, 4, false]]);
      expect(Date.parse(task!.lastPromptedAt!)).toBeGreaterThanOrEqual(Date.parse(CHECK_IN_AT));
      const checkIns = (await jobsOnDisk(dataDir)).filter((job) => job.kind === 'clientCheckIn');
      expect(checkIns.map((job) => [job.dueAt, job.status])).toEqual([[CHECK_IN_AT, 'sent']]);
      const [crisis, ...otherAlerts] = cases.get(CRISIS_CASE)!.alerts;
      expect(otherAlerts).toEqual([]);
      expect(crisis!.kind).toBe('domainCrisis');
      // On the bot's own clock: from the alert recorded at assessment to the connector's acceptance.
      const crisisLatencyOnBotClockMs = Date.parse(crisis!.deliveredAt!) - Date.parse(crisis!.at);
      expect(crisisLatencyOnBotClockMs).toBeLessThan(60 * SECOND);
      expect(cases.get(REVIEW_CASE)!.alerts.map((a) => [a.kind, a.decision?.choice])).toEqual([['overdueReview', 'remindWorker']]);
      expect(await bot.stop()).toEqual({ code: 0, signal: null });

      console.info(
        [
          `prompt at the connector: ${promptAt.toISOString()}, ${promptAt.getTime() - Date.parse(CHECK_IN_AT)} ms after 10:00 in Madrid (${CHECK_IN_AT}); recorded by the bot at ${task!.lastPromptedAt}`,
          `crisis: ${crisisLatencyMs} ms from the worker's confirmation to the supervisor's chat; ${crisisLatencyOnBotClockMs} ms from the alert to its delivery on the bot's clock`,
          `SIGKILL at: ${killPoints.join('; ')}`,
          `wall time: ${Date.now() - begun} ms`,
        ].join('\n'),
      );
    },
    TEST_TIMEOUT,
  );
});
