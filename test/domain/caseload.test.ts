import { describe, expect, it } from 'vitest';
import { caseloadTime, monthBounds, monthlyContactSheet } from '../../src/domain/caseload.js';
import { defaultConfig, type PracticeConfig } from '../../src/domain/config.js';
import type { Case, Closure } from '../../src/domain/schemas.js';
import { makeCase, makeContact, makeStaff, WORKER_ID } from './fixtures.js';

function closure(at: string): Closure {
  return { at, by: WORKER_ID, reason: 'goalsMet', outcomes: [], summary: 'Objetivos cumplidos' };
}

function closedCase(overrides: Partial<Case> & { closedAt: string }): Case {
  const { closedAt, ...rest } = overrides;
  return makeCase({ status: 'closed', closure: closure(closedAt), updatedAt: closedAt, ...rest });
}

describe('caseloadTime', () => {
  // Defaults: intensive 240, moderate 120, basic 60 minutes a month.
  const cases = [
    makeCase({ id: 'C-1', intensity: 'intensive' }),
    makeCase({ id: 'C-2', intensity: 'moderate' }),
    makeCase({ id: 'C-3', intensity: 'basic' }),
    makeCase({ id: 'C-4' }), // not assessed yet: counts as moderate
    closedCase({ id: 'C-5', intensity: 'intensive', closedAt: '2027-01-20T10:00:00+01:00' }),
    makeCase({ id: 'C-6', intensity: 'intensive', workerId: 'S-OTHER', sharedWith: [WORKER_ID] }),
  ];

  it('sums the estimate over the worker’s own open cases only', () => {
    const time = caseloadTime(cases, makeStaff({ availableHoursPerMonth: 10 }));
    expect(time).toEqual({ openCases: 4, requiredMinutes: 240 + 120 + 60 + 120, availableMinutes: 600, over: false });
  });

  it('is not over when required equals available', () => {
    expect(caseloadTime(cases, makeStaff({ availableHoursPerMonth: 9 })).over).toBe(false);
  });

  it('warns when required exceeds available', () => {
    const time = caseloadTime(cases, makeStaff({ availableHoursPerMonth: 8.5 }));
    expect([time.availableMinutes, time.over]).toEqual([510, true]);
  });

  it('counts nothing for a worker without open cases', () => {
    expect(caseloadTime(cases, makeStaff({ id: 'S-NEW' }))).toMatchObject({ openCases: 0, requiredMinutes: 0, over: false });
  });

  it('uses the configured estimates', () => {
    const config: PracticeConfig = {
      ...defaultConfig,
      intensity: { ...defaultConfig.intensity, moderate: { ...defaultConfig.intensity.moderate, monthlyMinutesPerCase: 90 } },
    };
    expect(caseloadTime(cases, makeStaff(), config).requiredMinutes).toBe(240 + 90 + 60 + 90);
  });
});

describe('monthBounds', () => {
  it('finds the last day of the month, leap years included', () => {
    expect(monthBounds('2027-02')).toEqual({ first: '2027-02-01', last: '2027-02-28' });
    expect(monthBounds('2028-02').last).toBe('2028-02-29');
    expect(monthBounds('2027-12').last).toBe('2027-12-31');
  });

  it('rejects text that is not a month', () => {
    expect(() => monthBounds('2027-13')).toThrow();
    expect(() => monthBounds('2027-2')).toThrow();
  });
});

describe('monthlyContactSheet', () => {
  const active = makeCase({
    id: 'C-ACTIVE',
    intensity: 'intensive',
    contacts: [
      makeContact({ id: 'K-1', date: '2027-01-31', minutes: 60 }), // previous month
      makeContact({ id: 'K-2', date: '2027-02-01', minutes: 30 }),
      makeContact({ id: 'K-3', date: '2027-02-28', minutes: 45 }),
      makeContact({ id: 'K-4', date: '2027-03-01', minutes: 50 }), // next month
    ],
  });
  const closedMidMonth = closedCase({
    id: 'C-CLOSED-FEB',
    contacts: [makeContact({ id: 'K-5', date: '2027-02-05', minutes: 20 })],
    closedAt: '2027-02-10T10:00:00+01:00',
  });
  // 23:30 UTC on 31 January is already 1 February in Madrid: open during February.
  const closedFirstMadridMinute = closedCase({ id: 'C-CLOSED-1FEB', intensity: 'basic', closedAt: '2027-01-31T23:30:00Z' });
  const closedBefore = closedCase({ id: 'C-CLOSED-JAN', intensity: 'basic', closedAt: '2027-01-20T10:00:00+01:00' });
  const openedAfter = makeCase({ id: 'C-MARCH', intensity: 'basic', intakeDate: '2027-03-01' });
  const othersCase = makeCase({ id: 'C-OTHER', workerId: 'S-OTHER', contacts: [makeContact({ date: '2027-02-03' })] });
  const all = [active, closedMidMonth, closedFirstMadridMinute, closedBefore, openedAfter, othersCase];

  it('counts contacts and minutes within the month, per case, against the estimate', () => {
    const sheet = monthlyContactSheet(all, WORKER_ID, '2027-02');
    expect(sheet.rows).toEqual([
      { caseId: 'C-ACTIVE', contacts: 2, minutes: 75, estimateMinutes: 240 },
      { caseId: 'C-CLOSED-FEB', contacts: 1, minutes: 20, estimateMinutes: 120 },
      { caseId: 'C-CLOSED-1FEB', contacts: 0, minutes: 0, estimateMinutes: 60 },
    ]);
    expect(sheet.totals).toEqual({ contacts: 3, minutes: 95, estimateMinutes: 420 });
    expect([sheet.month, sheet.workerId]).toEqual(['2027-02', WORKER_ID]);
  });

  it('shows contacts logged on a case closed before the month, without an estimate', () => {
    const lateNote = closedCase({
      id: 'C-LATE-NOTE',
      contacts: [makeContact({ date: '2027-03-02', minutes: 15 })],
      closedAt: '2027-02-20T10:00:00+01:00',
    });
    expect(monthlyContactSheet([lateNote], WORKER_ID, '2027-03').rows).toEqual([{ caseId: 'C-LATE-NOTE', contacts: 1, minutes: 15, estimateMinutes: 0 }]);
  });

  it('includes a case from its intake month on', () => {
    expect(monthlyContactSheet(all, WORKER_ID, '2027-03').rows.map((row) => row.caseId)).toEqual(['C-ACTIVE', 'C-MARCH']);
  });

  it('is empty for a month before any case was opened', () => {
    expect(monthlyContactSheet(all, WORKER_ID, '2026-12')).toMatchObject({ rows: [], totals: { contacts: 0, minutes: 0, estimateMinutes: 0 } });
  });

  it('rejects a malformed month', () => {
    expect(() => monthlyContactSheet(all, WORKER_ID, '02-2027')).toThrow();
  });
});
