// People with no case to see (SPEC §5): an unregistered chat user gets the refusal and nothing
// else; an admin keeps staff and the directory, never case content.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { looksLikeLinkCode } from '../../src/app/linkCodes.js';
import { t } from '../../src/i18n/catalog.js';
import type { AuditEntry } from '../../src/domain/schemas.js';
import {
  ALL_CASES,
  commandWords,
  dialogFor,
  expectNoGrantedAccess,
  expectNoLeaks,
  forbiddenFor,
  hostileBot,
  probe,
  staffActor,
  staffMenu,
  STRANGER_USER,
  SUR_OPEN,
  W1_OPEN,
  W1_SHUT,
  type HostileBot,
} from '../support/hostileFixtures.js';

let bot: HostileBot;
beforeAll(async () => {
  bot = await hostileBot([STRANGER_USER, 'admin-1']);
});
afterAll(async () => bot.close());

const EVERY_WORD = commandWords('worker', 'supervisor', 'admin', 'client');
const REFUSALS = [t('es', 'shell.refusal'), t('en', 'shell.refusal')];
/** Eight readable letters ("apertura", "barreras") look like a link code: refused as a wrong code. */
const CODE_REFUSALS = (['client.linkInvalid', 'client.linkLocked'] as const).flatMap((key) => [t('es', key), t('en', key)]);

describe('an unregistered user types every command, with and without case ids', () => {
  const attempts = ['', ` ${W1_OPEN.record.id}`, ` ${W1_SHUT.record.id}`].flatMap((suffix) => EVERY_WORD.map((word) => `${word}${suffix}`));

  it("the table holds every role's words", () => {
    expect(EVERY_WORD).toEqual(expect.arrayContaining(['valoración', 'assessment', 'alertas', 'directorio', 'mis tareas', 'check in']));
  });

  it.each(attempts)('%s', async (typed) => {
    const { replies, cleanup, audit, openDialog } = await probe(bot, typed, STRANGER_USER);
    expect(replies).toHaveLength(1);
    expect(looksLikeLinkCode(typed) ? CODE_REFUSALS : REFUSALS).toContain(replies[0]);
    expectNoLeaks([...replies, ...cleanup], forbiddenFor(STRANGER_USER));
    // A code-like word is audited as a denied link attempt and a staff command as a denied
    // command, both naming no case; nothing else is.
    const expected = (e: AuditEntry) =>
      e.outcome === 'denied' && !e.caseId && (e.action === 'client.link' || (e.action.startsWith('menu.') && e.reason === 'notOnMenu'));
    expect(audit.filter((e) => e.actor === STRANGER_USER && !expected(e))).toEqual([]);
    expect(openDialog).toBeUndefined();
  });

  it('a case id alone gets the refusal too, and no profile names a current case', async () => {
    const { replies } = await probe(bot, W1_OPEN.record.id, STRANGER_USER);
    expect(replies).toEqual([t('es', 'shell.refusal')]);
    expect((await bot.harness.store.repositories.users.get(STRANGER_USER))?.currentCaseId).toBeUndefined();
  });
});

describe('an admin types every case command with case ids', () => {
  const admin = staffActor('admin-1');
  const attempts = [W1_OPEN, SUR_OPEN].flatMap((target) =>
    EVERY_WORD.map((word) => ({ typed: `${word} ${target.record.id}`, dialog: dialogFor(admin, `${word} ${target.record.id}`, 'es') })),
  );

  it("only the directory is the admin's, so every other word is not understood", () => {
    expect(new Set(attempts.map((a) => a.dialog))).toEqual(new Set([undefined, 'directory']));
  });

  it.each(attempts)('$typed → $dialog', async ({ typed, dialog }) => {
    const { replies, cleanup, audit } = await probe(bot, typed, 'admin-1');
    expectNoLeaks([...replies, ...cleanup], forbiddenFor('admin-1'));
    expectNoGrantedAccess(audit, 'admin-1');
    expect(audit.filter((e) => e.actor === 'admin-1' && e.caseId)).toEqual([]);
    for (const c of ALL_CASES.filter((other) => !typed.includes(other.record.id))) expect(replies.join('\n')).not.toContain(c.record.id);
    if (!dialog) expect(replies).toEqual([t('es', 'shell.notUnderstood'), staffMenu(admin, 'es')]);
  });

  it("positive control: the admin's directory answers", async () => {
    const { replies, openDialog } = await probe(bot, 'directorio', 'admin-1');
    expect(openDialog).toBe('directory');
    expect(replies.join('\n')).not.toEqual('');
    expectNoLeaks(replies, forbiddenFor('admin-1'));
  });
});
