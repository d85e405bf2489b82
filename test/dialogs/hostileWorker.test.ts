// A worker trying other workers' cases by id in every command (SPEC §5): refused with the
// same message as an unknown case, nothing leaked, nothing changed, the attempt audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/catalog.js';
import {
  CASE_DIALOGS,
  commandWords,
  dialogFor,
  expectDeniedOnly,
  expectRefusedThenAskedAgain,
  expectNoGrantedAccess,
  expectNoLeaks,
  forbiddenFor,
  hostileBot,
  leaksIn,
  MISSING_ID,
  probe,
  SHARED,
  staffActor,
  SUR_OPEN,
  W1_OPEN,
  W1_SHUT,
  W2_OPEN,
  W2_SHUT,
  type HostileBot,
} from '../support/hostileFixtures.js';

let bot: HostileBot;
beforeAll(async () => {
  bot = await hostileBot(['worker-1', 'worker-2', 'worker-en']);
});
afterAll(async () => bot.close());

const WORKER_WORDS = commandWords('worker');
const worker2 = staffActor('worker-2');

/** Every worker command word with each case id worker-2 may not read. */
const worker2Attempts = [W1_OPEN, W1_SHUT, SUR_OPEN].flatMap((target) =>
  WORKER_WORDS.map((word) => ({ typed: `${word} ${target.record.id}`, caseId: target.record.id, dialog: dialogFor(worker2, word, 'es') })),
);

describe('worker-2 types every worker command with a case id that is not theirs', () => {
  it('the table reaches every case-bearing dialog a worker has, in Spanish and English words', () => {
    const reached = new Set(worker2Attempts.map((a) => a.dialog));
    for (const dialog of [
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
    ]) {
      expect(reached).toContain(dialog);
    }
    expect(WORKER_WORDS).toEqual(expect.arrayContaining(['valoración', 'assessment', 'cierre', 'close', 'código', 'link code']));
  });

  it.each(worker2Attempts)('$typed → $dialog', async ({ typed, caseId, dialog }) => {
    const { replies, cleanup, audit } = await probe(bot, typed, 'worker-2');
    expectNoLeaks([...replies, ...cleanup], forbiddenFor('worker-2'));
    expectNoGrantedAccess(audit, 'worker-2');
    if (dialog && CASE_DIALOGS.has(dialog)) {
      expectRefusedThenAskedAgain(replies, 'es', caseId);
      expectDeniedOnly(audit, 'worker-2', caseId);
    }
  });
});

describe('worker-en (English, team sur) types every worker command with team norte case ids', () => {
  const worker = staffActor('worker-en');
  const attempts = [W1_OPEN, W2_SHUT].flatMap((target) =>
    WORKER_WORDS.map((word) => ({ typed: `${word} ${target.record.id}`, caseId: target.record.id, dialog: dialogFor(worker, word, 'en') })),
  );

  it.each(attempts)('$typed → $dialog', async ({ typed, caseId, dialog }) => {
    const { replies, cleanup, audit } = await probe(bot, typed, 'worker-en');
    expectNoLeaks([...replies, ...cleanup], forbiddenFor('worker-en'));
    expectNoGrantedAccess(audit, 'worker-en');
    if (dialog && CASE_DIALOGS.has(dialog)) {
      expectRefusedThenAskedAgain(replies, 'en', caseId);
      expectDeniedOnly(audit, 'worker-en', caseId);
    }
  });
});

describe('a foreign case is refused exactly like a case that does not exist', () => {
  const firstWords = [...new Map(WORKER_WORDS.map((word) => [dialogFor(worker2, word, 'es'), word])).entries()]
    .filter(([dialog]) => dialog && CASE_DIALOGS.has(dialog))
    .map(([dialog, word]) => ({ dialog, word }));

  it.each(firstWords)('$dialog ($word)', async ({ word }) => {
    const foreign = await probe(bot, `${word} ${W1_OPEN.record.id}`, 'worker-2');
    const missing = await probe(bot, `${word} ${MISSING_ID}`, 'worker-2');
    expect(foreign.replies.map((r) => r.replaceAll(W1_OPEN.record.id, '<id>'))).toEqual(missing.replies.map((r) => r.replaceAll(MISSING_ID, '<id>')));
    expectDeniedOnly(foreign.audit, 'worker-2', W1_OPEN.record.id);
    // The audit names only real cases: the missing one is a failed lookup, under no id.
    expect(missing.audit).toContainEqual(expect.objectContaining({ actor: 'worker-2', outcome: 'denied', reason: 'notFound' }));
    expect(missing.audit.filter((e) => e.caseId === MISSING_ID)).toEqual([]);
  });
});

describe('the case picker', () => {
  const pickerDialogs = [...new Map(WORKER_WORDS.map((word) => [dialogFor(worker2, word, 'es'), word])).entries()]
    .filter(([dialog]) => dialog && CASE_DIALOGS.has(dialog))
    .map(([dialog, word]) => ({ dialog: dialog!, word }));

  it.each(pickerDialogs)("$dialog ($word): lists only worker-2's cases and refuses worker-1's id typed at the prompt", async ({ dialog, word }) => {
    const listed = await bot.harness.send(word, 'worker-2');
    const list = listed.join('\n');
    expect(list).toContain(t('es', 'common.pickCase', { list: '' }).trim());
    // Own cases are offered (open ones; closed ones to reopen; any to view), so the check can fail.
    const own = dialog === 'reopen' ? [W2_SHUT] : dialog === 'caseSummary' ? [W2_OPEN, W2_SHUT, SHARED] : [W2_OPEN, SHARED];
    for (const c of own) expect(list).toContain(c.record.id);
    for (const c of [W1_OPEN, W1_SHUT, SUR_OPEN]) expect(list).not.toContain(c.record.id);
    expectNoLeaks(listed, forbiddenFor('worker-2'));

    const { replies, cleanup, audit } = await probe(bot, W1_OPEN.record.id, 'worker-2');
    expectRefusedThenAskedAgain(replies, 'es', W1_OPEN.record.id);
    expectNoLeaks([...replies, ...cleanup], forbiddenFor('worker-2'));
    expectDeniedOnly(audit, 'worker-2', W1_OPEN.record.id);
  });

  it("worker-en's list (English) holds team sur's and shared cases only; a norte id at the prompt is refused", async () => {
    const list = (await bot.harness.send('assessment', 'worker-en')).join('\n');
    expect(list).toContain(SUR_OPEN.record.id);
    expect(list).toContain(SHARED.record.id);
    for (const c of [W1_OPEN, W1_SHUT, W2_OPEN, W2_SHUT]) expect(list).not.toContain(c.record.id);
    const { replies, audit } = await probe(bot, `case ${W2_OPEN.record.id}`, 'worker-en');
    expectRefusedThenAskedAgain(replies, 'en', W2_OPEN.record.id);
    expectDeniedOnly(audit, 'worker-en', W2_OPEN.record.id);
  });
});

describe('positive controls: the checks can fail', () => {
  it('a worker the case is shared with reads it, and the leak scan sees its texts', async () => {
    const { replies, audit } = await probe(bot, `ver caso ${SHARED.record.id}`, 'worker-2');
    expect(replies.join('\n')).toContain(SHARED.record.client.name);
    expect(leaksIn(replies, SHARED.secrets)).not.toEqual([]);
    expect(audit).toContainEqual(expect.objectContaining({ actor: 'worker-2', caseId: SHARED.record.id, outcome: 'ok', action: 'case.summary' }));
  });

  it('worker-2 starts a review of the shared case: the refusal elsewhere is not a blanket one', async () => {
    const { replies, openDialog } = await probe(bot, `revisión ${SHARED.record.id}`, 'worker-2');
    expect(replies.join('\n')).toContain(SHARED.record.client.name);
    expect(openDialog).toBe('review');
  });

  it('worker-1 reads their own case; worker-1 may not read the case shared with worker-2', async () => {
    const own = await probe(bot, `ver caso ${W1_OPEN.record.id}`, 'worker-1');
    expect(own.replies.join('\n')).toContain(W1_OPEN.record.client.name);
    const shared = await probe(bot, `ver caso ${SHARED.record.id}`, 'worker-1');
    expectRefusedThenAskedAgain(shared.replies, 'es', SHARED.record.id);
    expectNoLeaks(shared.replies, SHARED.secrets);
  });
});

describe('other ways in', () => {
  it.each([
    `valoración ${W1_OPEN.record.id.toLowerCase()}`,
    `${W1_OPEN.record.id} valoración`,
    `  ver   caso   ${W1_OPEN.record.id}  `,
    `cierre ${W1_OPEN.record.id}.`,
    `VALORACION ${W1_OPEN.record.id}`,
  ])('the id typed another way: %s', async (typed) => {
    const { replies, cleanup, audit } = await probe(bot, typed, 'worker-2');
    expectRefusedThenAskedAgain(replies, 'es', W1_OPEN.record.id);
    expectNoLeaks([...replies, ...cleanup], forbiddenFor('worker-2'));
    expectDeniedOnly(audit, 'worker-2', W1_OPEN.record.id);
  });

  it("another case's task id typed inside a dialog on worker-2's own case is not a choice", async () => {
    await bot.harness.send(`avance ${W2_OPEN.record.id}`, 'worker-2');
    const { replies, cleanup, audit } = await probe(bot, 'T-W1OPEN', 'worker-2');
    expect(replies.join('\n')).toContain(t('es', 'common.errorChoice', { max: 2 }));
    expectNoLeaks([...replies, ...cleanup], forbiddenFor('worker-2'));
    expectNoGrantedAccess(audit, 'worker-2');
  });

  it("another case's goal id typed at a new task is not taken as its goal", async () => {
    await bot.harness.send(`tarea ${W2_OPEN.record.id}`, 'worker-2');
    const { replies, cleanup } = await probe(bot, 'G-W1OPEN', 'worker-2');
    // The case's only goal is taken without asking: the id is read as the task's text.
    expect(replies.join('\n')).toContain(t('es', 'tasks.askOwner'));
    expectNoLeaks([...replies, ...cleanup], forbiddenFor('worker-2'));
  });

  it("the monthly contact sheet counts worker-2's own cases only", async () => {
    await bot.harness.send('ficha mensual', 'worker-2');
    const { replies, cleanup, audit } = await probe(bot, 'noviembre 2026', 'worker-2');
    expect(replies.join('\n')).toContain(W2_OPEN.record.id);
    expectNoLeaks([...replies, ...cleanup], forbiddenFor('worker-2'));
    expectNoGrantedAccess(audit, 'worker-2');
  });

  it("a case no longer shared is refused, though it was worker-2's current case", async () => {
    const own = await hostileBot(['worker-2']);
    try {
      expect((await probe(own, `ver caso ${SHARED.record.id}`, 'worker-2')).replies.join('\n')).toContain(SHARED.record.client.name);
      expect((await own.harness.store.repositories.users.get('worker-2'))?.currentCaseId).toBe(SHARED.record.id);
      await own.harness.store.repositories.cases.update(SHARED.record.id, (c) => c && { ...c, sharedWith: [] });
      const listed = await own.harness.send('valoración', 'worker-2');
      expect(listed.join('\n')).not.toContain(SHARED.record.id);
      const { replies, audit } = await probe(own, SHARED.record.id, 'worker-2');
      expectRefusedThenAskedAgain(replies, 'es', SHARED.record.id);
      expectNoLeaks(replies, SHARED.secrets);
      expectDeniedOnly(audit, 'worker-2', SHARED.record.id);
    } finally {
      await own.close();
    }
  });
});
