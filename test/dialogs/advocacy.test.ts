import { ConversationState, MemoryStorage, TestAdapter, type Activity } from 'botbuilder';
import { DialogSet } from 'botbuilder-dialogs';
import { afterEach, describe, expect, it } from 'vitest';
import { BARRIER_REPORT_DIALOG, BarrierReportDialog } from '../../dialogs/barrierReportDialog.js';
import { setSession } from '../../src/bot/session.js';
import type { Advocacy } from '../../src/domain/schemas.js';
import { createHarness, type Harness } from '../support/botHarness.js';
import { caseRecord } from '../support/records.js';

let harness: Harness;
afterEach(async () => harness?.close());

const NOW = '2026-11-23T09:00:00.000Z';
// Case ids the menu recognises typed with a command (no 0/O, 1/I/L).
const CASE_ES = caseRecord({ id: 'C-TESTES' });
const CASE_EN = caseRecord({ id: 'C-TESTEN', workerId: 'worker-en', team: 'sur', client: { ...CASE_ES.client, name: 'John D.' } });
const advocacyOf = async (caseId: string) => (await harness.store.repositories.cases.get(caseId))!.advocacy;

function entry(overrides: Partial<Advocacy>): Advocacy {
  return {
    id: 'A-ENTRY1',
    date: '2026-11-10',
    action: 'Reclamación',
    barrierType: 'procedure',
    barrier: 'Cita previa imposible',
    level: 'macro',
    by: 'worker-1',
    at: '2026-11-10T10:00:00.000Z',
    ...overrides,
  };
}

describe('advocacy dialog (Spanish)', () => {
  it('records an advocacy action with its barrier, type and level', async () => {
    harness = await createHarness({ cases: [CASE_ES] });
    await harness.send('hola');
    expect((await harness.send('defensa C-TESTES')).join()).toContain('Acción de defensa realizada');
    const types = (await harness.send('Reclamación ante la oficina de vivienda por la demora en resolver')).join('\n');
    expect(types).toContain('1. Requisitos de acceso (elegibilidad)');
    expect((await harness.send('9')).join()).toContain('Elige una opción');
    await harness.send('normativa');
    const levels = (await harness.send('El reglamento exige dos años de empadronamiento')).join('\n');
    expect(levels).toContain('3. Macro (políticas o barreras estructurales)');
    expect((await harness.send('mega')).join()).toContain('Elige una opción');
    await harness.send('macro');
    const summary = (await harness.send('no')).join('\n');
    expect(summary).toContain('Acción de defensa en el caso C-TESTES (lunes, 23 de noviembre de 2026)');
    expect(summary).toContain('- Barrera: Normativa · Macro (políticas o barreras estructurales)');
    expect(summary).toContain('- Resultado: (pendiente)');
    expect(await advocacyOf('C-TESTES')).toEqual([]);
    const done = (await harness.send('sí')).join();
    const id = /Acción de defensa (A-[A-Z0-9]{6}) guardada en el caso C-TESTES/.exec(done)?.[1];
    expect(id).toBeDefined();
    expect(done).toContain('informe de barreras estructurales');
    expect(await advocacyOf('C-TESTES')).toEqual([
      {
        id,
        date: '2026-11-23',
        action: 'Reclamación ante la oficina de vivienda por la demora en resolver',
        barrierType: 'regulation',
        barrier: 'El reglamento exige dos años de empadronamiento',
        level: 'macro',
        by: 'worker-1',
        at: NOW,
      },
    ]);
    const audit = await harness.store.repositories.audit.readDay('2026-11-23');
    expect(audit).toContainEqual(expect.objectContaining({ actor: 'worker-1', action: 'advocacy.create', caseId: 'C-TESTES' }));
  });

  it('records the outcome when there is one', async () => {
    harness = await createHarness({ cases: [CASE_ES] });
    await harness.send('hola');
    await harness.sendAll(['defensa C-TESTES', 'Acompañamiento a la cita del IMV', 'procedimiento', 'Piden documentos ya aportados', 'micro']);
    const done = (await harness.sendAll(['Se aceptó la solicitud', 'sí'])).join();
    expect(done).not.toContain('informe de barreras');
    expect(await advocacyOf('C-TESTES')).toMatchObject([{ barrierType: 'procedure', level: 'micro', outcome: 'Se aceptó la solicitud' }]);
  });

  it('cancelling, or answering no at the end, stores nothing', async () => {
    harness = await createHarness({ cases: [CASE_ES] });
    await harness.send('hola');
    await harness.sendAll(['defensa C-TESTES', 'Reclamación', 'política']);
    expect((await harness.send('cancelar')).join()).toContain('Cancelado: acción de defensa');
    await harness.sendAll(['defensa C-TESTES', 'Reclamación', 'política', 'Sin plazas', 'meso', 'no']);
    expect((await harness.send('no')).join()).toContain('no he guardado la acción de defensa');
    expect(await advocacyOf('C-TESTES')).toEqual([]);
  });
});

describe('advocacy dialog (English)', () => {
  it('records an advocacy action typed in English', async () => {
    harness = await createHarness({ cases: [CASE_EN] });
    await harness.send('hello', 'worker-en');
    await harness.sendAll(['advocacy C-TESTEN', 'Letter to the benefits office', 'eligibility', 'Age limit of 23 for the minimum income'], 'worker-en');
    const summary = (await harness.sendAll(['meso', 'Reply pending'], 'worker-en')).join('\n');
    expect(summary).toContain('- Barrier: Eligibility · Meso (relations with community resources)');
    expect((await harness.send('yes', 'worker-en')).join()).toMatch(/Advocacy action A-[A-Z0-9]{6} saved on case C-TESTEN\./);
    expect(await advocacyOf('C-TESTEN')).toMatchObject([
      {
        date: '2026-11-23',
        action: 'Letter to the benefits office',
        barrierType: 'eligibility',
        barrier: 'Age limit of 23 for the minimum income',
        level: 'meso',
        outcome: 'Reply pending',
        by: 'worker-en',
        at: NOW,
      },
    ]);
  });
});

const TEAM_CASES = [
  caseRecord({ id: 'C-NORTE2', client: { ...CASE_ES.client, name: 'Carmen Ruiz' }, advocacy: [entry({ barrier: 'Cita previa imposible' })] }),
  caseRecord({
    id: 'C-NORTE3',
    workerId: 'worker-2',
    status: 'closed',
    client: { ...CASE_ES.client, name: 'Pedro Gómez' },
    advocacy: [
      entry({ id: 'A-ENTRY2', barrierType: 'policy', level: 'micro', barrier: 'Sin ayudas al alquiler para menores de 35' }),
      entry({ id: 'A-ENTRY3', level: 'micro', barrier: 'Un trámite concreto de este caso' }),
      entry({ id: 'A-ENTRY4', barrier: 'Cita previa imposible' }),
    ],
  }),
  caseRecord({
    id: 'C-SURSUR',
    workerId: 'worker-en',
    team: 'sur',
    client: { ...CASE_ES.client, name: 'John D.' },
    advocacy: [entry({ barrier: 'Barrera del equipo sur' })],
  }),
];

describe('barrier report', () => {
  it("shows a supervisor the structural barriers of their team's cases, by case id only", async () => {
    harness = await createHarness({ cases: TEAM_CASES });
    await harness.send('hola', 'super-1');
    const report = (await harness.send('informe de barreras', 'super-1')).join('\n');
    expect(report).toContain('Informe de barreras estructurales · equipo norte · casos revisados: 2');
    expect(report).toContain('Procedimiento · casos: 2 (C-NORTE2, C-NORTE3) · registros: 2');
    expect(report).toContain('  – Cita previa imposible');
    expect(report).toContain('Política · casos: 1 (C-NORTE3) · registros: 1');
    expect(report).toContain('Sin ayudas al alquiler para menores de 35');
    expect(report).not.toContain('Un trámite concreto de este caso');
    expect(report).not.toContain('C-SURSUR');
    expect(report).not.toContain('Barrera del equipo sur');
    for (const name of ['Carmen Ruiz', 'Pedro Gómez', 'John D.']) expect(report).not.toContain(name);
  });

  it('shows the other team its own barriers, in English', async () => {
    harness = await createHarness({ cases: TEAM_CASES });
    await harness.send('hello', 'super-sur');
    const report = (await harness.send('barrier report', 'super-sur')).join('\n');
    expect(report).toContain('Structural barrier report · team sur · cases reviewed: 1');
    expect(report).toContain('Procedure · cases: 1 (C-SURSUR) · entries: 1');
    expect(report).not.toContain('C-NORTE');
  });

  it('says so when the team has no structural barriers', async () => {
    harness = await createHarness({ cases: [CASE_ES] });
    await harness.send('hola', 'super-1');
    expect((await harness.send('barreras', 'super-1')).join()).toContain('No hay barreras estructurales registradas en los casos de tu equipo (norte)');
  });

  it('is not offered to a worker', async () => {
    harness = await createHarness({ cases: TEAM_CASES });
    await harness.send('hola');
    const reply = (await harness.send('informe de barreras')).join();
    expect(reply).toContain('No te he entendido');
    expect(reply).not.toContain('Cita previa imposible');
  });

  it('is refused to a worker who reaches it anyway', async () => {
    harness = await createHarness({ cases: TEAM_CASES });
    expect(await startReportAs('worker-1')).toEqual(['Esa opción no está disponible para tu perfil.']);
    expect(await startReportAs('admin-1')).toEqual(['Esa opción no está disponible para tu perfil.']);
    expect((await startReportAs('super-1')).join()).toContain('C-NORTE2');
  });
});

/** Starts the report dialog directly, bypassing the menu, as the given staff member. */
async function startReportAs(staffId: string): Promise<string[]> {
  const staff = (await harness.store.repositories.staff.get(staffId))!;
  const state = new ConversationState(new MemoryStorage());
  const dialogs = new DialogSet(state.createProperty('dialogState')).add(new BarrierReportDialog());
  const adapter = new TestAdapter(async (context) => {
    setSession(context, { actor: { kind: 'staff', id: staff.id, staff }, lang: staff.language, timeZone: staff.timeZone, services: harness.services });
    const dc = await dialogs.createContext(context);
    await dc.beginDialog(BARRIER_REPORT_DIALOG);
  });
  await adapter.processActivity({ type: 'message', text: 'informe', from: { id: staffId }, conversation: { id: 'c' } } as Partial<Activity> as Activity);
  return adapter.activeQueue.splice(0).map((a) => a.text ?? '');
}
