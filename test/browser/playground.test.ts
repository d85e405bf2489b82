// Browser-proven (SPEC §6): the bot in the Microsoft 365 Agents Playground, in headless
// Chromium, in Spanish. A worker opens a case, fills the assessment and sets a SMART goal
// through cards; a client answers a check-in prompt the bot sent on its own; a supervisor
// decides on an overdue review from the alert. Each person is their own Playground (its
// config names the current user); the bot runs on the demo data and a clock the test moves.
import { mkdir } from 'node:fs/promises';
import { type Browser, chromium, type Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CASE_IDS, PLAYGROUND_USERS } from '../../src/demo/demoData.js';
import { type Answer, answerCards } from './support/cardFlow.js';
import { PlaygroundChat } from './support/chatPage.js';
import { type DemoBot, startDemoBot } from './support/demoBot.js';
import { type Identity, type RunningPlayground, startPlayground } from './support/playground.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENSHOTS = new URL('../../screenshots/', import.meta.url).pathname;
/** Generous: the worker's flow is some fifty answers, each a round trip through the Playground and the page. */
const FLOW_TIMEOUT = 600_000;

/** Sunday 29 November 2026, 20:00 in Madrid: the demo is seeded; staff get nothing on a Sunday. */
const SEEDED_AT = '2026-11-29T19:00:00Z';
/** The day the worker opens the case (the bot's today in Madrid). */
const TODAY = '2026-11-29';
/** Monday 30 November, 09:00:30 in Madrid: the overdue review of C-DEMBRK reaches the supervisor. */
const MONDAY_ALERTS = '2026-11-30T08:00:30Z';
/** Monday 30 November, 10:00:30 in Madrid: Carmen's weekly check-in on her task falls due. */
const CHECK_IN_TIME = '2026-11-30T09:00:30Z';

let demo: DemoBot;
let browser: Browser;
const playgrounds: RunningPlayground[] = [];
const chats: PlaygroundChat[] = [];

beforeAll(async () => {
  await mkdir(SCREENSHOTS, { recursive: true });
  demo = await startDemoBot(SEEDED_AT);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] }).catch((error: Error) => {
    throw new Error(`Chromium did not start from ${CHROMIUM} (Debian: apt-get install -y chromium): ${error.message}`);
  });
}, 120_000);

afterAll(async () => {
  await Promise.all(chats.map((chat) => chat.close().catch(() => undefined)));
  await browser?.close();
  await Promise.all(playgrounds.map((playground) => playground.stop()));
  await demo?.stop();
}, 60_000);

/** Starts `who`'s Playground and opens it in the browser. */
async function chatAs(who: Identity): Promise<PlaygroundChat> {
  const playground = await startPlayground(who, demo.endpoint);
  playgrounds.push(playground);
  const chat = await PlaygroundChat.open(browser, playground.url, who, SCREENSHOTS);
  chats.push(chat);
  return chat;
}

const CLIENT_NAME = 'Inés Castro Vidal';
const yes: Answer = { ask: /¿Guardo|¿Es correcto|¿Está de acuerdo/, say: 'Sí' };

const INTAKE: Answer[] = [
  yes,
  { ask: /¿A quién atiende|Tipo/i, say: 'Persona' },
  { ask: /Nombre o alias/i, say: CLIENT_NAME },
  { ask: /^Contacto/i, say: '611 444 555' },
  { ask: /idioma/i, say: 'Español' },
  { ask: /Zona horaria/i, say: 'Europe/Madrid' },
  { ask: /Fuente de derivación|Derivad/i, say: 'Centro de Salud Norte' },
  { ask: /Fecha de (la )?apertura/i, say: TODAY },
  { ask: /tratamiento de (sus )?datos/i, say: 'Sí' },
  { ask: /mensajes de seguimiento/i, say: 'Sí' },
  { ask: /Modelo de gestión/i, say: 'Basado en fortalezas' },
  { ask: /Prioridad/i, say: 'Media' },
];

const ASSESSMENT: Answer[] = [
  yes,
  { ask: /Fortalezas personales/i, say: 'Constante y con ganas de volver a trabajar' },
  { ask: /Fortalezas de la familia/i, say: 'Su madre cuida de su hijo por las tardes' },
  { ask: /Fortalezas en la comunidad/i, say: 'Va a la asociación de vecinos del barrio' },
  { ask: /Cómo ve la persona su situación/i, say: 'Dice que sin trabajo no llega a fin de mes' },
  { ask: /aspiraciones|Qué quiere conseguir/i, say: 'Un empleo de media jornada' },
  { ask: /Contexto económico/i, say: 'Subsidio por desempleo que acaba en marzo' },
  { ask: /Contexto social/i, say: 'Red pequeña pero estable' },
  { ask: /Contexto familiar/i, say: 'Madre sola con un hijo de 8 años' },
  { ask: /Contexto institucional/i, say: 'Inscrita como demandante de empleo' },
  { ask: /preocupación por la seguridad/i, say: 'No' },
  { ask: /Nota micro/i, say: 'Motivada, algo insegura en las entrevistas' },
  { ask: /Nota meso/i, say: 'Buena relación con el centro de salud' },
  { ask: /Nota macro/i, say: 'Pocas ofertas de media jornada en el distrito' },
  // Every life domain «seguro» but employment, «vulnerable»: nothing for supervision to hear about.
  { ask: /Ámbito \d+ de \d+: empleo|^empleo/i, say: '2' },
  {
    ask: /Ámbito \d+ de \d+|^(ingresos|vivienda|alimentación|salud|salud mental|consumo de sustancias|educación|relaciones familiares|apoyo social|situación legal|seguridad|autonomía|movilidad|crianza)/i,
    say: '3',
  },
];

const GOAL_SENTENCE = 'Inés enviará su currículum a 3 ofertas de empleo por semana hasta el 29 de enero';
const SMART_GOAL: Answer[] = [
  yes,
  { ask: /^Quién lo hará/i, say: 'Inés' },
  { ask: /Quién hará qué|Objetivo/i, say: GOAL_SENTENCE },
  { ask: /^Fecha límite/i, say: '2027-01-29' },
  { ask: /^Apoyos/i, say: 'La trabajadora social revisa el currículum con ella' },
  { ask: /^Obstáculos/i, say: 'Poca confianza en las entrevistas' },
  { ask: /necesidad valorada|Necesidad/i, say: 'empleo' },
  { ask: /indicador se medirá|Indicador/i, say: 'Ofertas a las que envía el currículum' },
  { ask: /Qué meta|Meta/i, say: '3 ofertas por semana' },
  { ask: /se lee difícil/i, say: 'mantener' },
];

const DECISION: Answer[] = [
  yes,
  { ask: /¿Qué decides\?|Tu decisión|Decisión/i, say: 'Continuar' },
  { ask: /nota|observaci/i, say: 'Que haga la reevaluación esta semana' },
];

/** The decision recorded: said in a reply, or on the alert's card as it is refreshed (Action.Execute). */
const DECIDED = /Decisión registrada en el caso|Decidido: «Continuar»/;

/** Carmen's open task in the demo (case C-DEMFRZ), the one the check-in asks about. */
const CARMEN_TASK = 'T-DMFRZC';
const CHECK_IN: Answer[] = [
  { ask: /Cómo va tu tarea|Cómo van tus tareas|Cómo te fue/i, say: 'Casi todo' },
  { ask: /te lo puso difícil|Obstáculo|Dificultad/i, say: 'Mi hijo estuvo enfermo dos días' },
  { ask: /Quieres ayuda/i, say: 'No' },
];

describe('Enlace in the Agents Playground, in a browser', () => {
  it(
    'a worker opens a case, fills the assessment and sets a SMART goal through cards',
    async () => {
      const worker = await chatAs('worker');
      await worker.waitForText(/Hola, Lucía Martín/);

      const intake = await timed(
        'intake',
        answerCards(worker, () => worker.send('nueva apertura'), INTAKE, /Caso C-[A-Z0-9]{6} abierto para/, {
          onFilled: async (card) => void (await worker.screenshotOf(card, 'worker-intake-filled')),
        }),
      );
      const caseId = /Caso (C-[A-Z0-9]{6}) abierto/.exec(intake.doneText)?.[1];
      expect(intake.doneText).toContain(CLIENT_NAME);
      expect(caseId).toBeDefined();
      await worker.screenshot('worker-case-opened');

      let assessmentForms = 0;
      const assessment = await timed(
        'assessment',
        answerCards(worker, () => worker.send(`valoración ${caseId}`), ASSESSMENT, /Valoración guardada en el caso/, {
          onFilled: async (card) => void (await worker.screenshotOf(card, `worker-assessment-form-${++assessmentForms}`)),
        }),
      );
      expect(assessment.doneText).toContain(caseId);
      await worker.screenshot('worker-assessment-saved');

      const goal = await timed(
        'SMART goal',
        answerCards(worker, () => worker.send(`objetivo ${caseId}`), SMART_GOAL, /Objetivo G-[A-Z0-9]{6} guardado en el caso/),
      );
      expect(goal.doneText).toContain(caseId);
      await worker.screenshot('worker-goal-saved');

      // What the cards gave is what the case holds.
      const stored = await demo.bot.store.repositories.cases.get(caseId!);
      expect(stored).toMatchObject({ client: { name: CLIENT_NAME }, model: 'strengths', priority: 'medium', workerId: PLAYGROUND_USERS.worker.aadObjectId });
      expect(stored?.assessments).toHaveLength(1);
      expect(stored?.assessments[0]).toMatchObject({
        ratings: { employment: 2, income: 3, childcare: 3 },
        strengths: { personal: 'Constante y con ganas de volver a trabajar' },
        notes: { macro: 'Pocas ofertas de media jornada en el distrito' },
        safetyConcern: false,
      });
      expect(Object.keys(stored?.assessments[0]?.ratings ?? {})).toHaveLength(15);
      expect(stored?.goals).toHaveLength(1);
      expect(stored?.goals[0]).toMatchObject({ domain: 'employment', deadline: '2027-01-29', status: 'active' });
      expect(stored?.goals[0]?.actor).toMatch(/^Inés/);
      expect(stored?.goals[0]?.text).toContain('currículum');
    },
    FLOW_TIMEOUT,
  );

  it(
    'a supervisor decides on an overdue review from the alert the bot sent on its own',
    async () => {
      const supervisor = await chatAs('supervisor');
      // The welcome comes once the bot has stored how to reach her: the Playground's connector.
      await supervisor.waitForText(/Hola, Marta Gil/);
      // Nothing about the review until the bot's clock reaches Monday morning.
      expect(
        await supervisor
          .botMessages()
          .filter({ hasText: /Reevaluación vencida/ })
          .count(),
      ).toBe(0);
      await demo.followUpsAt(MONDAY_ALERTS);
      const alert = await supervisor.waitForText(new RegExp(`Reevaluación vencida[\\s\\S]*${DEMO_CASE_IDS.brokerage}`), 60_000);
      await supervisor.screenshot('supervisor-overdue-alert');
      const decided = await timed(
        'decision',
        answerCards(supervisor, () => decideFrom(supervisor, alert, 'Continuar', DEMO_CASE_IDS.brokerage), DECISION, DECIDED),
      );
      expect(decided.doneText).toContain(DEMO_CASE_IDS.brokerage);
      await supervisor.screenshot('supervisor-decision-recorded');
      const stored = await demo.bot.store.repositories.cases.get(DEMO_CASE_IDS.brokerage);
      const decision = stored?.alerts.find((a) => a.kind === 'overdueReview')?.decision;
      expect(decision).toMatchObject({ choice: 'continue', by: PLAYGROUND_USERS.supervisor.aadObjectId });
    },
    FLOW_TIMEOUT,
  );

  it(
    'a client answers the check-in prompt the bot sent on its own',
    async () => {
      const client = await chatAs('client');
      await client.waitForText(/Te ayudo con tu plan/);
      expect(
        await client
          .botMessages()
          .filter({ hasText: /Cómo va tu tarea/ })
          .count(),
      ).toBe(0);
      await demo.followUpsAt(CHECK_IN_TIME);
      const prompt = await client.waitForText(/Cómo va tu tarea/, 60_000);
      await client.screenshot('client-check-in-prompt');
      const answered = await timed(
        'check-in',
        answerCards(client, () => answerPrompt(client, prompt, CHECK_IN), CHECK_IN, /Ya lo he guardado/),
      );
      expect(answered.steps.length).toBeGreaterThanOrEqual(2);
      await client.screenshot('client-check-in-saved');
      const task = (await demo.bot.store.repositories.cases.get(DEMO_CASE_IDS.strengths))?.tasks.find((t) => t.id === CARMEN_TASK);
      expect(task?.progress).toHaveLength(4);
      expect(task?.progress.at(-1)).toMatchObject({
        rating: 3,
        source: 'client',
        by: PLAYGROUND_USERS.client.aadObjectId,
        obstacles: 'Mi hijo estuvo enfermo dos días',
      });
    },
    FLOW_TIMEOUT,
  );
});

/** Logs how long a flow took and how many answers it gave (the suite's timings). */
async function timed<T extends { steps: unknown[] }>(what: string, flow: Promise<T>): Promise<T> {
  const begun = Date.now();
  const result = await flow;
  console.log(`${what}: ${result.steps.length} answers in ${((Date.now() - begun) / 1000).toFixed(1)} s`);
  return result;
}

/** The supervisor's decision: the alert's button when it has one, else typed with the case, as the alert says. */
async function decideFrom(chat: PlaygroundChat, alert: Locator, choice: string, caseId: string): Promise<void> {
  const button = alert.getByRole('button', { name: new RegExp(`^${choice}`, 'i') });
  if ((await button.count()) > 0) {
    console.log(`decision: «${choice}» pressed on the alert card`);
    return button.first().click();
  }
  console.log('decision: typed, the alert has no button');
  await chat.send(`${choice.toLowerCase()} ${caseId}`);
}

/** The reply to a prompt the bot wrote first: on its card when it has one, else typed. */
async function answerPrompt(chat: PlaygroundChat, prompt: Locator, book: Answer[]): Promise<void> {
  const text = (await prompt.textContent()) ?? '';
  const answer = book.find((a) => a.ask.test(text))!;
  const button = prompt.getByRole('button', { name: answer.say, exact: true });
  if ((await button.count()) > 0) {
    console.log(`check-in: «${answer.say}» pressed on the prompt's card`);
    return button.first().click();
  }
  console.log('check-in: typed, the prompt has no button');
  await chat.send(answer.say);
}
