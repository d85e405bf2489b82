// A supervisor reaching outside their team (SPEC §5): team sur's supervisor tries team
// norte's cases in every command they have; team norte's supervisor sees them (control).
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
  bot = await hostileBot(['super-sur', 'super-1']);
});
afterAll(async () => bot.close());

const SUPERVISOR_WORDS = commandWords('supervisor');
const superSur = staffActor('super-sur');
const NORTE = [W1_OPEN, W1_SHUT, W2_OPEN, W2_SHUT];

describe('super-sur types every supervisor command with team norte case ids', () => {
  const attempts = [W1_OPEN, W1_SHUT, W2_OPEN].flatMap((target) =>
    SUPERVISOR_WORDS.map((word) => ({ typed: `${word} ${target.record.id}`, caseId: target.record.id, dialog: dialogFor(superSur, word, 'en') })),
  );

  it('the table reaches every case-bearing dialog a supervisor has, and the lists they see', () => {
    const reached = new Set(attempts.map((a) => a.dialog));
    for (const dialog of ['caseSummary', 'review', 'closure', 'reopen', 'caseload', 'caseloadReview', 'barrierReport']) expect(reached).toContain(dialog);
    expect(SUPERVISOR_WORDS).toEqual(expect.arrayContaining(['ver caso', 'view case', 'reabrir', 'reopen', 'alertas', 'flagged cases']));
  });

  it.each(attempts)('$typed → $dialog', async ({ typed, caseId, dialog }) => {
    const { replies, cleanup, audit } = await probe(bot, typed, 'super-sur');
    expectNoLeaks([...replies, ...cleanup], forbiddenFor('super-sur'));
    expectNoGrantedAccess(audit, 'super-sur');
    // Only the id they typed comes back: no other norte case is even named.
    for (const c of NORTE.filter((other) => other.record.id !== caseId)) expect(replies.join('\n')).not.toContain(c.record.id);
    if (dialog && CASE_DIALOGS.has(dialog)) {
      expectRefusedThenAskedAgain(replies, 'en', caseId);
      expectDeniedOnly(audit, 'super-sur', caseId);
    }
  });
});

describe("super-sur's lists hold team sur's cases only", () => {
  it('the team caseload', async () => {
    const { replies } = await probe(bot, 'team cases', 'super-sur');
    const list = replies.join('\n');
    expect(list).toContain(SUR_OPEN.record.client.name);
    expect(list).toContain(SHARED.record.client.name);
    for (const c of NORTE) expect(list).not.toContain(c.record.id);
  });

  it('the flagged cases (both teams have overdue reviews)', async () => {
    const { replies } = await probe(bot, 'flagged cases', 'super-sur');
    const list = replies.join('\n');
    expect(list).toContain(SUR_OPEN.record.id);
    for (const c of NORTE) expect(list).not.toContain(c.record.id);
  });

  it('the barrier report', async () => {
    const { replies } = await probe(bot, 'barrier report', 'super-sur');
    expect(replies.join('\n')).toContain('SECRETO-BARRERA-SUROPEN');
    expectNoLeaks(
      replies,
      NORTE.flatMap((c) => c.secrets),
    );
  });

  it("reopen: team norte's closed cases are not offered, so there is nothing to reopen", async () => {
    const { replies, audit } = await probe(bot, 'reopen', 'super-sur');
    expect(replies).toEqual([t('en', 'closure.reopenNoneClosed')]);
    expectNoGrantedAccess(audit, 'super-sur');
  });

  it.each(['review', 'close', 'case'])('the case picker of %s, and a norte id typed at its prompt', async (word) => {
    const list = (await bot.harness.send(word, 'super-sur')).join('\n');
    expect(list).toContain(t('en', 'common.pickCase', { list: '' }).trim());
    for (const c of NORTE) expect(list).not.toContain(c.record.id);
    expectNoLeaks([list], forbiddenFor('super-sur'));
    const { replies, cleanup, audit } = await probe(bot, W2_OPEN.record.id, 'super-sur');
    expectRefusedThenAskedAgain(replies, 'en', W2_OPEN.record.id);
    expectNoLeaks([...replies, ...cleanup], forbiddenFor('super-sur'));
    expectDeniedOnly(audit, 'super-sur', W2_OPEN.record.id);
  });
});

describe('positive controls: super-1 sees team norte, and only team norte', () => {
  it('views a norte case: the leak scan would catch this reply', async () => {
    const { replies, audit } = await probe(bot, `ver caso ${W1_OPEN.record.id}`, 'super-1');
    expect(replies.join('\n')).toContain(W1_OPEN.record.client.name);
    expect(leaksIn(replies, forbiddenFor('super-sur'))).toContain(W1_OPEN.record.client.name);
    expect(audit).toContainEqual(expect.objectContaining({ actor: 'super-1', caseId: W1_OPEN.record.id, outcome: 'ok' }));
  });

  it('starts a review of a norte case of another worker', async () => {
    const { replies, openDialog } = await probe(bot, `revisión ${W2_OPEN.record.id}`, 'super-1');
    expect(replies.join('\n')).toContain(W2_OPEN.record.client.name);
    expect(openDialog).toBe('review');
  });

  it("lists norte's cases, flagged cases and barriers", async () => {
    const team = (await probe(bot, 'casos del equipo', 'super-1')).replies.join('\n');
    for (const c of NORTE) expect(team).toContain(c.record.id);
    const flagged = (await probe(bot, 'alertas', 'super-1')).replies.join('\n');
    expect(flagged).toContain(W1_OPEN.record.id);
    expect(flagged).not.toContain(SUR_OPEN.record.id);
    const report = (await probe(bot, 'informe de barreras', 'super-1')).replies;
    expect(report.join('\n')).toContain('SECRETO-BARRERA-W1OPEN');
    expectNoLeaks([team, flagged, ...report], forbiddenFor('super-1'));
  });

  it("is refused team sur's case like any other outsider", async () => {
    const { replies, audit } = await probe(bot, `ver caso ${SUR_OPEN.record.id}`, 'super-1');
    expectRefusedThenAskedAgain(replies, 'es', SUR_OPEN.record.id);
    expectDeniedOnly(audit, 'super-1', SUR_OPEN.record.id);
  });
});
