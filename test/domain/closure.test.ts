import { describe, expect, it } from 'vitest';
import { assertWritable, closeCase, mayReopen, reopenCase, validateClosure } from '../../src/domain/closure.js';
import { CaseClosedError, DomainError } from '../../src/domain/errors.js';
import { CaseSchema, ClosureSchema, GoalSchema, type Closure, type Goal } from '../../src/domain/schemas.js';
import { deepFreeze, makeCase } from './frozenCase.js';

const AT = '2027-06-01T10:00:00+02:00';

function goal(id: string, status: Goal['status'] = 'active'): Goal {
  return GoalSchema.parse({
    id,
    domain: 'housing',
    text: 'Lucía presenta la solicitud de vivienda social',
    actor: 'Lucía',
    indicator: 'Solicitud registrada',
    target: 'Registrada',
    deadline: '2027-05-01',
    support: 'Acompañamiento',
    obstacles: 'Documentación',
    dependsOnThirdParty: false,
    agreement: { at: '2027-02-01T10:00:00+01:00', recordedBy: 'W-1' },
    status,
    createdAt: '2027-02-01T10:00:00+01:00',
    createdBy: 'W-1',
  });
}

function closure(overrides: Partial<Closure> = {}): Closure {
  return deepFreeze(
    ClosureSchema.parse({
      at: AT,
      by: 'W-1',
      reason: 'goalsMet',
      outcomes: [
        { goalId: 'G-1', outcome: 'achieved' },
        { goalId: 'G-2', outcome: 'partial' },
      ],
      summary: 'Vivienda conseguida; empleo en curso.',
      ...overrides,
    }),
  );
}

/** Invalid closures cannot be built through the schema, so they are written directly. */
function rawClosure(overrides: Record<string, unknown>): Closure {
  return deepFreeze({ ...closure(), ...overrides } as Closure);
}

const caseWithGoals = () => makeCase({ goals: [goal('G-1'), goal('G-2'), goal('G-3', 'dropped')] });
const codes = (r: { errors: { code: string }[] }) => r.errors.map((e) => e.code);

describe('assertWritable', () => {
  it('lets an open case through', () => {
    expect(() => assertWritable(makeCase())).not.toThrow();
  });

  it('throws CaseClosedError, code caseClosed, for a closed case', () => {
    const attempt = () => assertWritable(makeCase({ id: 'C-7', status: 'closed' }));
    expect(attempt).toThrow(CaseClosedError);
    expect(attempt).toThrow(DomainError);
    expect(attempt).toThrow(expect.objectContaining({ code: 'caseClosed', caseId: 'C-7', message: 'Case C-7 is closed and read-only' }));
  });
});

describe('closeCase', () => {
  it('closes the case with the closure, leaving the input open', () => {
    const caseRecord = caseWithGoals();
    const closed = closeCase(caseRecord, closure());
    expect(closed.status).toBe('closed');
    expect(closed.closure).toEqual(closure());
    expect(closed.updatedAt).toBe(AT);
    expect(CaseSchema.safeParse(closed).success).toBe(true);
    expect(caseRecord.status).toBe('open');
    expect(caseRecord.closure).toBeUndefined();
  });

  it('does not ask outcomes of dropped or achieved goals, but accepts them', () => {
    const caseRecord = makeCase({ goals: [goal('G-1', 'achieved'), goal('G-2', 'dropped')] });
    expect(closeCase(caseRecord, closure({ outcomes: [] })).status).toBe('closed');
    expect(closeCase(caseRecord, closure({ outcomes: [{ goalId: 'G-1', outcome: 'achieved' }] })).status).toBe('closed');
  });

  it('closes a case without goals', () => {
    expect(closeCase(makeCase(), closure({ reason: 'lostContact', outcomes: [] })).status).toBe('closed');
  });

  it('requires an outcome for every active goal, naming the goals', () => {
    const caseRecord = caseWithGoals();
    const attempt = () => closeCase(caseRecord, closure({ outcomes: [{ goalId: 'G-1', outcome: 'achieved' }] }));
    expect(attempt).toThrow(expect.objectContaining({ code: 'outcomeMissing', message: 'Active goals without an outcome: G-2' }));
    expect(caseRecord.status).toBe('open');
  });

  it('refuses outcomes for unknown goals and two outcomes for one goal', () => {
    const r = validateClosure(
      caseWithGoals(),
      closure({
        outcomes: [
          { goalId: 'G-1', outcome: 'achieved' },
          { goalId: 'G-1', outcome: 'partial' },
          { goalId: 'G-2', outcome: 'partial' },
          { goalId: 'G-9', outcome: 'partial' },
        ],
      }),
    );
    expect(codes(r)).toEqual(['duplicateOutcome', 'unknownGoal']);
    expect(r.errors[1]!.message).toContain('G-9');
  });

  it('requires a summary', () => {
    expect(codes(validateClosure(caseWithGoals(), rawClosure({ summary: '  ' })))).toEqual(['summaryMissing']);
    expect(codes(validateClosure(caseWithGoals(), rawClosure({ summary: undefined })))).toEqual(['summaryMissing']);
  });

  it("requires a note for the reason 'other'", () => {
    expect(codes(validateClosure(caseWithGoals(), closure({ reason: 'other' })))).toEqual(['reasonNoteMissing']);
    expect(codes(validateClosure(caseWithGoals(), closure({ reason: 'other', reasonNote: ' ' })))).toEqual(['reasonNoteMissing']);
    expect(validateClosure(caseWithGoals(), closure({ reason: 'other', reasonNote: 'Fallecimiento' })).ok).toBe(true);
  });

  it('refuses an unknown reason', () => {
    expect(codes(validateClosure(caseWithGoals(), rawClosure({ reason: 'bored' })))).toEqual(['invalidReason']);
  });

  it('names what else the schema refuses: author, time, outcome value, lengths', () => {
    const r = validateClosure(
      caseWithGoals(),
      rawClosure({
        by: '',
        at: '1 June',
        summary: 's'.repeat(4001),
        outcomes: [
          { goalId: 'G-1', outcome: 'great' },
          { goalId: 'G-2', outcome: 'partial' },
        ],
      }),
    );
    expect(codes(r).every((c) => c === 'invalidClosure')).toBe(true);
    expect(r.errors.map((e) => e.field).sort()).toEqual(['at', 'by', 'outcomes.0.outcome', 'summary']);
  });

  it('throws with every issue in details', () => {
    try {
      closeCase(caseWithGoals(), rawClosure({ reason: 'other', summary: '', outcomes: [] }));
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe('reasonNoteMissing');
      expect((error as DomainError).details.issues?.map((i) => i.code)).toEqual(['reasonNoteMissing', 'summaryMissing', 'outcomeMissing']);
    }
  });

  it('refuses to close a closed case', () => {
    const closed = closeCase(caseWithGoals(), closure());
    expect(() => closeCase(closed, closure())).toThrow(CaseClosedError);
  });
});

describe('reopenCase', () => {
  const closed = deepFreeze(closeCase(caseWithGoals(), closure()));
  const worker = { id: 'W-1', role: 'worker', team: 'norte' } as const;
  const supervisor = { id: 'S-1', role: 'supervisor', team: 'norte' } as const;

  it('lets the case worker reopen, with the reason recorded', () => {
    const reopened = reopenCase(closed, worker, '  La usuaria vuelve a pedir apoyo ', '2027-07-01T10:00:00+02:00');
    expect(reopened.status).toBe('open');
    expect(reopened.reopenings).toEqual([{ at: '2027-07-01T10:00:00+02:00', by: 'W-1', reason: 'La usuaria vuelve a pedir apoyo' }]);
    expect(reopened.closure).toEqual(closed.closure);
    expect(reopened.updatedAt).toBe('2027-07-01T10:00:00+02:00');
    expect(CaseSchema.safeParse(reopened).success).toBe(true);
    expect(closed.status).toBe('closed');
    expect(closed.reopenings).toEqual([]);
  });

  it('lets a supervisor of the case team reopen', () => {
    expect(reopenCase(closed, supervisor, 'Revisión', AT).status).toBe('open');
  });

  it('refuses anyone else: another worker, a supervisor of another team, an admin', () => {
    const others = [
      { id: 'W-2', role: 'worker', team: 'norte' },
      { id: 'S-2', role: 'supervisor', team: 'sur' },
      { id: 'A-1', role: 'admin', team: 'norte' },
    ] as const;
    for (const actor of others) {
      expect(mayReopen(closed, actor)).toBe(false);
      expect(() => reopenCase(closed, actor, 'Motivo', AT), actor.id).toThrow(expect.objectContaining({ code: 'notAllowedToReopen' }));
    }
  });

  it('does not count a worker the case is shared with', () => {
    const shared = makeCase({ status: 'closed', sharedWith: ['W-2'] });
    expect(() => reopenCase(shared, { id: 'W-2', role: 'worker', team: 'norte' }, 'Motivo', AT)).toThrow(
      expect.objectContaining({ code: 'notAllowedToReopen' }),
    );
  });

  it('requires a reason of at most 1000 characters', () => {
    expect(() => reopenCase(closed, worker, '   ', AT)).toThrow(expect.objectContaining({ code: 'reasonRequired' }));
    expect(() => reopenCase(closed, worker, 'x'.repeat(1001), AT)).toThrow(expect.objectContaining({ code: 'reasonTooLong' }));
  });

  it('requires a real time', () => {
    expect(() => reopenCase(closed, worker, 'Motivo', 'today')).toThrow(expect.objectContaining({ code: 'invalidTime' }));
  });

  it('refuses to reopen an open case', () => {
    expect(() => reopenCase(makeCase(), worker, 'Motivo', AT)).toThrow(expect.objectContaining({ code: 'caseNotClosed' }));
  });

  it('can be closed again after reopening', () => {
    const reopened = reopenCase(closed, worker, 'Motivo', '2027-07-01T10:00:00+02:00');
    const again = closeCase(reopened, closure({ at: '2027-08-01T10:00:00+02:00', reason: 'transfer' }));
    expect(again.status).toBe('closed');
    expect(again.closure?.reason).toBe('transfer');
    expect(again.reopenings).toHaveLength(1);
  });
});
