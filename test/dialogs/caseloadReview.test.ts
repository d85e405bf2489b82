import { ConversationState, MemoryStorage, TestAdapter } from 'botbuilder';
import { DialogSet, type DialogState } from 'botbuilder-dialogs';
import { afterEach, describe, expect, it } from 'vitest';
import { setSession } from '../../src/bot/session.js';
import type { Case, Contact, Task } from '../../src/domain/schemas.js';
import { CaseloadReviewDialog } from '../../dialogs/caseloadReviewDialog.js';
import { createHarness, DEMO_STAFF, type Harness } from '../support/botHarness.js';
import { caseRecord } from '../support/records.js';

let harness: Harness;
afterEach(async () => harness?.close());

// Today is Monday 23 November 2026 (the harness clock).
const AT = '2026-10-01T09:00:00.000Z';

function contact(date: string): Contact {
  return {
    id: `K-${date.replaceAll('-', '').slice(2)}`,
    date,
    type: 'call',
    minutes: 20,
    withWhom: 'Ana',
    note: '',
    by: 'worker-1',
    at: `${date}T10:00:00.000Z`,
  };
}

function stalledTask(): Task {
  return {
    id: 'T-STALL2',
    description: 'Llamar al casero',
    owner: 'worker',
    dueDate: '2026-12-15',
    obstacles: [],
    checkInEveryDays: 7,
    commitment: { at: AT, confirmedBy: 'worker-2' },
    status: 'open',
    progress: [
      { at: '2026-11-09T10:00:00.000Z', rating: 1, source: 'worker', by: 'worker-2' },
      { at: '2026-11-16T10:00:00.000Z', rating: 1, source: 'worker', by: 'worker-2' },
    ],
    createdAt: AT,
    createdBy: 'worker-2',
  };
}

/** Consent to messages is off so that no check-ins are expected unless a test wants them. */
function teamCase(overrides: Partial<Case>): Case {
  return caseRecord({
    intakeDate: '2026-10-01',
    intensity: 'moderate',
    contactEveryDays: 21,
    nextReviewDate: '2027-01-30',
    contacts: [contact('2026-11-20')],
    consent: { dataProcessing: true, messaging: false, recordedAt: AT, recordedBy: 'worker-1' },
    ...overrides,
  });
}

const CASES: Case[] = [
  // Review 13 days overdue.
  teamCase({
    id: 'C-NRTE22',
    client: { kind: 'individual', name: 'Ana P.', contact: '', language: 'es', timeZone: 'Europe/Madrid' },
    intensity: 'intensive',
    contactEveryDays: 7,
    nextReviewDate: '2026-11-10',
  }),
  // A stalled task, on another worker of the team.
  teamCase({
    id: 'C-NRTE33',
    workerId: 'worker-2',
    client: { kind: 'family', name: 'Familia Sanz', contact: '', language: 'es', timeZone: 'Europe/Madrid' },
    tasks: [stalledTask()],
  }),
  // Nothing to flag.
  teamCase({ id: 'C-NRTE44', client: { kind: 'individual', name: 'Luis Q.', contact: '', language: 'es', timeZone: 'Europe/Madrid' } }),
  // Overdue, but closed.
  teamCase({ id: 'C-NRTE55', status: 'closed', nextReviewDate: '2026-10-01' }),
  // Overdue and out of contact, in another team.
  teamCase({
    id: 'C-SURR66',
    workerId: 'worker-en',
    team: 'sur',
    nextReviewDate: '2026-11-13',
    contacts: [contact('2026-10-20')],
    client: { kind: 'individual', name: 'John D.', contact: '', language: 'en', timeZone: 'Europe/London' },
  }),
];

const stored = async (id: string) => (await harness.store.repositories.cases.get(id))!;
const joined = (replies: string[]) => replies.join('\n');

describe('caseload review (Spanish)', () => {
  it("lists only the team's flagged open cases, most urgent first, with their flags and days late", async () => {
    harness = await createHarness({ cases: CASES });
    await harness.send('hola', 'super-1');
    const list = joined(await harness.send('casos marcados', 'super-1'));
    expect(list).toContain('Casos marcados de tu equipo a lunes, 23 de noviembre de 2026 (2):');
    expect(list).toContain(
      '1. C-NRTE22 · Ana P. · Lucía Martín · intensidad: intensiva · próxima revisión: martes, 10 de noviembre de 2026\n   - revisión vencida (13 días de retraso)',
    );
    expect(list).toContain('2. C-NRTE33 · Familia Sanz · Pablo Ruiz · intensidad: moderada');
    expect(list).toContain('tareas estancadas: 1');
    expect(list).not.toContain('C-NRTE44');
    expect(list).not.toContain('C-NRTE55');
    expect(list).not.toContain('C-SURR66');
    expect(list).toContain('¿Qué caso revisas? Escribe su número de la lista.');
  });

  it('records a continue decision by the supervisor, the next review from the intensity', async () => {
    harness = await createHarness({ cases: CASES });
    await harness.send('hola', 'super-1');
    await harness.send('casos marcados', 'super-1');
    expect(joined(await harness.send('3', 'super-1'))).toContain('Escribe un número entero entre 1 y 2');
    const decision = joined(await harness.send('1', 'super-1'));
    expect(decision).toContain('Caso C-NRTE22 (Ana P.): ¿qué decides?');
    expect(decision).toContain('1. Continuar');
    expect(joined(await harness.send('quizá', 'super-1'))).toContain('Elige una opción');
    const done = joined(await harness.send('1', 'super-1'));
    expect(done).toContain('Decisión registrada en el caso C-NRTE22: Continuar. Próxima revisión: miércoles, 23 de diciembre de 2026.');

    const record = await stored('C-NRTE22');
    expect(record.reviews).toHaveLength(1);
    expect(record.reviews[0]).toMatchObject({ by: 'super-1', decision: 'continue', nextReviewDate: '2026-12-23', note: '', at: '2026-11-23T09:00:00.000Z' });
    expect(record.reviews[0]!.assessmentId).toBeUndefined();
    expect(record).toMatchObject({ nextReviewDate: '2026-12-23', intensity: 'intensive', contactEveryDays: 7, status: 'open' });
    expect((await stored('C-NRTE33')).reviews).toHaveLength(0);

    // Decided: the case is no longer flagged.
    const after = joined(await harness.send('casos marcados', 'super-1'));
    expect(after).toContain('(1):');
    expect(after).not.toContain('C-NRTE22');
  });

  it('records a change of approach with the new intensity and contact frequency', async () => {
    harness = await createHarness({ cases: CASES });
    await harness.send('hola', 'super-1');
    await harness.sendAll(['casos marcados', '2', 'cambiar el enfoque'], 'super-1');
    const intensities = joined(await harness.send('intensidad', 'super-1'));
    expect(intensities).toContain('Intensidad nueva (ahora: moderada):');
    const done = joined(await harness.send('intensiva', 'super-1'));
    expect(done).toContain(
      'Decisión registrada en el caso C-NRTE33: Cambiar el enfoque (modelo o intensidad). Próxima revisión: miércoles, 23 de diciembre de 2026.',
    );
    const record = await stored('C-NRTE33');
    expect(record).toMatchObject({ intensity: 'intensive', contactEveryDays: 7, nextReviewDate: '2026-12-23', model: 'strengths' });
    expect(record.reviews[0]).toMatchObject({ by: 'super-1', decision: 'changeApproach', newIntensity: 'intensive', nextReviewDate: '2026-12-23' });
    expect(record.reviews[0]!.newModel).toBeUndefined();
  });

  it('records a decision to close and goes on into closure', async () => {
    harness = await createHarness({ cases: CASES });
    await harness.send('hola', 'super-1');
    await harness.sendAll(['casos marcados', '1'], 'super-1');
    const closure = joined(await harness.send('cerrar', 'super-1'));
    expect(closure).toContain('Decisión registrada en el caso C-NRTE22: Cerrar el caso.');
    expect(closure).toContain('Cierre del caso C-NRTE22 (Ana P.)');
    expect(closure).toContain('¿Por qué se cierra el caso?');
    expect((await stored('C-NRTE22')).reviews[0]).toMatchObject({ by: 'super-1', decision: 'close' });

    await harness.send('pérdida de contacto', 'super-1');
    await harness.send('Sin respuesta desde octubre', 'super-1');
    expect(joined(await harness.send('sí', 'super-1'))).toContain('Caso C-NRTE22 cerrado');
    expect(await stored('C-NRTE22')).toMatchObject({
      status: 'closed',
      closure: { by: 'super-1', reason: 'lostContact', summary: 'Sin respuesta desde octubre', outcomes: [] },
    });
  });

  it('cancel stores nothing', async () => {
    harness = await createHarness({ cases: CASES });
    await harness.send('hola', 'super-1');
    await harness.sendAll(['casos marcados', '2', 'cambiar'], 'super-1');
    expect(joined(await harness.send('cancelar', 'super-1'))).toContain('Cancelado: revisión de casos marcados');
    expect((await harness.store.repositories.cases.all()).every((c) => c.reviews.length === 0)).toBe(true);
    expect(await stored('C-NRTE33')).toMatchObject({ intensity: 'moderate', contactEveryDays: 21 });
  });

  it('says so when no case is flagged', async () => {
    harness = await createHarness({ cases: [CASES[2]!] });
    await harness.send('hola', 'super-1');
    expect(joined(await harness.send('casos marcados', 'super-1'))).toContain('Hoy (lunes, 23 de noviembre de 2026) no hay casos marcados en tu equipo.');
  });

  it('is not offered to workers, and refuses anyone but a supervisor', async () => {
    harness = await createHarness({ cases: CASES });
    await harness.send('hola');
    expect(joined(await harness.send('casos marcados'))).toContain('No te he entendido');

    // Started directly, as a worker: the dialog itself refuses.
    const conversationState = new ConversationState(new MemoryStorage());
    const dialogs = new DialogSet(conversationState.createProperty<DialogState>('dialogState'));
    dialogs.add(new CaseloadReviewDialog());
    const worker = DEMO_STAFF.find((s) => s.id === 'worker-1')!;
    const adapter = new TestAdapter(async (context) => {
      setSession(context, { actor: { kind: 'staff', id: worker.id, staff: worker }, lang: 'es', timeZone: 'Europe/Madrid', services: harness.services });
      const dc = await dialogs.createContext(context);
      await dc.beginDialog('caseloadReview');
      await conversationState.saveChanges(context);
    });
    await adapter.send('empezar').assertReply('Esa opción no está disponible para tu perfil.');
  });
});

describe('caseload review (English)', () => {
  it("lists the other team's flagged case for its supervisor and records the decision", async () => {
    harness = await createHarness({ cases: CASES });
    await harness.send('hello', 'super-sur');
    const list = joined(await harness.send('flagged cases', 'super-sur'));
    expect(list).toContain("Your team's flagged cases on Monday, 23 November 2026 (1):");
    expect(list).toContain('1. C-SURR66 · John D. · Sarah Jones · intensity: moderate');
    expect(list).toContain('overdue review (10 days late) · no contact in the expected interval (13 days late)');
    expect(list).not.toContain('C-NRTE22');
    const decision = joined(await harness.send('1', 'super-sur'));
    expect(decision).toContain('Case C-SURR66 (John D.): what do you decide?');
    await harness.send('change approach', 'super-sur');
    await harness.send('model', 'super-sur');
    const done = joined(await harness.send('intensive', 'super-sur'));
    expect(done).toContain('Decision recorded on case C-SURR66: Change approach (model or intensity). Next review: Monday, 22 February 2027.');
    const record = await stored('C-SURR66');
    expect(record).toMatchObject({ model: 'intensive', intensity: 'moderate', contactEveryDays: 21, nextReviewDate: '2027-02-22' });
    expect(record.reviews[0]).toMatchObject({ by: 'super-sur', decision: 'changeApproach', newModel: 'intensive' });
    expect(record.reviews[0]!.newIntensity).toBeUndefined();
  });
});
