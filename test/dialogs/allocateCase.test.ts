import { afterEach, describe, expect, it } from 'vitest';
import { caseScope } from '../../src/domain/followups/job.js';
import type { Case, Staff } from '../../src/domain/schemas.js';
import { createHarness, DEMO_STAFF, type Harness } from '../support/botHarness.js';
import { caseRecord, staffRecord } from '../support/records.js';

let harness: Harness;
afterEach(async () => harness?.close());

// The harness clock: Monday 23 November 2026, 09:00 UTC.
const CASE_ID = 'C-ASGNAB';
const SUR_CASE = 'C-SURCAB';
const joined = (replies: string[]) => replies.join('\n');
const stored = async (id = CASE_ID): Promise<Case> => (await harness.store.repositories.cases.get(id))!;

/** Pablo Ruiz has 3 hours a month and an intensive case (4 h): over already. */
const STAFF: Staff[] = [
  ...DEMO_STAFF.map((s) => (s.id === 'worker-2' ? { ...s, availableHoursPerMonth: 3 } : s)),
  staffRecord({ id: 'worker-en2', name: 'Ben Carter', role: 'worker', team: 'sur', language: 'en', availableHoursPerMonth: 40 }),
];

const CASES: Case[] = [
  caseRecord({ id: CASE_ID, intensity: 'moderate', sharedWith: ['worker-2'] }),
  caseRecord({ id: 'C-PBLWAB', workerId: 'worker-2', intensity: 'intensive', client: { ...caseRecord().client, name: 'Luis G.' } }),
  caseRecord({ id: SUR_CASE, workerId: 'worker-en', team: 'sur', intensity: 'basic', client: { ...caseRecord().client, name: 'Mary K.', language: 'en' } }),
];

async function start(): Promise<void> {
  harness = await createHarness({ staff: STAFF, cases: CASES });
}

async function auditOf(actor: string) {
  return (await harness.store.repositories.audit.readDay('2026-11-23')).filter((entry) => entry.actor === actor);
}

describe('a supervisor allocates a case (Spanish)', () => {
  it('shows each worker with required against available hours, transfers on confirmation, audits it and tells both workers', async () => {
    await start();
    await harness.send('hola', 'super-1');
    const shown = joined(await harness.send(`transferir caso ${CASE_ID}`, 'super-1'));
    expect(shown).toContain(`Caso ${CASE_ID} (Ana P.), ahora con Lucía Martín. Tiempo estimado del caso: 2 h al mes (intensidad moderada).`);
    expect(shown).toContain('Profesionales del equipo (horas necesarias al mes frente a disponibles):');
    expect(shown).toContain('- Lucía Martín (lleva el caso): 2 h de 120 h');
    expect(shown).toContain('1. Pablo Ruiz: 4 h de 3 h; con este caso, 6 h ⚠ por encima');
    expect(shown).toContain('¿A quién se lo asignas?');
    // Workers of other teams and supervisors are not offered.
    expect(shown).not.toContain('Sarah Jones');
    expect(shown).not.toContain('Marta Gil:');

    const confirm = joined(await harness.send('Pablo', 'super-1'));
    expect(confirm).toContain('⚠ Con este caso, Pablo Ruiz necesitaría 6 h al mes de 3 h disponibles.');
    expect(confirm).toContain(`¿Paso el caso ${CASE_ID} de Lucía Martín a Pablo Ruiz? (sí/no)`);
    expect((await stored()).workerId).toBe('worker-1');
    const done = joined(await harness.send('sí', 'super-1'));
    expect(done).toContain(`Caso ${CASE_ID} asignado a Pablo Ruiz. Ya no está en la lista de casos de Lucía Martín.`);
    expect(done).toContain('Les aviso por mensaje: Pablo Ruiz y Lucía Martín.');

    const record = await stored();
    expect(record.workerId).toBe('worker-2');
    // Pablo owns it now rather than having it shared; Lucía keeps no access.
    expect(record.sharedWith).toEqual([]);
    expect(record.assignments).toEqual([
      { id: expect.stringMatching(/^AS-/), at: '2026-11-23T09:00:00.000Z', by: 'super-1', from: 'worker-1', to: 'worker-2' },
    ]);
    expect(await auditOf('super-1')).toContainEqual(expect.objectContaining({ action: 'case.assign', caseId: CASE_ID, outcome: 'ok' }));

    // Both workers are told by a proactive message, each in their own words.
    const notices = (await harness.jobs.pendingFor(caseScope(CASE_ID))).filter((job) => job.kind === 'caseAssigned');
    expect(notices.map((job) => job.recipient)).toEqual(
      expect.arrayContaining([
        { role: 'worker', staffId: 'worker-2' },
        { role: 'worker', staffId: 'worker-1' },
      ]),
    );
    expect(notices).toHaveLength(2);
    expect(harness.nudges.count).toBeGreaterThan(0);
    const toNew = notices.find((job) => job.recipient.role === 'worker' && job.recipient.staffId === 'worker-2')!;
    const toOld = notices.find((job) => job.recipient.role === 'worker' && job.recipient.staffId === 'worker-1')!;
    const target = { language: 'es' as const, timeZone: 'Europe/Madrid' };
    expect(await harness.services.followUps.delivery.message([toNew], target)).toBe(
      `Marta Gil te ha asignado el caso de Ana P. (${CASE_ID}), que llevaba Lucía Martín. Ya está en tu lista de casos.`,
    );
    expect(await harness.services.followUps.delivery.message([toOld], target)).toBe(
      `Marta Gil ha pasado el caso de Ana P. (${CASE_ID}) a Pablo Ruiz. Ya no está en tu lista de casos.`,
    );

    // Access follows the case: Lucía no longer sees it, Pablo does.
    await harness.send('hola', 'worker-1');
    expect(joined(await harness.send('mis casos', 'worker-1'))).not.toContain(CASE_ID);
    await harness.send('hola', 'worker-2');
    expect(joined(await harness.send('mis casos', 'worker-2'))).toContain(CASE_ID);
  });

  it('says no and changes nothing; refuses a supervisor of another team and a worker, audited as denied', async () => {
    await start();
    await harness.send('hola', 'super-1');
    await harness.sendAll([`asignar caso ${CASE_ID}`, '1'], 'super-1');
    expect(joined(await harness.send('no', 'super-1'))).toContain(`No he cambiado nada; el caso ${CASE_ID} sigue con Lucía Martín.`);
    expect((await stored()).workerId).toBe('worker-1');
    expect((await stored()).assignments).toBeUndefined();

    await harness.send('hello', 'super-sur');
    const otherTeam = joined(await harness.send(`assign case ${CASE_ID}`, 'super-sur'));
    expect(otherTeam).not.toContain('Pablo Ruiz');
    expect(otherTeam).not.toContain('Ana P.');
    expect(await auditOf('super-sur')).toContainEqual(expect.objectContaining({ outcome: 'denied' }));

    await harness.send('hola', 'worker-1');
    const worker = joined(await harness.send(`asignar caso ${CASE_ID}`, 'worker-1'));
    expect(worker).not.toContain('¿A quién se lo asignas?');
    expect(await auditOf('worker-1')).toContainEqual(expect.objectContaining({ action: 'menu.allocateCase', outcome: 'denied' }));
    expect((await stored()).workerId).toBe('worker-1');
  });

  it('the service refuses a worker and a closed case, audited as denied', async () => {
    await start();
    const worker1 = { kind: 'staff' as const, id: 'worker-1', staff: STAFF.find((s) => s.id === 'worker-1')! };
    await expect(harness.services.cases.assign(worker1, CASE_ID, 'worker-2')).rejects.toThrow('Not allowed to allocate');
    await expect(harness.services.cases.allocationOptions(worker1, CASE_ID, harness.services.config)).rejects.toThrow('Not allowed to allocate');
    expect((await auditOf('worker-1')).filter((e) => e.action === 'case.assign').map((e) => e.outcome)).toEqual(['denied', 'denied']);
    await harness.store.repositories.cases.put({ ...(await stored()), status: 'closed' });
    const supervisor = { kind: 'staff' as const, id: 'super-1', staff: STAFF.find((s) => s.id === 'super-1')! };
    await expect(harness.services.cases.assign(supervisor, CASE_ID, 'worker-2')).rejects.toThrow('closed');
    expect((await stored()).workerId).toBe('worker-1');
  });
});

describe('a supervisor allocates a case (English)', () => {
  it('transfers within the team and tells both workers', async () => {
    await start();
    await harness.send('hello', 'super-sur');
    const shown = joined(await harness.send(`assign case ${SUR_CASE}`, 'super-sur'));
    expect(shown).toContain(`Case ${SUR_CASE} (Mary K.), now with Sarah Jones. Estimated time of the case: 1 h a month (basic intensity).`);
    expect(shown).toContain('- Sarah Jones (has the case): 1 h of 120 h');
    expect(shown).toContain('1. Ben Carter: 0 h of 40 h; with this case, 1 h');
    expect(joined(await harness.send('Ben Carter', 'super-sur'))).toContain(`Move case ${SUR_CASE} from Sarah Jones to Ben Carter? (yes/no)`);
    const done = joined(await harness.send('yes', 'super-sur'));
    expect(done).toContain(`Case ${SUR_CASE} assigned to Ben Carter. It is no longer in Sarah Jones's caseload.`);
    expect(done).toContain('I am letting them know by message: Ben Carter and Sarah Jones.');
    expect((await stored(SUR_CASE)).workerId).toBe('worker-en2');
    const notices = (await harness.jobs.pendingFor(caseScope(SUR_CASE))).filter((job) => job.kind === 'caseAssigned');
    const target = { language: 'en' as const, timeZone: 'Europe/London' };
    const toNew = notices.find((job) => job.recipient.role === 'worker' && job.recipient.staffId === 'worker-en2')!;
    expect(await harness.services.followUps.delivery.message([toNew], target)).toBe(
      `Tom Baker assigned you the case of Mary K. (${SUR_CASE}), which Sarah Jones had. It is now in your caseload.`,
    );
  });
});
