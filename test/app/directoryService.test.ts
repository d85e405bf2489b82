// DirectoryService on the in-memory store: staff read the directory, only an admin changes
// it, and changes and refusals are audited.
import { describe, expect, it } from 'vitest';
import { DirectoryAccessError, DirectoryService, type NewService } from '../../src/app/directoryService.js';
import type { Actor } from '../../src/domain/access.js';
import type { Service, Staff } from '../../src/domain/schemas.js';
import { memoryRepositories } from '../../src/store/memoryStore.js';
import { staffRecord } from '../support/records.js';

const NOW = new Date('2026-11-23T09:00:00.000Z');
const TODAY = '2026-11-23';

const staffActor = (overrides: Partial<Staff>): Actor => {
  const staff = staffRecord(overrides);
  return { kind: 'staff', id: staff.id, staff };
};
const WORKER = staffActor({ id: 'worker-1' });
const SUPERVISOR = staffActor({ id: 'super-1', role: 'supervisor' });
const ADMIN = staffActor({ id: 'admin-1', role: 'admin', team: 'central' });
const CLIENT: Actor = { kind: 'client', id: 'client-1', caseId: 'C-TEST01' };

const FOOD: Service = {
  id: 'SV-FOOD01',
  name: 'Banco de alimentos',
  category: 'food',
  provider: 'Cáritas',
  contact: '900 000 000',
  cost: 0,
  eligibility: 'Empadronamiento',
  capacity: null,
  active: true,
};
const OLD: Service = { ...FOOD, id: 'SV-OLD001', name: 'Comedor cerrado', active: false };
const DETAILS: NewService = {
  name: 'Asesoría jurídica',
  category: 'legal',
  provider: 'Colegio de abogados',
  contact: '',
  cost: 30,
  eligibility: '',
  capacity: 5,
};

async function setup() {
  const repos = memoryRepositories();
  await repos.services.put(FOOD);
  await repos.services.put(OLD);
  return { repos, directory: new DirectoryService(repos, () => NOW) };
}

const names = (services: readonly Service[]) => services.map((s) => s.name).sort();

describe('DirectoryService', () => {
  it('lists the active services to staff and every service to an admin', async () => {
    const { directory } = await setup();
    expect(names(await directory.list(WORKER))).toEqual(['Banco de alimentos']);
    expect(names(await directory.list(SUPERVISOR))).toEqual(['Banco de alimentos']);
    expect(names(await directory.list(ADMIN))).toEqual(['Banco de alimentos', 'Comedor cerrado']);
  });

  it('gives staff one service by id, inactive ones too, so old referrals keep their name', async () => {
    const { directory } = await setup();
    expect(await directory.get(WORKER, 'SV-OLD001')).toEqual(OLD);
    expect(await directory.get(WORKER, 'SV-NOPE99')).toBeUndefined();
  });

  it('refuses the directory to anyone who is not staff, audited', async () => {
    const { repos, directory } = await setup();
    await expect(directory.list(CLIENT)).rejects.toBeInstanceOf(DirectoryAccessError);
    await expect(directory.get(CLIENT, 'SV-FOOD01')).rejects.toBeInstanceOf(DirectoryAccessError);
    expect(await repos.audit.readDay(TODAY)).toEqual([
      { actor: 'client-1', action: 'directory.read', outcome: 'denied', at: NOW.toISOString() },
      { actor: 'client-1', action: 'directory.read', outcome: 'denied', at: NOW.toISOString() },
    ]);
  });

  it('lets an admin add an active service under a new id, audited', async () => {
    const { repos, directory } = await setup();
    const added = await directory.add(ADMIN, DETAILS);
    expect(added).toEqual({ ...DETAILS, id: expect.stringMatching(/^SV-/), active: true });
    expect(await repos.services.get(added.id)).toEqual(added);
    expect(await repos.audit.readDay(TODAY)).toEqual([{ actor: 'admin-1', action: 'directory.add', outcome: 'ok', at: NOW.toISOString() }]);
  });

  it('lets an admin change a service, audited as the given action', async () => {
    const { repos, directory } = await setup();
    const updated = await directory.change(ADMIN, 'SV-FOOD01', 'directory.toggle', (s) => ({ ...s, active: !s.active }));
    expect(updated).toEqual({ ...FOOD, active: false });
    expect(await repos.services.get('SV-FOOD01')).toEqual({ ...FOOD, active: false });
    expect(await directory.change(ADMIN, 'SV-NOPE99', 'directory.edit', (s) => s)).toBeUndefined();
    expect(await repos.services.get('SV-NOPE99')).toBeUndefined();
    expect((await repos.audit.readDay(TODAY)).map((e) => e.action)).toEqual(['directory.toggle', 'directory.edit']);
  });

  it('refuses to add or change a service for anyone but an admin, audited, changing nothing', async () => {
    const { repos, directory } = await setup();
    await expect(directory.add(WORKER, DETAILS)).rejects.toBeInstanceOf(DirectoryAccessError);
    await expect(directory.change(SUPERVISOR, 'SV-FOOD01', 'directory.edit', (s) => ({ ...s, cost: 99 }))).rejects.toBeInstanceOf(DirectoryAccessError);
    await expect(directory.change(CLIENT, 'SV-FOOD01', 'directory.toggle', (s) => ({ ...s, active: false }))).rejects.toBeInstanceOf(DirectoryAccessError);
    expect(await repos.services.all()).toHaveLength(2);
    expect(await repos.services.get('SV-FOOD01')).toEqual(FOOD);
    expect(await repos.audit.readDay(TODAY)).toEqual([
      { actor: 'worker-1', action: 'directory.add', outcome: 'denied', at: NOW.toISOString() },
      { actor: 'super-1', action: 'directory.edit', outcome: 'denied', at: NOW.toISOString() },
      { actor: 'client-1', action: 'directory.toggle', outcome: 'denied', at: NOW.toISOString() },
    ]);
  });

  it('refuses invalid details and keeps the service as it was', async () => {
    const { repos, directory } = await setup();
    await expect(directory.add(ADMIN, { ...DETAILS, name: '' })).rejects.toThrow();
    await expect(directory.change(ADMIN, 'SV-FOOD01', 'directory.edit', (s) => ({ ...s, cost: -1 }))).rejects.toThrow();
    expect(await repos.services.all()).toHaveLength(2);
    expect(await repos.services.get('SV-FOOD01')).toEqual(FOOD);
  });
});
