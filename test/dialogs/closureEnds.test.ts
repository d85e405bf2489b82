// Closure as practice expects: open tasks end with the case, each active referral gets its
// final state, follow-ups stop and no review is shown; reopening sets a review date from the
// intensity, offers a new assessment, and goals keep the outcome recorded at closure.
import { afterEach, describe, expect, it } from 'vitest';
import { caseScope } from '../../src/domain/followups/job.js';
import type { Case, Goal, Referral, Service } from '../../src/domain/schemas.js';
import { createHarness, type Harness } from '../support/botHarness.js';
import { caseRecord, taskRecord } from '../support/records.js';

let harness: Harness;
afterEach(async () => harness?.close());

// The harness clock: Monday 23 November 2026, 09:00 UTC.
const CASE_ID = 'C-CRRE22';
const AT = '2026-10-01T09:00:00.000Z';
const joined = (replies: string[]) => replies.join('\n');
const stored = async (id = CASE_ID): Promise<Case> => (await harness.store.repositories.cases.get(id))!;

function goal(id: string, text: string): Goal {
  return {
    id,
    domain: 'housing',
    text,
    actor: 'Ana',
    indicator: 'hecho',
    target: 'sí',
    deadline: '2027-01-31',
    support: '',
    obstacles: '',
    dependsOnThirdParty: false,
    agreement: { at: AT, recordedBy: 'worker-1' },
    status: 'active',
    createdAt: AT,
    createdBy: 'worker-1',
  };
}

function referral(id: string, serviceId: string, status: Referral['status']): Referral {
  return { id, serviceId, category: 'empleo', status, history: [{ status, at: AT, by: 'worker-1' }], cost: 0, createdAt: AT, createdBy: 'worker-1' };
}

const SERVICES: Service[] = [
  {
    id: 'S-EMPLEO',
    name: 'Orientación laboral',
    category: 'empleo',
    provider: 'Ayuntamiento',
    contact: '',
    cost: 0,
    eligibility: '',
    capacity: null,
    active: true,
  },
  {
    id: 'S-COMEDR',
    name: 'Comedor social',
    category: 'alimentación',
    provider: 'Cáritas',
    contact: '',
    cost: 0,
    eligibility: '',
    capacity: null,
    active: true,
  },
];

function closableCase(overrides: Partial<Case> = {}): Case {
  return caseRecord({
    id: CASE_ID,
    intensity: 'moderate',
    contactEveryDays: 21,
    nextReviewDate: '2027-01-30',
    goals: [goal('G-1', 'Presentar la solicitud de vivienda')],
    tasks: [
      taskRecord({ id: 'T-SOLICI', description: 'Presentar la solicitud de vivienda', goalId: 'G-1', dueDate: '2026-12-20' }),
      taskRecord({ id: 'T-HECHA1', description: 'Reunir los papeles', goalId: 'G-1', status: 'done' }),
      taskRecord({ id: 'T-LLAMAR', description: 'Llamar al casero', owner: 'worker', dueDate: '2026-12-01' }),
    ],
    referrals: [referral('R-EMPLEO', 'S-EMPLEO', 'inProgress'), referral('R-COMEDR', 'S-COMEDR', 'referred'), referral('R-VIEJA1', 'S-COMEDR', 'completed')],
    ...overrides,
  });
}

async function start(record: Case = closableCase()): Promise<void> {
  harness = await createHarness({ cases: [record] });
  for (const service of SERVICES) await harness.store.repositories.services.put(service);
  await harness.services.followUps.syncAll();
}

describe('closing a case (Spanish)', () => {
  it('ends open tasks with the case, asks the final state of each active referral, stops follow-ups and shows no next review', async () => {
    await start();
    expect((await harness.jobs.pendingFor(caseScope(CASE_ID))).map((job) => job.kind)).toEqual(expect.arrayContaining(['clientCheckIn', 'workerTaskDue']));
    await harness.send('hola');
    await harness.sendAll([`cierre ${CASE_ID}`, 'objetivos cumplidos']);
    const referrals = joined(await harness.send('logrado'));
    expect(referrals).toContain('Derivaciones activas: 2. Anota cómo termina cada una con el cierre.');
    expect(referrals).toContain('Derivación 1 de 2: «Orientación laboral». ¿Cómo termina?');
    expect(referrals).toContain('3. Cancelada con el cierre');
    expect(joined(await harness.send('quizás'))).toContain('Elige una opción');
    expect(joined(await harness.send('completada'))).toContain('Derivación 2 de 2: «Comedor social». ¿Cómo termina?');
    expect(joined(await harness.send('cancelada'))).toContain('Resumen del cierre');
    const summary = joined(await harness.send('Vivienda solicitada; sigue con el empleo por su cuenta.'));
    expect(summary).toContain('- Derivaciones:\n  - Orientación laboral: Completada\n  - Comedor social: Cancelada con el cierre');
    expect(summary).toContain('- Tareas abiertas: 2. Se cierran con el caso.');
    expect(summary).toContain('Con el cierre se detienen los mensajes de seguimiento del caso y no queda ninguna revisión pendiente.');
    expect(joined(await harness.send('sí'))).toContain(`Caso ${CASE_ID} cerrado.`);

    const record = await stored();
    expect(record.status).toBe('closed');
    expect(record.tasks.map((t) => [t.id, t.status])).toEqual([
      ['T-SOLICI', 'closedWithCase'],
      ['T-HECHA1', 'done'],
      ['T-LLAMAR', 'closedWithCase'],
    ]);
    expect(record.referrals.map((r) => [r.id, r.status])).toEqual([
      ['R-EMPLEO', 'completed'],
      ['R-COMEDR', 'cancelled'],
      ['R-VIEJA1', 'completed'],
    ]);
    expect(record.referrals[1]!.history.at(-1)).toEqual({ status: 'cancelled', at: '2026-11-23T09:00:00.000Z', by: 'worker-1' });
    expect(record.closure?.referralOutcomes).toEqual([
      { referralId: 'R-EMPLEO', status: 'completed' },
      { referralId: 'R-COMEDR', status: 'cancelled' },
    ]);
    expect(record.nextReviewDate).toBeUndefined();
    // Follow-ups stop: nothing is left scheduled for the case.
    expect(await harness.jobs.pendingFor(caseScope(CASE_ID))).toEqual([]);

    // No next review anywhere: case view, caseload.
    const view = joined(await harness.send(`ver caso ${CASE_ID}`));
    expect(view).toContain('Próxima revisión: ninguna (caso cerrado)');
    expect(view).not.toContain('30 de enero de 2027');
    await harness.send('hola', 'super-1');
    const team = joined(await harness.send('casos del equipo', 'super-1'));
    expect(team).toContain(`${CASE_ID} · Ana P. · cerrado`);
    expect(team).toContain('próxima revisión: ninguna (caso cerrado)');
  });

  it('a closed case stored with a review date still shows none', async () => {
    await start(closableCase({ status: 'closed', nextReviewDate: '2026-12-15' }));
    await harness.send('hola');
    const view = joined(await harness.send(`ver caso ${CASE_ID}`));
    expect(view).toContain('Próxima revisión: ninguna (caso cerrado)');
    expect(view).not.toContain('15 de diciembre');
  });
});

describe('closing a case (English)', () => {
  it('asks each active referral and ends tasks with the case', async () => {
    await start(closableCase({ workerId: 'worker-en', team: 'sur', referrals: [referral('R-EMPLEO', 'S-EMPLEO', 'accepted')] }));
    await harness.send('hello', 'worker-en');
    await harness.send(`close case ${CASE_ID}`, 'worker-en');
    // A transfer within the team needs no closure: the supervisor transfers the case.
    expect(joined(await harness.send('transfer', 'worker-en'))).toContain('a supervisor can transfer it ("transfer case")');
    const asked = joined(await harness.send('not achieved', 'worker-en'));
    expect(asked).toContain('Active referrals: 1. Record how each one ends with the closure.');
    expect(asked).toContain('Referral 1 of 1: "Orientación laboral". How does it end?');
    await harness.send('declined', 'worker-en');
    const summary = joined(await harness.send('No answer to calls.', 'worker-en'));
    expect(summary).toContain('- Referrals:\n  - Orientación laboral: Declined');
    expect(summary).toContain('- Open tasks: 2. They end with the case.');
    await harness.send('yes', 'worker-en');
    const record = await stored();
    expect(record).toMatchObject({ status: 'closed', closure: { reason: 'transfer' }, referrals: [{ status: 'declined' }] });
    expect(record.tasks.filter((t) => t.status === 'open')).toEqual([]);
    expect(joined(await harness.send(`view case ${CASE_ID}`, 'worker-en'))).toContain('Next review: none (case closed)');
  });
});

describe('reopening a case', () => {
  /** Closed by worker-1 with one goal achieved and one not: the outcomes stay. */
  function closedCase(intensity: Case['intensity']): Case {
    return caseRecord({
      id: CASE_ID,
      status: 'closed',
      ...(intensity ? { intensity } : {}),
      goals: [
        { ...goal('G-1', 'Presentar la solicitud de vivienda'), status: 'achieved' },
        { ...goal('G-2', 'Buscar empleo'), status: 'dropped' },
      ],
      closure: { at: '2026-11-02T10:00:00.000Z', by: 'worker-1', reason: 'goalsMet', outcomes: [], summary: 'Cerrado.' },
    });
  }

  it('in Spanish: sets the review date from the intensity, says so, and leaves the assessment for later on «no»; goals keep their outcome', async () => {
    await start(closedCase('intensive'));
    await harness.send('hola');
    await harness.sendAll([`reabrir ${CASE_ID}`, 'Vuelve con un aviso de desahucio']);
    const reopened = joined(await harness.send('sí'));
    expect(reopened).toContain(`Caso ${CASE_ID} reabierto.`);
    expect(reopened).toContain('Próxima revisión: miércoles, 23 de diciembre de 2026 (intensidad intensiva, revisión cada 30 días).');
    expect(reopened).toContain('¿Hacemos ahora una nueva valoración? (sí/no)');
    expect(joined(await harness.send('no'))).toContain(
      'De acuerdo, la valoración queda para más adelante. La revisión sigue fijada para el miércoles, 23 de diciembre de 2026.',
    );
    const record = await stored();
    expect(record).toMatchObject({ status: 'open', nextReviewDate: '2026-12-23' });
    expect(record.goals.map((g) => [g.id, g.status])).toEqual([
      ['G-1', 'achieved'],
      ['G-2', 'dropped'],
    ]);
    // The review reminder follows from the new date.
    expect((await harness.jobs.pendingFor(caseScope(CASE_ID))).map((job) => job.kind)).toContain('reviewReminder');
    expect(joined(await harness.send(`ver caso ${CASE_ID}`))).toContain('Próxima revisión: miércoles, 23 de diciembre de 2026');
  });

  it('in Spanish: «sí» starts the assessment of the reopened case at once', async () => {
    await start(closedCase(undefined));
    await harness.send('hola');
    await harness.sendAll([`reabrir ${CASE_ID}`, 'Nueva derivación del centro de salud']);
    // Not assessed yet: the review follows the moderate default.
    expect(joined(await harness.send('sí'))).toContain('Próxima revisión: lunes, 22 de febrero de 2027 (intensidad moderada, revisión cada 90 días).');
    expect(joined(await harness.send('sí'))).toContain(`Valoración inicial del caso ${CASE_ID}`);
    expect((await stored()).status).toBe('open');
  });

  it('in English, by the team supervisor', async () => {
    await start(closedCase('basic'));
    await harness.send('hello', 'super-1');
    await harness.send('idioma en', 'super-1');
    await harness.sendAll([`reopen ${CASE_ID}`, 'New referral from the health centre'], 'super-1');
    const reopened = joined(await harness.send('yes', 'super-1'));
    expect(reopened).toContain('Next review: Monday, 24 May 2027 (basic intensity, a review every 180 days).');
    expect(reopened).toContain('Shall we do a new assessment now? (yes/no)');
    expect(joined(await harness.send('no', 'super-1'))).toContain('All right, the assessment is left for later. The review stays set for Monday, 24 May 2027.');
    expect(await stored()).toMatchObject({ status: 'open', nextReviewDate: '2027-05-24', goals: [{ status: 'achieved' }, { status: 'dropped' }] });
  });
});
