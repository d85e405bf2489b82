// Every access decision is in the audit log with real ids only: refusals at the menu, and
// case lookups that found nothing (the typed text is never written as a case id).
import { afterEach, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../src/domain/schemas.js';
import { createHarness, type Harness } from '../support/botHarness.js';
import { caseRecord } from '../support/records.js';

let harness: Harness;
afterEach(async () => harness?.close());

const DAY = '2026-11-23';
const REAL_IDS = new Set(['C-ANA234']);

async function setup(): Promise<Harness> {
  harness = await createHarness({ cases: [caseRecord({ id: 'C-ANA234' })] });
  await harness.store.repositories.clientLinks.put({ id: 'client-ana', caseId: 'C-ANA234', linkedAt: '2026-11-20T09:00:00.000Z', codeId: 'K1' });
  return harness;
}

async function entriesOf(actor: string): Promise<AuditEntry[]> {
  return (await harness.store.repositories.audit.readDay(DAY)).filter((e) => e.actor === actor);
}

describe('refusals at the menu', () => {
  for (const [who, user, typed, command] of [
    ['a linked client', 'client-ana', 'mis casos', 'menu.caseload'],
    ['an admin', 'admin-1', 'valoración C-ANA234', 'menu.assessment'],
    ['a stranger', 'stranger-9', 'nueva apertura', 'menu.intake'],
    ['a stranger in English', 'stranger-10', 'my cases', 'menu.caseload'],
  ] as const) {
    it(`${who} asking for "${typed}" is audited as denied, with no case id`, async () => {
      await setup();
      await harness.send('hola', user);
      await harness.send(typed, user);
      const denied = (await entriesOf(user)).filter((e) => e.outcome === 'denied');
      expect(denied).toEqual([expect.objectContaining({ action: command, reason: 'notOnMenu' })]);
      expect(denied[0]).not.toHaveProperty('caseId');
    });
  }

  it('a worker choosing their own menu option leaves no refusal', async () => {
    await setup();
    await harness.send('hola');
    await harness.send('mis casos');
    expect((await entriesOf('worker-1')).filter((e) => e.outcome === 'denied')).toEqual([]);
  });
});

describe('case lookups', () => {
  it('free text typed where a case id was expected is not written as a case id; the failed lookup is', async () => {
    await setup();
    await harness.send('hola');
    await harness.send('valoración');
    // Free text is searched among the worker's own cases by client name, never looked up as an id.
    expect((await harness.send('la de Ana, la del desahucio')).join('\n')).toContain('No encuentro «la de Ana, la del desahucio»');
    await harness.send('valoración C-ZZZZZZ');
    const entries = await entriesOf('worker-1');
    const notFound = entries.filter((e) => e.reason === 'notFound');
    expect(notFound.length).toBe(1);
    expect(notFound.every((e) => e.outcome === 'denied' && e.caseId === undefined)).toBe(true);
    const named = entries.map((e) => e.caseId).filter((id) => id !== undefined);
    expect(named.length).toBeGreaterThan(0);
    expect(named.filter((id) => !REAL_IDS.has(id))).toEqual([]);
  });

  it("another worker's real case is audited as denied under its own id", async () => {
    await setup();
    await harness.send('hola', 'worker-2');
    await harness.send('valoración C-ANA234', 'worker-2');
    expect((await entriesOf('worker-2')).filter((e) => e.outcome === 'denied')).toEqual([
      expect.objectContaining({ caseId: 'C-ANA234', action: expect.stringMatching(/^case\./) }),
    ]);
  });
});
