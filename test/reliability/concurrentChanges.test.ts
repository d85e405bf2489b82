// 100 changes to one case at once, from two workers through the case service (access check,
// audit, follow-ups), on the store on disk: after a restart all 100 are there, and 100
// audit entries say so.
import { describe, expect, it } from 'vitest';
import { createServices } from '../../src/app/services.js';
import type { Actor } from '../../src/domain/access.js';
import type { Contact } from '../../src/domain/schemas.js';
import { JsonStore } from '../../src/store/jsonStore.js';
import { caseRecord, staffRecord } from '../support/records.js';
import { tempDir } from '../support/tempDir.js';

const CHANGES = 100;
const CASE_ID = 'C-CNCR22';

const contact = (n: number, by: string): Contact => ({
  id: `K-${String(n).padStart(4, '0')}`,
  date: '2026-11-30',
  type: 'call',
  minutes: n,
  withWhom: 'la persona',
  note: `llamada ${n}`,
  by,
  at: '2026-11-30T10:00:00.000Z',
});

describe('concurrent changes to one case', () => {
  it(`keeps all ${CHANGES}, on disk after a restart`, async () => {
    const dataDir = await tempDir();
    const store = await JsonStore.open(dataDir);
    const owner = staffRecord({ id: 'worker-1' });
    const sharer = staffRecord({ id: 'worker-2', name: 'Pablo Ruiz' });
    for (const staff of [owner, sharer]) await store.repositories.staff.put(staff);
    await store.repositories.cases.put(caseRecord({ id: CASE_ID, workerId: owner.id, sharedWith: [sharer.id] }));
    const services = createServices(store.repositories, () => new Date('2026-11-30T10:00:00.000Z'));
    const actors: Actor[] = [owner, sharer].map((staff) => ({ kind: 'staff', id: staff.id, staff }));

    await Promise.all(
      Array.from({ length: CHANGES }, (_, n) => {
        const actor = actors[n % 2]!;
        return services.cases.change(actor, CASE_ID, 'contact.log', (current) => ({ ...current, contacts: [...current.contacts, contact(n, actor.id)] }));
      }),
    );
    await store.close();

    const reopened = await JsonStore.open(dataDir);
    const stored = await reopened.repositories.cases.get(CASE_ID);
    expect(stored?.contacts.map((k) => k.id).sort()).toEqual(Array.from({ length: CHANGES }, (_, n) => contact(n, '').id));
    const audit = await reopened.repositories.audit.readDay('2026-11-30');
    expect(audit.filter((entry) => entry.action === 'contact.log' && entry.caseId === CASE_ID)).toHaveLength(CHANGES);
    await reopened.close();
  });
});
