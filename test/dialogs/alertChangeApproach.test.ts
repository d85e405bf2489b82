import { afterEach, describe, expect, it } from 'vitest';
import type { Case } from '../../src/domain/schemas.js';
import { createHarness, type Harness } from '../support/botHarness.js';
import { caseRecord } from '../support/records.js';

let harness: Harness;
afterEach(async () => harness?.close());

// The harness clock: Monday 23 November 2026, 09:00 UTC.
const CASE_ID = 'C-NCNTAB';
const joined = (replies: string[]) => replies.join('\n');
const stored = async (): Promise<Case> => (await harness.store.repositories.cases.get(CASE_ID))!;

/** Moderate (contact every 21 days), last contact on 20 October: 13 days without the expected contact. */
function silentCase(): Case {
  return caseRecord({
    id: CASE_ID,
    intakeDate: '2026-10-01',
    intensity: 'moderate',
    contactEveryDays: 21,
    nextReviewDate: '2027-01-30',
    contacts: [{ id: 'K-OCT20X', date: '2026-10-20', type: 'call', minutes: 10, withWhom: 'Ana', note: '', by: 'worker-1', at: '2026-10-20T10:00:00.000Z' }],
  });
}

describe('a change of approach on a case flagged for no contact restarts the contact clock', () => {
  it('in Spanish: «cambiar enfoque C-…» is recorded as a review, and the case is not flagged again until the new interval has passed', async () => {
    harness = await createHarness({ cases: [silentCase()] });
    await harness.send('hola', 'super-1');
    expect(joined(await harness.send('casos marcados', 'super-1'))).toContain('sin contacto en el plazo (13 días de retraso)');
    await harness.send('cancelar', 'super-1');

    const asked = joined(await harness.send(`cambiar enfoque ${CASE_ID}`, 'super-1'));
    expect(asked).toContain('¿Qué cambia?');
    expect(joined(await harness.send('la intensidad', 'super-1'))).toContain('Intensidad nueva (ahora: moderada)');
    const saved = joined(await harness.send('intensiva', 'super-1'));
    expect(saved).toContain(`Decisión registrada en el caso ${CASE_ID}: Cambiar el enfoque.`);
    expect(saved).toContain('Próxima revisión: miércoles, 23 de diciembre de 2026.');
    const record = await stored();
    expect(record.reviews).toEqual([
      expect.objectContaining({ by: 'super-1', decision: 'changeApproach', newIntensity: 'intensive', nextReviewDate: '2026-12-23' }),
    ]);
    expect(record).toMatchObject({ intensity: 'intensive', contactEveryDays: 7 });

    // The next run does not flag it: the weekly interval runs from the change.
    expect(joined(await harness.send('casos marcados', 'super-1'))).toContain('no hay casos marcados');
    harness.clock.now = new Date('2026-11-30T09:00:00Z');
    expect(joined(await harness.send('casos marcados', 'super-1'))).toContain('no hay casos marcados');
    // Once the new interval has passed with no contact, it is flagged again.
    harness.clock.now = new Date('2026-12-01T09:00:00Z');
    expect(joined(await harness.send('casos marcados', 'super-1'))).toContain('sin contacto en el plazo (1 días de retraso)');
  });

  it('in English, on the same flag; a worker cannot decide', async () => {
    harness = await createHarness({ cases: [silentCase()].map((c) => ({ ...c, team: 'sur', workerId: 'worker-en' })) });
    await harness.send('hello', 'super-sur');
    // A reminder is about an alert, and there is none on the case.
    expect(joined(await harness.send(`remind ${CASE_ID}`, 'super-sur'))).toContain(`Case ${CASE_ID} has no alerts waiting for a decision.`);
    expect(joined(await harness.send(`change approach ${CASE_ID}`, 'super-sur'))).toContain('What changes?');
    await harness.send('the intensity', 'super-sur');
    expect(joined(await harness.send('intensive', 'super-sur'))).toContain(`Decision recorded on case ${CASE_ID}: Change approach.`);
    expect(joined(await harness.send('flagged cases', 'super-sur'))).toContain('there are no flagged cases');

    await harness.send('hello', 'worker-en');
    const refused = joined(await harness.send(`change approach ${CASE_ID}`, 'worker-en'));
    expect(refused).not.toContain('What changes?');
    expect((await stored()).reviews).toHaveLength(1);
  });
});
