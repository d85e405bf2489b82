// A change keeps the parts of a record it left as they were: the stored objects, not the
// schema check's copies of them, so a cached record's unchanged parts are not held twice.
import { describe, expect, it } from 'vitest';
import { CaseSchema } from '../../src/domain/schemas.js';
import { keepUnchanged, storable } from '../../src/store/records.js';
import { caseRecord } from '../support/records.js';

describe('keepUnchanged', () => {
  it('keeps every equal part and the whole when all is equal', () => {
    const previous = { a: { b: [1, { c: 'x' }] }, d: 'y' };
    const fresh = structuredClone(previous);
    expect(keepUnchanged(fresh, previous)).toBe(previous);
  });

  it('keeps the equal parts of a record that changed, and the changed parts as they come', () => {
    const previous = { client: { name: 'Ana' }, contacts: [{ id: 'K-1' }], goals: [{ id: 'G-1', tasks: [{ id: 'T-1' }] }] };
    const fresh = structuredClone(previous);
    fresh.contacts.push({ id: 'K-2' });
    fresh.goals[0]!.tasks[0]!.id = 'T-9';
    const kept = keepUnchanged(fresh, previous);
    expect(kept).toEqual(fresh);
    expect(kept).not.toBe(previous);
    expect(kept.client).toBe(previous.client);
    expect(kept.contacts).not.toBe(previous.contacts);
    expect(kept.contacts[0]).toBe(previous.contacts[0]);
    expect(kept.goals[0]).not.toBe(previous.goals[0]);
    expect(kept.goals[0]!.tasks[0]).toEqual({ id: 'T-9' });
    expect(previous.goals[0]!.tasks[0]).toEqual({ id: 'T-1' });
  });

  it('tells a key left out from one set to undefined, and a shorter list from a longer one', () => {
    const previous: Record<string, unknown> = { b: 1, c: 2 };
    const fresh: Record<string, unknown> = { a: undefined, b: 1 };
    expect(keepUnchanged(fresh, previous)).toBe(fresh);
    const list = [1, 2, 3];
    expect(keepUnchanged([1, 2], list)).toEqual([1, 2]);
    expect(keepUnchanged([1, 2, 3, 4], list)).toEqual([1, 2, 3, 4]);
    expect(keepUnchanged({ 0: 1 }, [1])).toEqual({ 0: 1 });
  });

  it('leaves a frozen part as it is, since it cannot be changed', () => {
    const previous = { reference: { user: { id: 'u-1' } } };
    const passedThrough = Object.freeze({ user: Object.freeze({ id: 'u-1' }) });
    const fresh = { reference: passedThrough };
    expect(keepUnchanged(fresh, previous).reference).toBe(passedThrough);
  });

  it('takes nothing from a value that is not plain data', () => {
    const at = new Date('2026-12-02T10:00:00Z');
    const fresh = { at: new Date('2026-12-03T10:00:00Z') };
    expect(keepUnchanged(fresh, { at }).at).toBe(fresh.at);
  });
});

describe('storable', () => {
  it('stores a changed case sharing the parts the change did not touch, all frozen', () => {
    const previous = storable('cases', CaseSchema, 'C-TEST01', caseRecord());
    const next = storable('cases', CaseSchema, 'C-TEST01', { ...previous, client: { ...previous.client, name: 'Ana Pérez' } }, previous);
    expect(next.client.name).toBe('Ana Pérez');
    expect(previous.client.name).toBe('Ana P.');
    expect(next.goals).toBe(previous.goals);
    expect(next.contacts).toBe(previous.contacts);
    expect(Object.isFrozen(next.client)).toBe(true);
    expect(storable('cases', CaseSchema, 'C-TEST01', { ...previous }, next)).not.toBe(next);
    expect(storable('cases', CaseSchema, 'C-TEST01', { ...next }, next)).toBe(next);
  });
});
