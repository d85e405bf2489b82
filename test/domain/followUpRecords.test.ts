import { describe, expect, it } from 'vitest';
import { awaitingAnswer, clientTasksDue, tasksAwaitingAnswer } from '../../src/domain/checkIns.js';
import { giveMessagingConsent, messagingAllowed, withdrawMessaging } from '../../src/domain/consent.js';
import { CaseClosedError } from '../../src/domain/errors.js';
import { activePause, pauseClientPrompts, resumeClientPrompts } from '../../src/domain/followups/pause.js';
import { CaseSchema } from '../../src/domain/schemas.js';
import { makeCase, makeProgress, makeTask, WORKER_ID } from './fixtures.js';

const AT = '2027-01-20T09:00:00.000Z';

describe('consent to messages', () => {
  it('withdrawn, then given again: each change kept, the current state in messaging and messagingWithdrawnAt', () => {
    const withdrawn = withdrawMessaging(makeCase(), 'U-CLIENT', AT);
    expect(messagingAllowed(withdrawn)).toBe(false);
    expect(withdrawn.consent).toMatchObject({ messaging: true, messagingWithdrawnAt: AT, messagingChanges: [{ given: false, at: AT, by: 'U-CLIENT' }] });
    expect(withdrawMessaging(withdrawn, WORKER_ID, '2027-01-21T09:00:00.000Z')).toBe(withdrawn);
    const given = giveMessagingConsent(withdrawn, WORKER_ID, '2027-01-22T09:00:00.000Z');
    expect(messagingAllowed(given)).toBe(true);
    expect(given.consent.messagingWithdrawnAt).toBeUndefined();
    expect(given.consent.messagingChanges).toEqual([
      { given: false, at: AT, by: 'U-CLIENT' },
      { given: true, at: '2027-01-22T09:00:00.000Z', by: WORKER_ID },
    ]);
    expect(CaseSchema.parse(given)).toEqual(given);
  });

  it('consent never given can be given; a closed case takes no change', () => {
    const never = makeCase({ consent: { ...makeCase().consent, messaging: false } });
    expect(messagingAllowed(giveMessagingConsent(never, WORKER_ID, AT))).toBe(true);
    expect(() => withdrawMessaging(makeCase({ status: 'closed' }), 'U-CLIENT', AT)).toThrow(CaseClosedError);
  });
});

describe('pausing client prompts', () => {
  it('needs a reason and an end after its start; is over once its end has come', () => {
    const pause = { since: AT, by: WORKER_ID, reason: '  en el hospital ', until: '2027-02-01T00:00:00.000Z' };
    const paused = pauseClientPrompts(makeCase(), pause);
    expect(paused.followUpPause).toEqual({ ...pause, reason: 'en el hospital' });
    expect(activePause(paused, new Date('2027-01-31T23:59:00Z'))).toEqual(paused.followUpPause);
    expect(activePause(paused, new Date('2027-02-01T00:00:00Z'))).toBeUndefined();
    expect(() => pauseClientPrompts(makeCase(), { ...pause, reason: ' ' })).toThrow(expect.objectContaining({ code: 'pauseReasonMissing' }));
    expect(() => pauseClientPrompts(makeCase(), { ...pause, until: AT })).toThrow(expect.objectContaining({ code: 'pauseUntilPast' }));
    expect(resumeClientPrompts(paused).followUpPause).toBeUndefined();
    expect('followUpPause' in resumeClientPrompts(paused)).toBe(false);
  });
});

describe("tasks awaiting the client's answer", () => {
  it('are open client tasks prompted after their last progress entry, soonest due first', () => {
    const prompted = makeTask({ id: 'T-PRMPTA', dueDate: '2027-02-10', lastPromptedAt: AT });
    const answered = makeTask({ id: 'T-ANSWRD', lastPromptedAt: AT, progress: [makeProgress({ at: '2027-01-20T10:00:00.000Z' })] });
    const answeredBefore = makeTask({
      id: 'T-BEFORE',
      dueDate: '2027-02-05',
      lastPromptedAt: AT,
      progress: [makeProgress({ at: '2027-01-19T10:00:00.000Z' })],
    });
    const worker = makeTask({ id: 'T-WORKER', owner: 'worker', lastPromptedAt: AT });
    const never = makeTask({ id: 'T-NEVERP' });
    expect([prompted, answered, answeredBefore, never].map(awaitingAnswer)).toEqual([true, false, true, false]);
    const record = makeCase({ tasks: [prompted, answered, answeredBefore, worker, never, makeTask({ id: 'T-DONEXX', status: 'done', lastPromptedAt: AT })] });
    expect(tasksAwaitingAnswer(record).map((task) => task.id)).toEqual(['T-BEFORE', 'T-PRMPTA']);
    expect(clientTasksDue(record).map((task) => task.id)).toEqual(['T-ANSWRD', 'T-NEVERP', 'T-BEFORE', 'T-PRMPTA']);
    expect(tasksAwaitingAnswer({ ...record, status: 'closed' })).toEqual([]);
  });
});
