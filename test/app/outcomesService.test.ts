import { describe, expect, it } from 'vitest';
import { OUTCOMES_ACTION, OutcomesRefusedError, OutcomesService } from '../../src/app/outcomesService.js';
import type { Actor } from '../../src/domain/access.js';
import { ALL_CASES, PERIOD, SERVICES, TIME_ZONE } from '../support/outcomesFixtures.js';
import { staffRecord } from '../support/records.js';
import { tempStore } from '../support/tempStore.js';

const NOW = new Date('2026-12-05T09:00:00Z');
const staff = (id: string, role: 'worker' | 'supervisor' | 'admin', team = 'norte'): Actor => ({ kind: 'staff', id, staff: staffRecord({ id, role, team }) });

async function setup() {
  const { store } = await tempStore();
  for (const record of ALL_CASES) await store.repositories.cases.put(record);
  for (const service of SERVICES) await store.repositories.services.put(service);
  const service = new OutcomesService(store.repositories, () => NOW);
  const audit = async (actor: string) => (await store.repositories.audit.readDay('2026-12-05')).filter((e) => e.actor === actor);
  return { service, audit };
}

describe('OutcomesService', () => {
  it('gives a supervisor their own team’s outcomes with the CSV and its file name, each case read audited', async () => {
    const { service, audit } = await setup();
    const report = await service.forTeam(staff('super-1', 'supervisor'), PERIOD, TIME_ZONE);
    expect(report.outcomes.team).toBe('norte');
    expect(report.outcomes.activeCases).toBe(3);
    expect(report.outcomes.referrals.map((r) => r.serviceName)).toEqual(['Banco de alimentos "La Esperanza", Norte', 'Orientación laboral', 'S-GONE']);
    expect(report.csv.startsWith('\uFEFF"team"')).toBe(true);
    expect(report.fileName).toBe('resultados-norte-2026-09-01-2026-11-30.csv');
    const entries = await audit('super-1');
    expect(entries.every((e) => e.action === OUTCOMES_ACTION && e.outcome === 'ok')).toBe(true);
    expect(entries.map((e) => e.caseId).sort()).toEqual(['C-CLOSE1', 'C-EARLY1', 'C-LATER1', 'C-NODUE1', 'C-OPEN01']);
  });

  it('audits the request even for a team with no cases', async () => {
    const { service, audit } = await setup();
    const report = await service.forTeam(staff('super-x', 'supervisor', 'este'), PERIOD, TIME_ZONE);
    expect(report.outcomes.activeCases).toBe(0);
    expect(await audit('super-x')).toEqual([expect.objectContaining({ action: OUTCOMES_ACTION, outcome: 'ok' })]);
  });

  for (const [who, actor] of [
    ['a worker', staff('worker-1', 'worker')],
    ['an admin', staff('admin-1', 'admin', 'central')],
    ['a client', { kind: 'client', id: 'client-1', caseId: 'C-OPEN01' }],
    ['a stranger', { kind: 'unknown', id: 'stranger-1' }],
  ] as [string, Actor][]) {
    it(`refuses ${who}, and audits the refusal with no case`, async () => {
      const { service, audit } = await setup();
      await expect(service.forTeam(actor, PERIOD, TIME_ZONE)).rejects.toBeInstanceOf(OutcomesRefusedError);
      expect(await service.allowed(actor)).toBe(false);
      const entries = await audit(actor.id);
      expect(entries).toHaveLength(2);
      expect(entries.every((e) => e.action === OUTCOMES_ACTION && e.outcome === 'denied' && e.caseId === undefined)).toBe(true);
    });
  }
});
