// A linked client typing every staff command (SPEC §5): no staff dialog ever runs, and the
// client sees only their own goals and tasks in plain words, never notes or assessment detail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Language } from '../../src/domain/schemas.js';
import { allMessages, t } from '../../src/i18n/catalog.js';
import {
  CLIENT_USER,
  clientActor,
  commandWords,
  dialogFor,
  entriesOf,
  expectNoLeaks,
  forbiddenFor,
  hostileBot,
  leaksIn,
  NOW,
  probe,
  SUR_OPEN,
  W1_OPEN,
  W2_OPEN,
  type HostileBot,
  type ProbeResult,
} from '../support/hostileFixtures.js';

let bot: HostileBot;
beforeAll(async () => {
  bot = await hostileBot([CLIENT_USER]);
});
afterAll(async () => bot.close());

const CLIENT_DIALOGS = ['clientPlan', 'checkIn'];
const STAFF_WORDS = commandWords('worker', 'supervisor', 'admin');
const OWN_ID = W1_OPEN.record.id;

// ---- what a client may be told ----------------------------------------------------------

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One catalog line as a pattern: a number for {n}, the client menu's labels for {label} when given, anything for other placeholders. */
function linePattern(line: string, labels: string[] = []): RegExp {
  const source = line
    .split(/(\{\w+\})/)
    .map((part) => {
      if (part === '{n}') return '\\d+';
      if (part === '{label}' && labels.length > 0) return `(${labels.map(escapeRegExp).join('|')})`;
      return /^\{\w+\}$/.test(part) ? '.*?' : escapeRegExp(part);
    })
    .join('');
  return new RegExp(`^${source}$`, 's');
}

/** Every line a client may be sent: the client areas' messages, their menu items and answer lists. */
function clientVoice(lang: Language): RegExp[] {
  const menuLabels = entriesOf(clientActor).map((e) => t(lang, e.label));
  const lines = [...allMessages()[lang]]
    .filter(([key]) => key.startsWith('client'))
    .flatMap(([, text]) => text.split('\n'))
    .filter(Boolean);
  return [...lines.map((line) => linePattern(line)), linePattern(t(lang, 'shell.menuItem'), menuLabels), linePattern(t(lang, 'common.listItem'))];
}

/** The lines of `replies` that no client message could have produced: a staff dialog speaking. */
function staffLinesIn(replies: string[], lang: Language): string[] {
  const voice = clientVoice(lang);
  return replies.flatMap((r) => r.split('\n')).filter((line) => line.trim() !== '' && !voice.some((pattern) => pattern.test(line)));
}

/** Words of the assessment a client's messages never use: its results are staff-only. */
const ASSESSMENT_TERMS = /valoraci[oó]n|assessment|intensi(dad|ty|va|ve)|en crisis|in crisis|vulnerable|empoderad|empowered/i;

/** The menu a client gets after a message it does not understand. */
function clientMenu(lang: Language): string {
  return [t(lang, 'client.menuIntro'), ...entriesOf(clientActor).map((e, i) => t(lang, 'shell.menuItem', { n: i + 1, label: t(lang, e.label) }))].join('\n');
}

/** What every reply to the client must satisfy, whatever they typed. */
function expectClientOnly({ replies, cleanup, audit, openDialog }: ProbeResult): void {
  const all = [...replies, ...cleanup];
  expectNoLeaks(all, forbiddenFor(CLIENT_USER));
  // Only the replies: the probe's own 'cancelar' afterwards is answered in the shell's words.
  expect(staffLinesIn(replies, 'es')).toEqual([]);
  expect(all.join('\n')).not.toMatch(ASSESSMENT_TERMS);
  if (openDialog) expect(CLIENT_DIALOGS).toContain(openDialog);
  // Staff dialogs read cases through the case service; a client's turns audit only their own
  // plan and check-ins, and refusals of staff commands, which name no case.
  for (const entry of audit.filter((e) => e.actor === CLIENT_USER)) {
    if (entry.action.startsWith('menu.')) {
      expect(entry).toMatchObject({ outcome: 'denied', reason: 'notOnMenu' });
      expect(entry).not.toHaveProperty('caseId');
    } else {
      expect(entry.action).toMatch(/^client\./);
      expect(entry.caseId).toBe(OWN_ID);
    }
  }
}

describe('the linked client types every staff command word', () => {
  const attempts = ['', ` ${OWN_ID}`, ` ${W2_OPEN.record.id}`, ` ${SUR_OPEN.record.id}`].flatMap((suffix) =>
    STAFF_WORDS.map((word) => ({ typed: `${word}${suffix}`, dialog: dialogFor(clientActor, `${word}${suffix}`, 'es') })),
  );

  it('the table holds the words of every staff dialog, and some are also client words', () => {
    expect(STAFF_WORDS).toEqual(expect.arrayContaining(['valoración', 'assessment', 'ver caso', 'alertas', 'informe', 'directorio', 'código']));
    expect(new Set(attempts.map((a) => a.dialog))).toEqual(new Set([undefined, ...CLIENT_DIALOGS]));
  });

  it('the client-voice check tells staff messages apart', () => {
    expect(staffLinesIn([t('es', 'common.caseNotFound', { caseId: OWN_ID }), t('es', 'common.pickCaseNone')], 'es')).toHaveLength(2);
    expect(staffLinesIn([t('es', 'client.notUnderstood'), clientMenu('es')], 'es')).toEqual([]);
  });

  it.each(attempts)('$typed → $dialog', async ({ typed, dialog }) => {
    const result = await probe(bot, typed, CLIENT_USER);
    expectClientOnly(result);
    if (!dialog) {
      expect(result.replies).toEqual([t('es', 'client.notUnderstood'), clientMenu('es')]);
      expect(result.audit).toContainEqual(expect.objectContaining({ actor: CLIENT_USER, outcome: 'denied', reason: 'notOnMenu' }));
    }
  });

  it('a case id typed alone is not understood', async () => {
    for (const caseId of [OWN_ID, W2_OPEN.record.id]) {
      const result = await probe(bot, caseId, CLIENT_USER);
      expectClientOnly(result);
      expect(result.replies).toEqual([t('es', 'client.notUnderstood'), clientMenu('es')]);
    }
  });
});

describe("the client's own plan", () => {
  it('"mis tareas" shows their goals and tasks, never notes, contacts, ratings or other cases', async () => {
    const result = await probe(bot, 'mis tareas', CLIENT_USER);
    expectClientOnly(result);
    const plan = result.replies.join('\n');
    // Positive control: the plan shows exactly the texts the client may see.
    for (const visible of W1_OPEN.clientVisible) expect(plan).toContain(visible);
    expect(leaksIn(result.replies, W1_OPEN.secrets)).toEqual(W1_OPEN.clientVisible);
    expect(result.audit).toContainEqual(expect.objectContaining({ actor: CLIENT_USER, action: 'client.plan.read', caseId: OWN_ID }));
  });

  it("reading the plan is audited on the bot's clock, like every other audit entry", async () => {
    const result = await probe(bot, 'mis tareas', CLIENT_USER);
    // dialogs/clientPlanDialog.ts records this entry without `at`, so the audit log stamps it with the wall clock.
    expect(result.audit).toContainEqual({ actor: CLIENT_USER, action: 'client.plan.read', caseId: OWN_ID, outcome: 'ok', at: NOW.toISOString() });
  });

  it("a check-in typed with another case's id is about the client's own task", async () => {
    const result = await probe(bot, `avance ${SUR_OPEN.record.id}`, CLIENT_USER);
    expectClientOnly(result);
    expect(result.openDialog).toBe('checkIn');
    expect(result.replies.join('\n')).toContain('SECRETO-TAREA-W1OPEN');
  });

  it('in English too, after the client switches language', async () => {
    await bot.harness.send('idioma english', CLIENT_USER);
    const result = await probe(bot, `my tasks ${W2_OPEN.record.id}`, CLIENT_USER);
    expectNoLeaks([...result.replies, ...result.cleanup], forbiddenFor(CLIENT_USER));
    expect(staffLinesIn(result.replies, 'en')).toEqual([]);
    expect(result.replies.join('\n')).toContain(t('en', 'client.planHeader'));
    const refused = await probe(bot, `review ${OWN_ID}`, CLIENT_USER);
    expect(refused.replies).toEqual([t('en', 'client.notUnderstood'), clientMenu('en')]);
  });
});
