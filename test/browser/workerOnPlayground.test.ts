// Browser-proven (SPEC §6): the bot in the Microsoft 365 Agents Playground, in headless
// Chromium, in Spanish. A worker opens a case, fills the assessment and sets a SMART goal
// through cards; a client answers a check-in prompt the bot sent on its own; a supervisor
// decides on an overdue review from the alert. Each person is their own Playground (its
// config names the current user); the bot runs on the demo data and a clock the test moves.
import { mkdir } from 'node:fs/promises';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CASE_IDS } from '../../src/demo/demoData.js';
import { type Answer, answerCards } from './support/cardFlow.js';
import { PlaygroundChat } from './support/chatPage.js';
import { type DemoBot, startDemoBot } from './support/demoBot.js';
import { type Identity, type RunningPlayground, startPlayground } from './support/playground.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENSHOTS = new URL('../../screenshots/', import.meta.url).pathname;
const FLOW_TIMEOUT = 240_000;

/** Sunday 29 November 2026, 20:00 in Madrid: the demo is seeded; staff get nothing on a Sunday. */
const SEEDED_AT = '2026-11-29T19:00:00Z';
/** The day the worker opens the case (the bot's today in Madrid). */
const TODAY = '2026-11-29';

let demo: DemoBot;
let browser: Browser;
const playgrounds: RunningPlayground[] = [];
const chats: PlaygroundChat[] = [];

beforeAll(async () => {
  await mkdir(SCREENSHOTS, { recursive: true });
  demo = await startDemoBot(SEEDED_AT);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] }).catch((error: Error) => {
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
  { ask: /idioma/i, say: 'vale' },
  { ask: /Zona horaria/i, say: 'Europe/Madrid' },
  { ask: /Fuente de derivación|Derivad/i, say: 'Centro de Salud Norte' },
  { ask: /Fecha de (la )?apertura/i, say: TODAY },
  { ask: /tratamiento de sus datos/i, say: 'Sí' },
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
  { ask: /Quién hará qué|Objetivo/i, say: GOAL_SENTENCE },
  { ask: /necesidad valorada|Necesidad/i, say: 'empleo' },
  { ask: /indicador se medirá|Indicador/i, say: 'Ofertas a las que envía el currículum' },
  { ask: /Qué meta|Meta/i, say: '3 ofertas por semana' },
  { ask: /se lee difícil/i, say: 'mantener' },
];

describe('Enlace in the Agents Playground, in a browser', () => {
  it(
    'a worker opens a case, fills the assessment and sets a SMART goal through cards',
    async () => {
      const worker = await chatAs('worker');
      await worker.waitForText(/Hola, Lucía Martín/);
      const intake = await answerCards(worker, () => worker.send('nueva apertura'), INTAKE, /Caso C-[A-Z0-9]{6} abierto para/, {
        onCard: async (view) => console.log(JSON.stringify(view)),
      });
      console.log(intake);
      const caseId = /Caso (C-[A-Z0-9]{6}) abierto/.exec(intake.doneText)![1]!;
      expect(intake.doneText).toContain(CLIENT_NAME);
      await worker.screenshot('worker-case-opened');
      expect(caseId).not.toBe(DEMO_CASE_IDS.intensive);

      const assessment = await answerCards(worker, () => worker.send(`valoración ${caseId}`), ASSESSMENT, /Valoración guardada en el caso/, {
        onCard: async (view) => console.log(JSON.stringify(view)),
      });
      console.log(assessment);
      await worker.screenshot('worker-assessment-saved');
      const goal = await answerCards(worker, () => worker.send(`objetivo ${caseId}`), SMART_GOAL, /Objetivo G-[A-Z0-9]{6} guardado en el caso/, {
        onCard: async (view) => console.log(JSON.stringify(view)),
      });
      console.log(goal);
      await worker.screenshot('worker-goal-saved');
    },
    FLOW_TIMEOUT,
  );
});
