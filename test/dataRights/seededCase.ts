// A seeded demo store in which one case, Carmen's, holds every part an export must carry.
import { seedDemo } from '../../src/cli/seedDemo.js';
import { DEMO_CASE_IDS } from '../../src/demo/demoData.js';
import type { Repositories } from '../../src/domain/ports.js';
import type { Case } from '../../src/domain/schemas.js';

export const NOW = new Date('2026-12-01T10:00:00Z');
export const FULL_CASE = DEMO_CASE_IDS.strengths;

/** Seeds the demo, then gives Carmen's case an advocacy action, a review, a closure and a correction. */
export async function seedFullCase(repos: Repositories, now = NOW): Promise<Case> {
  await seedDemo(repos, now);
  const record = (await repos.cases.get(FULL_CASE))!;
  const at = new Date(now.getTime() - 86_400_000).toISOString();
  return repos.cases.put({
    ...record,
    advocacy: [
      ...record.advocacy,
      {
        id: 'AD-TEST01',
        date: at.slice(0, 10),
        action: 'Escrito a la oficina de vivienda pidiendo cita urgente',
        barrierType: 'procedure',
        barrier: 'Lista de espera sin plazo',
        level: 'micro',
        by: record.workerId,
        at,
      },
    ],
    reviews: [...record.reviews, { id: 'RV-TEST01', at, by: record.workerId, decision: 'continue', note: 'Revisión de prueba: sigue el plan' }],
    corrections: [{ at, by: record.workerId, target: { kind: 'contact', id: record.contacts[0]!.id, field: 'minutes' }, previous: 15 }],
  });
}

/** What identifies the other demo cases: ids, client names, contact details and notes. */
export async function tracesOfOtherCases(repos: Repositories, caseId: string): Promise<string[]> {
  const others = (await repos.cases.all()).filter((c) => c.id !== caseId);
  return others.flatMap((c) => [c.id, c.client.name, c.client.contact, c.referralSource, ...c.contacts.map((x) => x.note).filter((note) => note.length > 12)]);
}
