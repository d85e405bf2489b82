import { afterEach, describe, expect, it } from 'vitest';
import type { Case } from '../../src/domain/schemas.js';
import { createHarness, type Harness } from '../support/botHarness.js';
import { caseRecord } from '../support/records.js';

let harness: Harness;
afterEach(async () => harness?.close());

const CASE_ID = 'C-CRRE22';
const CLOSURE: NonNullable<Case['closure']> = {
  at: '2026-11-02T10:00:00.000Z',
  by: 'worker-1',
  reason: 'lostContact',
  outcomes: [],
  summary: 'Sin respuesta a tres llamadas.',
};

/** Closed by worker-1 (team norte) and shared with worker-2. */
function closedCase(overrides: Partial<Case> = {}): Case {
  return caseRecord({ id: CASE_ID, status: 'closed', closure: CLOSURE, sharedWith: ['worker-2'], ...overrides });
}

const stored = async (id = CASE_ID) => (await harness.store.repositories.cases.get(id))!;
const joined = (replies: string[]) => replies.join('\n');

describe('reopen dialog (Spanish)', () => {
  it("reopens by the case's worker, with a reason that cannot be left empty", async () => {
    harness = await createHarness({ cases: [closedCase(), caseRecord({ id: 'C-PENN33' })] });
    await harness.send('hola');
    const picker = joined(await harness.send('reabrir'));
    expect(picker).toContain(`1. ${CASE_ID} · Ana P. · cerrado`);
    expect(picker).not.toContain('C-PENN33');
    const reason = joined(await harness.send('1'));
    expect(reason).toContain(`El caso ${CASE_ID} (Ana P.) se cerró el lunes, 2 de noviembre de 2026. Motivo: Pérdida de contacto.`);
    expect(reason).toContain('¿Por qué se reabre el caso? (obligatorio)');
    expect(joined(await harness.send('   '))).toContain('Necesito una respuesta');
    expect(joined(await harness.send(''))).toContain('¿Por qué se reabre el caso?');
    expect(joined(await harness.send('Vuelve a contactar: aviso de desahucio'))).toContain(`¿Reabro el caso ${CASE_ID}? (sí/no)`);
    expect((await stored()).status).toBe('closed');
    expect(joined(await harness.send('sí'))).toContain(`Caso ${CASE_ID} reabierto`);

    const record = await stored();
    expect(record.status).toBe('open');
    expect(record.reopenings).toEqual([{ at: '2026-11-23T09:00:00.000Z', by: 'worker-1', reason: 'Vuelve a contactar: aviso de desahucio' }]);
    expect(record.closure).toEqual(CLOSURE);
    const audit = await harness.store.repositories.audit.readDay('2026-11-23');
    expect(audit).toContainEqual(expect.objectContaining({ actor: 'worker-1', action: 'case.reopen', caseId: CASE_ID, outcome: 'ok' }));
  });

  it("reopens by a supervisor of the case's team", async () => {
    harness = await createHarness({ cases: [closedCase()] });
    await harness.send('hola', 'super-1');
    await harness.sendAll([`reabrir ${CASE_ID}`, 'Nueva derivación del centro de salud'], 'super-1');
    await harness.send('sí', 'super-1');
    expect(await stored()).toMatchObject({ status: 'open', reopenings: [{ by: 'super-1', reason: 'Nueva derivación del centro de salud' }] });
  });

  it('refuses a worker the case is only shared with, and anyone outside the team', async () => {
    harness = await createHarness({ cases: [closedCase()] });
    await harness.send('hola', 'worker-2');
    const listed = joined(await harness.send('reabrir', 'worker-2'));
    expect(listed).toContain(`1. ${CASE_ID}`);
    const refused = joined(await harness.send('1', 'worker-2'));
    expect(refused).toContain(`Solo la persona responsable del caso ${CASE_ID} o su supervisión pueden reabrirlo`);
    expect(refused).not.toContain('¿Por qué se reabre');

    await harness.send('hello', 'super-sur');
    expect(joined(await harness.send(`reopen ${CASE_ID}`, 'super-sur'))).toContain(`I cannot find case ${CASE_ID}`);
    expect(await stored()).toMatchObject({ status: 'closed', reopenings: [] });
    const audit = await harness.store.repositories.audit.readDay('2026-11-23');
    expect(audit.filter((e) => e.action === 'case.reopen')).toEqual([]);
  });

  it('stores nothing on cancel or on "no", and says when there is nothing to reopen', async () => {
    harness = await createHarness({ cases: [closedCase(), caseRecord({ id: 'C-PENN33', workerId: 'worker-2' })] });
    await harness.send('hola');
    await harness.sendAll([`reabrir ${CASE_ID}`, 'Error al cerrar']);
    expect(joined(await harness.send('no'))).toContain('No he reabierto el caso; sigue cerrado.');
    await harness.send(`reabrir ${CASE_ID}`);
    expect(joined(await harness.send('cancelar'))).toContain('Cancelado: reapertura del caso');
    expect(await stored()).toMatchObject({ status: 'closed', reopenings: [] });

    await harness.send('hola', 'worker-2');
    expect(joined(await harness.send('reabrir C-PENN33', 'worker-2'))).toContain('El caso C-PENN33 ya está abierto.');
    expect((await stored('C-PENN33')).reopenings).toEqual([]);
    await harness.send('hello', 'worker-en');
    expect(joined(await harness.send('reopen', 'worker-en'))).toContain('You have no closed cases.');
  });
});

describe('reopen dialog (English)', () => {
  it('reopens a case typed in English', async () => {
    const closure = { ...CLOSURE, by: 'worker-en', reason: 'goalsMet' as const };
    harness = await createHarness({ cases: [closedCase({ id: 'C-ENGSH2', workerId: 'worker-en', team: 'sur', sharedWith: [], closure })] });
    await harness.send('hello', 'worker-en');
    const reason = joined(await harness.send('reopen case C-ENGSH2', 'worker-en'));
    expect(reason).toContain('Case C-ENGSH2 (Ana P.) was closed on Monday, 2 November 2026. Reason: Goals met.');
    expect(joined(await harness.send('Housing fell through', 'worker-en'))).toContain('Reopen case C-ENGSH2? (yes/no)');
    expect(joined(await harness.send('yes', 'worker-en'))).toContain('Case C-ENGSH2 reopened.');
    expect(await stored('C-ENGSH2')).toMatchObject({ status: 'open', reopenings: [{ by: 'worker-en', reason: 'Housing fell through' }] });
  });
});
