import { afterEach, describe, expect, it } from 'vitest';
import { deriveJobs } from '../../src/domain/followups/derive.js';
import { defaultFollowUpConfig } from '../../src/domain/followups/settings.js';
import type { Alert, Case, Progress } from '../../src/domain/schemas.js';
import { createHarness, DEMO_STAFF, type Harness } from '../support/botHarness.js';
import { caseRecord, taskRecord as task } from '../support/records.js';

let harness: Harness;
afterEach(async () => harness?.close());

// The harness clock: Monday 23 November 2026, 09:00 UTC.
const CASE_ID = 'C-VEWABC';
const joined = (replies: string[]) => replies.join('\n');
const staff = (id: string) => DEMO_STAFF.find((s) => s.id === id)!;

const crisis: Alert = { id: 'AL-CRSSXX', kind: 'domainCrisis', at: '2026-11-20T10:00:00.000Z' };
const clientSaid: Progress = {
  at: '2026-11-21T10:00:00.000Z',
  rating: 1,
  obstacles: 'No tengo quien cuide a los niños',
  needsHelp: true,
  source: 'client',
  by: 'client-1',
};
const workerSaid: Progress = { at: '2026-11-18T10:00:00.000Z', rating: 2, obstacles: 'Faltaba un papel', source: 'worker', by: 'worker-1' };

function viewedCase(overrides: Partial<Case> = {}): Case {
  return caseRecord({
    id: CASE_ID,
    intensity: 'intensive',
    contactEveryDays: 7,
    nextReviewDate: '2026-12-20',
    contacts: [{ id: 'K-NOV22X', date: '2026-11-22', type: 'call', minutes: 10, withWhom: 'Ana', note: '', by: 'worker-1', at: '2026-11-22T10:00:00.000Z' }],
    goals: [
      {
        id: 'G-VIVIEN',
        domain: 'housing',
        text: 'Ana presenta la solicitud de vivienda',
        actor: 'Ana',
        indicator: 'solicitud',
        target: 'presentada',
        deadline: '2027-01-15',
        support: '',
        obstacles: '',
        dependsOnThirdParty: false,
        agreement: { at: '2026-11-02T10:00:00.000Z', recordedBy: 'worker-1' },
        status: 'active',
        createdAt: '2026-11-02T10:00:00.000Z',
        createdBy: 'worker-1',
      },
    ],
    tasks: [
      task({ goalId: 'G-VIVIEN', progress: [workerSaid, clientSaid] }),
      task({ id: 'T-PADRON', description: 'Pedir el certificado de padrón', lastPromptedAt: '2026-11-22T09:00:00.000Z' }),
    ],
    alerts: [crisis],
    ...overrides,
  });
}

describe("the worker's case view", () => {
  it("shows goals, each rating with its obstacles, help requests in the client's words, an unanswered prompt and open alerts", async () => {
    harness = await createHarness({ cases: [viewedCase()] });
    await harness.send('hola');
    const view = joined(await harness.send(`ver caso ${CASE_ID}`));
    expect(view).toContain('Objetivos:\n\n- Ana presenta la solicitud de vivienda · activo · hasta el viernes, 15 de enero de 2027');
    expect(view).toContain(
      [
        '- Presentar la solicitud de vivienda · la persona · para el lunes, 7 de diciembre de 2026',
        '  - Grado de logro del sábado, 21 de noviembre de 2026 (respuesta de la persona): Mínimamente o no conseguida',
        '  - ⚠ Pide ayuda: No tengo quien cuide a los niños',
        '  - Grado de logro del miércoles, 18 de noviembre de 2026 (registro del profesional): Parcialmente conseguida',
        '  - Obstáculos: Faltaba un papel',
      ].join('\n'),
    );
    expect(view).toContain(
      '- Pedir el certificado de padrón · la persona · para el lunes, 7 de diciembre de 2026\n  - Sin grado de logro todavía.\n  - Pregunta de seguimiento enviada el domingo, 22 de noviembre de 2026, aún sin respuesta.',
    );
    expect(view).toContain('Avisos sin decidir:\n\n- ⚠ crisis en un ámbito (nivel 1) · desde el viernes, 20 de noviembre de 2026');
  });

  it('shows no alert once it is decided, and the overdue review as one while undecided', async () => {
    const decided: Alert = { ...crisis, decision: { choice: 'continue', by: 'super-1', at: '2026-11-21T10:00:00.000Z' } };
    harness = await createHarness({ cases: [viewedCase({ alerts: [decided], nextReviewDate: '2026-11-10' })] });
    await harness.send('hola');
    const view = joined(await harness.send(`ver caso ${CASE_ID}`));
    expect(view).not.toContain('crisis en un ámbito');
    expect(view).toContain('Avisos sin decidir:\n\n- ⚠ revisión vencida · desde el miércoles, 11 de noviembre de 2026');
  });

  it('shows the same in English, and the task list shows the last rating and the help request', async () => {
    harness = await createHarness({ cases: [viewedCase({ workerId: 'worker-en', team: 'sur' })] });
    await harness.send('hello', 'worker-en');
    const view = joined(await harness.send(`view case ${CASE_ID}`, 'worker-en'));
    expect(view).toContain(
      "  - Rating of Saturday, 21 November 2026 (client's answer): Minimally or not achieved\n  - ⚠ Asks for help: No tengo quien cuide a los niños",
    );
    expect(view).toContain('Alerts waiting for a decision:\n\n- ⚠ crisis in a domain (level 1) · since Friday, 20 November 2026');
    const list = joined(await harness.send(`progress ${CASE_ID}`, 'worker-en'));
    expect(list).toContain('1. Presentar la solicitud de vivienda (due Monday, 7 December 2026) · last rating: Minimally or not achieved · ⚠ asks for help');
    expect(list).toMatch(/^2\. Pedir el certificado de padrón \(due Monday, 7 December 2026\)$/m);
  });
});

describe("the supervisor's flagged cases", () => {
  it('show the crisis alert recorded at assessment, first, with nothing else flagged on the case', async () => {
    const quiet = viewedCase({ id: 'C-QUETXX', alerts: [], tasks: [] });
    const other = viewedCase({ id: 'C-VERDUE', alerts: [], tasks: [], nextReviewDate: '2026-11-10' });
    harness = await createHarness({ cases: [quiet, viewedCase({ tasks: [] }), other] });
    await harness.send('hola', 'super-1');
    const list = joined(await harness.send('casos marcados', 'super-1'));
    expect(list).toContain('(2):\n\n1. C-VEWABC · Ana P. · Lucía Martín · intensidad: intensiva');
    expect(list).toContain('avisos sin decidir: crisis en un ámbito (nivel 1)');
    expect(list).toContain('2. C-VERDUE');
    expect(list).not.toContain('C-QUETXX');
  });

  it('a decision there decides the open alerts too, so the escalation is no longer sent', async () => {
    harness = await createHarness({ cases: [viewedCase({ tasks: [] })] });
    await harness.send('hola', 'super-1');
    await harness.sendAll(['casos marcados', '1'], 'super-1');
    expect(joined(await harness.send('continuar', 'super-1'))).toContain('Decisión registrada en el caso C-VEWABC');
    const saved = (await harness.store.repositories.cases.get(CASE_ID))!;
    expect(saved.alerts[0]!.decision).toEqual({ choice: 'continue', by: 'super-1', at: '2026-11-23T09:00:00.000Z', reviewId: saved.reviews[0]!.id });
    const jobs = deriveJobs(saved, { worker: staff('worker-1'), supervisors: [staff('super-1')] }, defaultFollowUpConfig, harness.clock.now);
    expect(jobs.filter((j) => j.kind === 'escalation')).toEqual([]);
    expect(joined(await harness.send('casos marcados', 'super-1'))).toContain('no hay casos marcados');
  });
});
