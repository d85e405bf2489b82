// Right of access (SPEC §5): an export holds every part of a case and nothing of another,
// with a plain-language summary in the client's language; the export itself is audited.
import { describe, expect, it } from 'vitest';
import { CaseBlockedError, DataRightsService, OPERATOR_ID } from '../../src/app/dataRights.js';
import { CaseAccessError, CaseService } from '../../src/app/caseService.js';
import type { Actor } from '../../src/domain/access.js';
import { PLAYGROUND_USERS } from '../../src/demo/demoData.js';
import type { Staff } from '../../src/domain/schemas.js';
import { tempStore } from '../support/tempStore.js';
import { FULL_CASE, NOW, seedFullCase, tracesOfOtherCases } from './seededCase.js';

async function setup() {
  const { store } = await tempStore();
  const repos = store.repositories;
  const record = await seedFullCase(repos);
  const now = () => NOW;
  const cases = new CaseService(repos, now);
  return { repos, record, cases, rights: new DataRightsService(repos, cases, now) };
}

const staffActor = (staff: Staff): Actor => ({ kind: 'staff', id: staff.id, staff });

describe('export of a case', () => {
  it('holds every part of the case, its chats, codes and audit entries, and nothing of another case', async () => {
    const { repos, record, cases, rights } = await setup();
    const supervisor = (await repos.staff.get(PLAYGROUND_USERS.supervisor.aadObjectId))!;
    await cases.read(staffActor(supervisor), FULL_CASE);
    const worker = (await repos.staff.get(record.workerId))!;
    await cases.read(staffActor(worker), FULL_CASE);
    const other = (await repos.cases.all()).find((c) => c.id !== FULL_CASE)!;
    await cases.read(staffActor(supervisor), other.id);

    const exported = await rights.exportCase({ kind: 'chat', actor: staffActor(supervisor) }, FULL_CASE);
    const { document } = exported;
    expect(document.case).toEqual(record);
    for (const part of ['client', 'consent', 'assessments', 'goals', 'tasks', 'referrals', 'contacts', 'advocacy', 'reviews', 'corrections'] as const) {
      const value = document.case[part];
      expect(Array.isArray(value) ? value.length : value ? 1 : 0, part).toBeGreaterThan(0);
    }
    expect(document.case.tasks.flatMap((t) => t.progress).length).toBeGreaterThan(0);
    expect(document.clientChats.map((c) => c.link.id)).toEqual([PLAYGROUND_USERS.client.aadObjectId]);
    expect(document.linkCodes.map((c) => c.id)).toEqual(['DMCR']);
    expect(JSON.stringify(document.linkCodes)).not.toContain('codeHash');
    expect(document.services.map((s) => s.id).sort()).toEqual([...new Set(record.referrals.map((r) => r.serviceId))].sort());
    expect(document.audit.map((e) => [e.actor, e.action, e.caseId])).toEqual([
      [supervisor.id, 'case.read', FULL_CASE],
      [worker.id, 'case.read', FULL_CASE],
      [supervisor.id, 'case.export.read', FULL_CASE],
    ]);

    const everything = JSON.stringify(document) + exported.summary;
    for (const trace of await tracesOfOtherCases(repos, FULL_CASE)) expect(everything, trace).not.toContain(trace);
  });

  it('reads as plain words in the client language, every section present', async () => {
    const { record, rights } = await setup();
    const { summary, baseName } = await rights.exportCase({ kind: 'operator', id: OPERATOR_ID }, FULL_CASE);
    expect(baseName).toBe(`enlace-${FULL_CASE}-2026-12-01`);
    expect(summary).toContain('# Tus datos en Enlace');
    expect(summary).toContain(`- Nombre: ${record.client.name}`);
    for (const goal of record.goals) expect(summary).toContain(goal.text);
    for (const task of record.tasks) expect(summary).toContain(task.description);
    expect(summary).toContain('Escrito a la oficina de vivienda pidiendo cita urgente');
    expect(summary).toContain('Revisión de prueba: sigue el plan');
    expect(summary).toMatch(/El .* cambiamos un dato\. Antes ponía: 15\./);
    expect(summary).toContain('Tu chat se unió a tu caso');
    expect(summary).not.toMatch(/\{\w+\}/);
  });

  it('is written in English for an English-speaking client', async () => {
    const { repos, record, rights } = await setup();
    await repos.cases.put({ ...record, client: { ...record.client, language: 'en' } });
    const { summary, document } = await rights.exportCase({ kind: 'operator', id: OPERATOR_ID }, FULL_CASE);
    expect(document.language).toBe('en');
    expect(summary).toContain('# Your data in Enlace');
    expect(summary).toContain('## Who saw or changed your data');
    expect(summary).not.toContain('Tus datos');
  });

  it('is audited, and refused to a worker, to a supervisor of another team and for a blocked case', async () => {
    const { repos, rights, record } = await setup();
    const supervisor = (await repos.staff.get(PLAYGROUND_USERS.supervisor.aadObjectId))!;
    await rights.exportCase({ kind: 'chat', actor: staffActor(supervisor) }, FULL_CASE);
    const worker = (await repos.staff.get(record.workerId))!;
    await expect(rights.exportCase({ kind: 'chat', actor: staffActor(worker) }, FULL_CASE)).rejects.toBeInstanceOf(CaseAccessError);
    const outsider = { ...supervisor, id: 'super-sur', team: 'sur' };
    await expect(rights.exportCase({ kind: 'chat', actor: staffActor(outsider) }, FULL_CASE)).rejects.toBeInstanceOf(CaseAccessError);
    await repos.cases.put({ ...record, blocked: { at: NOW.toISOString(), by: 'admin' } });
    await expect(rights.exportCase({ kind: 'chat', actor: staffActor(supervisor) }, FULL_CASE)).rejects.toBeInstanceOf(CaseBlockedError);
    await expect(rights.exportCase({ kind: 'operator', id: OPERATOR_ID }, FULL_CASE)).rejects.toBeInstanceOf(CaseBlockedError);
    const admin = (await repos.staff.get(PLAYGROUND_USERS.admin.aadObjectId))!;
    const legal = await rights.exportCase({ kind: 'operator', id: OPERATOR_ID, admin }, FULL_CASE);
    expect(legal.document.case.blocked).toBeDefined();

    const audit = (await repos.audit.readDay('2026-12-01')).filter((e) => e.action.startsWith('case.export') || e.action === 'case.blocked.read');
    expect(audit.map((e) => [e.actor, e.action, e.outcome])).toEqual([
      [supervisor.id, 'case.export.read', 'ok'],
      [supervisor.id, 'case.export', 'ok'],
      [worker.id, 'case.export.read', 'ok'],
      [worker.id, 'case.export', 'denied'],
      [outsider.id, 'case.export.read', 'denied'],
      [supervisor.id, 'case.export', 'denied'],
      [OPERATOR_ID, 'case.blocked.read', 'denied'],
      [admin.id, 'case.blocked.read', 'ok'],
      [admin.id, 'case.export', 'ok'],
    ]);
  });
});
