import { describe, expect, it } from 'vitest';
import {
  addAdvocacyEntry,
  isMacroBarrier,
  macroBarrierReport,
  newAdvocacyEntry,
  validateAdvocacyInput,
  type AdvocacyInput,
} from '../../src/domain/advocacy.js';
import { CaseClosedError, DomainError } from '../../src/domain/errors.js';
import { AdvocacySchema, CaseSchema, type Advocacy } from '../../src/domain/schemas.js';
import { deepFreeze, makeCase } from './frozenCase.js';

const AT = '2027-03-01T10:00:00+01:00';
const META = { by: 'W-1', at: AT, today: '2027-03-01', id: 'A-1' };

function input(overrides: Partial<AdvocacyInput> = {}): AdvocacyInput {
  return deepFreeze({
    date: '2027-02-27',
    action: 'Escrito al ayuntamiento pidiendo una excepción al requisito',
    barrierType: 'eligibility',
    barrier: 'Exigen dos años de empadronamiento para la ayuda de alquiler',
    level: 'micro',
    ...overrides,
  });
}

function entry(id: string, date: string, barrierType: Advocacy['barrierType'], level: Advocacy['level'], barrier = `Barrera ${id}`): Advocacy {
  return AdvocacySchema.parse({ id, date, action: 'Gestión', barrierType, barrier, level, by: 'W-1', at: AT });
}

const codes = (r: { errors: { code: string }[] }) => r.errors.map((e) => e.code);

describe('validateAdvocacyInput and newAdvocacyEntry', () => {
  it('builds a stored entry from valid input, trimming text', () => {
    const made = newAdvocacyEntry(input({ action: '  Escrito al ayuntamiento ', outcome: ' Pendiente ' }), META);
    expect(made).toEqual({
      id: 'A-1',
      date: '2027-02-27',
      action: 'Escrito al ayuntamiento',
      barrierType: 'eligibility',
      barrier: 'Exigen dos años de empadronamiento para la ayuda de alquiler',
      level: 'micro',
      outcome: 'Pendiente',
      by: 'W-1',
      at: AT,
    });
    expect(AdvocacySchema.safeParse(made).success).toBe(true);
  });

  it('leaves out a blank outcome and makes an id when none is given', () => {
    const made = newAdvocacyEntry(input({ outcome: '  ' }), { by: 'W-1', at: AT });
    expect(made).not.toHaveProperty('outcome');
    expect(made.id).toMatch(/^A-[A-Z2-9]{6}$/);
  });

  it('names each missing or wrong field', () => {
    const r = validateAdvocacyInput(input({ action: '', barrier: ' ', barrierType: 'money', level: 'global', date: '27/02/2027' }));
    expect(r.ok).toBe(false);
    expect(codes(r)).toEqual(['actionMissing', 'barrierMissing', 'invalidBarrierType', 'invalidLevel', 'invalidDate']);
    expect(r.errors.map((e) => e.field)).toEqual(['action', 'barrier', 'barrierType', 'level', 'date']);
  });

  it('refuses an action dated after today, only when today is given', () => {
    expect(codes(validateAdvocacyInput(input({ date: '2027-03-02' }), '2027-03-01'))).toEqual(['dateInFuture']);
    expect(validateAdvocacyInput(input({ date: '2027-03-02' })).ok).toBe(true);
  });

  it('refuses text over the stored limits', () => {
    expect(codes(validateAdvocacyInput(input({ action: 'x'.repeat(2001), outcome: 'y'.repeat(2001) })))).toEqual(['actionTooLong', 'outcomeTooLong']);
  });

  it('throws a DomainError with the first code and every issue', () => {
    const attempt = () => newAdvocacyEntry(input({ action: '', level: 'global' }), META);
    expect(attempt).toThrow(DomainError);
    try {
      attempt();
    } catch (error) {
      expect((error as DomainError).code).toBe('actionMissing');
      expect((error as DomainError).details.issues?.map((i) => i.code)).toEqual(['actionMissing', 'invalidLevel']);
    }
  });

  it('refuses a record without author or with a bad time', () => {
    expect(() => newAdvocacyEntry(input(), { by: '', at: AT })).toThrow(
      expect.objectContaining({ code: 'invalidAdvocacy', message: expect.stringContaining('by') }),
    );
    expect(() => newAdvocacyEntry(input(), { by: 'W-1', at: 'now' })).toThrow(expect.objectContaining({ code: 'invalidAdvocacy' }));
  });
});

describe('addAdvocacyEntry', () => {
  it('adds the entry to a copy of the case', () => {
    const caseRecord = makeCase();
    const updated = addAdvocacyEntry(caseRecord, input(), META);
    expect(updated.advocacy.map((a) => a.id)).toEqual(['A-1']);
    expect(updated.updatedAt).toBe(AT);
    expect(caseRecord.advocacy).toEqual([]);
    expect(CaseSchema.safeParse(updated).success).toBe(true);
  });

  it('refuses a closed case', () => {
    expect(() => addAdvocacyEntry(makeCase({ status: 'closed' }), input(), META)).toThrow(CaseClosedError);
  });
});

describe('isMacroBarrier', () => {
  it('takes macro entries and any policy or regulation barrier', () => {
    expect(isMacroBarrier({ level: 'macro', barrierType: 'procedure' })).toBe(true);
    expect(isMacroBarrier({ level: 'micro', barrierType: 'policy' })).toBe(true);
    expect(isMacroBarrier({ level: 'meso', barrierType: 'regulation' })).toBe(true);
    expect(isMacroBarrier({ level: 'micro', barrierType: 'eligibility' })).toBe(false);
    expect(isMacroBarrier({ level: 'meso', barrierType: 'procedure' })).toBe(false);
  });
});

describe('macroBarrierReport', () => {
  const cases = deepFreeze([
    makeCase({
      id: 'C-1',
      advocacy: [
        entry('A-1', '2027-01-05', 'policy', 'micro', 'Empadronamiento de dos años'),
        entry('A-2', '2027-02-05', 'policy', 'macro', 'Empadronamiento de dos años'),
        entry('A-3', '2027-02-06', 'eligibility', 'micro'), // not macro: left out
      ],
    }),
    makeCase({
      id: 'C-2',
      status: 'closed',
      advocacy: [
        entry('A-4', '2027-02-10', 'policy', 'meso', 'Sin ayudas para familias sin papeles'),
        entry('A-5', '2027-02-11', 'procedure', 'macro', 'Cita previa solo por internet'),
      ],
    }),
    makeCase({ id: 'C-3', advocacy: [entry('A-6', '2027-03-01', 'procedure', 'macro', 'Cita previa solo por internet')] }),
    makeCase({ id: 'C-4', advocacy: [entry('A-7', '2027-02-20', 'regulation', 'micro', 'Plazo de 10 días para alegar')] }),
  ]);

  it('groups by barrier type, counts entries and distinct cases, sorted by cases affected', () => {
    expect(macroBarrierReport(cases)).toEqual([
      {
        barrierType: 'policy',
        entries: 3,
        cases: 2,
        caseIds: ['C-1', 'C-2'],
        barriers: ['Empadronamiento de dos años', 'Sin ayudas para familias sin papeles'],
      },
      { barrierType: 'procedure', entries: 2, cases: 2, caseIds: ['C-2', 'C-3'], barriers: ['Cita previa solo por internet'] },
      { barrierType: 'regulation', entries: 1, cases: 1, caseIds: ['C-4'], barriers: ['Plazo de 10 días para alegar'] },
    ]);
  });

  it('keeps to the period, both ends included', () => {
    const report = macroBarrierReport(cases, '2027-02-05', '2027-02-20');
    expect(report.map((g) => [g.barrierType, g.entries, g.caseIds])).toEqual([
      ['policy', 2, ['C-1', 'C-2']],
      ['procedure', 1, ['C-2']],
      ['regulation', 1, ['C-4']],
    ]);
    expect(macroBarrierReport(cases, '2027-03-01').map((g) => g.caseIds)).toEqual([['C-3']]);
    expect(macroBarrierReport(cases, undefined, '2027-01-31').map((g) => g.entries)).toEqual([1]);
  });

  it('never carries client names', () => {
    expect(JSON.stringify(macroBarrierReport(cases))).not.toContain('Lucía');
  });

  it('is empty without macro barriers', () => {
    expect(macroBarrierReport([makeCase()])).toEqual([]);
    expect(macroBarrierReport([])).toEqual([]);
  });

  it('refuses a period that ends before it starts, or malformed dates', () => {
    expect(() => macroBarrierReport(cases, '2027-03-01', '2027-02-01')).toThrow(expect.objectContaining({ code: 'invalidPeriod' }));
    expect(() => macroBarrierReport(cases, 'enero')).toThrow(expect.objectContaining({ code: 'invalidDate' }));
  });
});
