import { describe, expect, it } from 'vitest';
import { DomainError } from '../../src/domain/errors.js';
import { ContractSchema, ProgressSchema, TaskSchema, type Achievement, type Progress, type Task } from '../../src/domain/schemas.js';
import {
  addProgress,
  averageAchievement,
  contractWeeksUsed,
  defaultPlanEnd,
  goalProgress,
  lastRating,
  needsNewContract,
  taskStatusAfterRating,
  twoLowRatingsInARow,
  validateContract,
  validateTask,
  type ContractInput,
  type TaskInput,
} from '../../src/domain/tasks.js';

/** Freezes deeply so that any mutation by the code under test throws. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

const TODAY = '2027-03-01';

function contractInput(overrides: Partial<ContractInput> = {}): ContractInput {
  return deepFreeze({
    targetProblems: [{ text: 'Riesgo de perder la vivienda', acknowledgedByClient: true }],
    sessions: 8,
    startDate: '2027-03-01',
    endDate: '2027-04-26',
    ...overrides,
  });
}

function taskInput(overrides: Partial<TaskInput> = {}): TaskInput {
  return deepFreeze({
    description: 'Presentar la solicitud de vivienda social',
    owner: 'client',
    dueDate: '2027-03-15',
    obstacles: [{ text: 'No tiene el certificado de empadronamiento', kind: 'external' }],
    checkInEveryDays: 7,
    commitment: { at: '2027-03-01T10:00:00+01:00', confirmedBy: 'W-1' },
    ...overrides,
  });
}

function progress(rating: Achievement, at = '2027-03-08T10:00:00+01:00'): Progress {
  return ProgressSchema.parse({ at, rating, source: 'client', by: 'U-1' });
}

function makeTask(overrides: Partial<Task> = {}, ratings: Achievement[] = []): Task {
  return deepFreeze(
    TaskSchema.parse({
      id: 'T-1',
      goalId: 'G-1',
      description: 'Presentar la solicitud de vivienda social',
      owner: 'client',
      dueDate: '2027-03-15',
      obstacles: [],
      checkInEveryDays: 7,
      commitment: { at: '2027-03-01T10:00:00+01:00', confirmedBy: 'W-1' },
      status: 'open',
      progress: ratings.map((r, i) => progress(r, `2027-03-0${i + 2}T10:00:00+01:00`)),
      createdAt: '2027-03-01T10:00:00+01:00',
      createdBy: 'W-1',
      ...overrides,
    }),
  );
}

const codes = (r: { errors: { code: string }[] }) => r.errors.map((e) => e.code);
const warningCodes = (r: { warnings: { code: string }[] }) => r.warnings.map((w) => w.code);

describe('validateContract', () => {
  it('accepts an 8-week contract with one acknowledged problem, and the schema agrees', () => {
    const input = contractInput();
    const r = validateContract(input, TODAY);
    expect(r).toEqual({ ok: true, errors: [], warnings: [] });
    expect(ContractSchema.safeParse({ ...input, id: 'K-1', createdAt: '2027-03-01T10:00:00Z', createdBy: 'W-1' }).success).toBe(true);
  });

  it('refuses a contract without target problems', () => {
    const r = validateContract(contractInput({ targetProblems: [] }), TODAY);
    expect(r.ok).toBe(false);
    expect(codes(r)).toEqual(['noTargetProblem']);
    expect(r.errors[0]!.field).toBe('targetProblems');
  });

  it('refuses more than three target problems', () => {
    const four = [1, 2, 3, 4].map((n) => ({ text: `Problema ${n}`, acknowledgedByClient: true }));
    const r = validateContract(contractInput({ targetProblems: four }), TODAY);
    expect(codes(r)).toEqual(['tooManyProblems']);
    expect(r.errors[0]!.message).toContain('at most 3');
  });

  it('accepts exactly three', () => {
    const three = [1, 2, 3].map((n) => ({ text: `Problema ${n}`, acknowledgedByClient: true }));
    expect(validateContract(contractInput({ targetProblems: three }), TODAY).ok).toBe(true);
  });

  it('refuses a problem the client has not acknowledged, naming which one', () => {
    const problems = [
      { text: 'Vivienda', acknowledgedByClient: true },
      { text: 'Empleo', acknowledgedByClient: false },
    ];
    const r = validateContract(contractInput({ targetProblems: problems }), TODAY);
    expect(codes(r)).toEqual(['problemNotAcknowledged']);
    expect(r.errors[0]!.field).toBe('targetProblems[1]');
  });

  it('refuses a problem with blank text', () => {
    const r = validateContract(contractInput({ targetProblems: [{ text: '  ', acknowledgedByClient: true }] }), TODAY);
    expect(codes(r)).toEqual(['problemTextMissing']);
  });

  it('refuses an end before the start', () => {
    const r = validateContract(contractInput({ startDate: '2027-03-10', endDate: '2027-03-05' }), TODAY);
    expect(codes(r)).toEqual(['endBeforeStart']);
    expect(r.errors[0]!.field).toBe('endDate');
  });

  it('refuses a plan that has already ended', () => {
    const r = validateContract(contractInput({ startDate: '2027-01-01', endDate: '2027-02-15' }), TODAY);
    expect(codes(r)).toEqual(['endInPast']);
  });

  it('refuses malformed dates and session counts', () => {
    const r = validateContract(contractInput({ startDate: '01/03/2027', sessions: 0 }), TODAY);
    expect(codes(r)).toEqual(['invalidSessions', 'invalidDate']);
    expect(r.errors[1]!.field).toBe('startDate');
    expect(codes(validateContract(contractInput({ sessions: 2.5 }), TODAY))).toEqual(['invalidSessions']);
  });

  it('reports every error at once', () => {
    const r = validateContract(contractInput({ targetProblems: [], sessions: -1, startDate: '2027-04-01', endDate: '2027-03-20' }), TODAY);
    expect(codes(r)).toEqual(['noTargetProblem', 'invalidSessions', 'endBeforeStart']);
  });

  it('warns past twelve weeks: a new contract will be needed', () => {
    const r = validateContract(contractInput({ endDate: '2027-05-25' }), TODAY); // 85 days
    expect(r.ok).toBe(true);
    expect(warningCodes(r)).toEqual(['pastTwelveWeeks']);
  });

  it('does not warn at exactly twelve or six weeks', () => {
    expect(validateContract(contractInput({ endDate: '2027-05-24' }), TODAY).warnings).toEqual([]);
    expect(validateContract(contractInput({ endDate: '2027-04-12' }), TODAY).warnings).toEqual([]);
  });

  it('warns under six weeks', () => {
    const r = validateContract(contractInput({ endDate: '2027-04-11' }), TODAY);
    expect(r.ok).toBe(true);
    expect(warningCodes(r)).toEqual(['outsideSixToTwelveWeeks']);
  });

  it('takes other limits as a parameter', () => {
    const r = validateContract(
      contractInput({
        targetProblems: [
          { text: 'a', acknowledgedByClient: true },
          { text: 'b', acknowledgedByClient: true },
        ],
      }),
      TODAY,
      { maxProblems: 1, maxSessions: 52, minWeeks: 6, maxWeeks: 12 },
    );
    expect(codes(r)).toEqual(['tooManyProblems']);
  });
});

describe('plan length', () => {
  it('defaults the end to 8 weeks after the start', () => {
    expect(defaultPlanEnd('2027-03-01')).toBe('2027-04-26');
    expect(defaultPlanEnd('2027-12-20')).toBe('2028-02-14');
  });

  it('counts whole weeks used, 0 before the start', () => {
    const contract = { startDate: '2027-03-01' };
    expect(contractWeeksUsed(contract, '2027-02-20')).toBe(0);
    expect(contractWeeksUsed(contract, '2027-03-07')).toBe(0);
    expect(contractWeeksUsed(contract, '2027-03-08')).toBe(1);
    expect(contractWeeksUsed(contract, '2027-05-24')).toBe(12);
  });

  it('needs a new contract only once the plan is past twelve weeks', () => {
    const contract = { startDate: '2027-03-01' };
    expect(needsNewContract(contract, '2027-05-24')).toBe(false);
    expect(needsNewContract(contract, '2027-05-25')).toBe(true);
    expect(needsNewContract(contract, '2027-04-01', 4)).toBe(true);
  });
});

describe('validateTask', () => {
  it('accepts a complete task', () => {
    expect(validateTask(taskInput(), TODAY)).toEqual({ ok: true, errors: [], warnings: [] });
  });

  it('requires a description', () => {
    const r = validateTask(taskInput({ description: '   ' }), TODAY);
    expect(codes(r)).toEqual(['descriptionMissing']);
    expect(r.errors[0]!.field).toBe('description');
  });

  it('requires a known owner', () => {
    expect(codes(validateTask(taskInput({ owner: '' }), TODAY))).toEqual(['ownerMissing']);
    expect(codes(validateTask(taskInput({ owner: 'neighbour' }), TODAY))).toEqual(['ownerMissing']);
  });

  it('requires the name of another professional or service', () => {
    expect(codes(validateTask(taskInput({ owner: 'professional' }), TODAY))).toEqual(['ownerNameMissing']);
    expect(validateTask(taskInput({ owner: 'professional', ownerName: 'Cáritas' }), TODAY).ok).toBe(true);
  });

  it('accepts worker tasks: they are tasks too', () => {
    expect(validateTask(taskInput({ owner: 'worker' }), TODAY).ok).toBe(true);
  });

  it('refuses a due date in the past or malformed; today is fine', () => {
    expect(codes(validateTask(taskInput({ dueDate: '2027-02-28' }), TODAY))).toEqual(['dueDateInPast']);
    expect(codes(validateTask(taskInput({ dueDate: 'next week' }), TODAY))).toEqual(['invalidDate']);
    expect(validateTask(taskInput({ dueDate: TODAY }), TODAY).ok).toBe(true);
  });

  it('refuses a check-in cadence outside 1–90 days', () => {
    for (const days of [0, 91, 1.5, Number.NaN]) {
      const r = validateTask(taskInput({ checkInEveryDays: days }), TODAY);
      expect(codes(r), String(days)).toEqual(['checkInOutOfRange']);
    }
    expect(validateTask(taskInput({ checkInEveryDays: 1 }), TODAY).ok).toBe(true);
    expect(validateTask(taskInput({ checkInEveryDays: 90 }), TODAY).ok).toBe(true);
  });

  it("requires the client's commitment, with time and who confirmed", () => {
    expect(codes(validateTask(taskInput({ commitment: undefined }), TODAY))).toEqual(['commitmentMissing']);
    expect(codes(validateTask(taskInput({ commitment: { at: '2027-03-01T10:00:00Z', confirmedBy: '' } }), TODAY))).toEqual(['commitmentMissing']);
    expect(codes(validateTask(taskInput({ commitment: { at: 'yesterday', confirmedBy: 'W-1' } }), TODAY))).toEqual(['commitmentMissing']);
  });

  it('refuses malformed obstacles, naming which one', () => {
    const r = validateTask(
      taskInput({
        obstacles: [
          { text: 'ok', kind: 'internal' },
          { text: '', kind: 'social' },
        ],
      }),
      TODAY,
    );
    expect(codes(r)).toEqual(['obstacleTextMissing', 'obstacleKindInvalid']);
    expect(r.errors.every((e) => e.field === 'obstacles[1]')).toBe(true);
  });

  it('warns when the task is due after the plan ends', () => {
    const r = validateTask(taskInput({ dueDate: '2027-05-01' }), TODAY, { endDate: '2027-04-26' });
    expect(r.ok).toBe(true);
    expect(warningCodes(r)).toEqual(['dueAfterContractEnd']);
    expect(validateTask(taskInput(), TODAY, { endDate: '2027-04-26' }).warnings).toEqual([]);
  });

  it('produces input the task schema accepts once stored', () => {
    const input = taskInput();
    const stored = { ...input, id: 'T-9', status: 'open', progress: [], createdAt: '2027-03-01T10:00:00Z', createdBy: 'W-1' };
    expect(TaskSchema.safeParse(stored).success).toBe(true);
  });
});

describe('addProgress', () => {
  it('appends an entry and leaves the task given unchanged', () => {
    const task = makeTask({}, [3]);
    const updated = addProgress(task, progress(2));
    expect(updated.progress.map((p) => p.rating)).toEqual([3, 2]);
    expect(task.progress).toHaveLength(1);
    expect(updated).not.toBe(task);
  });

  it('keeps obstacles and the "need help" answer with the rating', () => {
    const entry = ProgressSchema.parse({
      at: '2027-03-08T10:00:00Z',
      rating: 1,
      obstacles: 'No tuve dinero para el autobús',
      needsHelp: true,
      source: 'client',
      by: 'U-1',
    });
    const updated = addProgress(makeTask(), entry);
    expect(updated.progress[0]).toEqual(entry);
  });

  it.each(['done', 'dropped'] as const)('refuses progress on a %s task', (status) => {
    const task = makeTask({ status });
    const attempt = () => addProgress(task, progress(3));
    expect(attempt).toThrow(DomainError);
    expect(attempt).toThrow(expect.objectContaining({ code: 'taskClosed' }));
    expect(task.progress).toEqual([]);
  });

  it('refuses a malformed entry, naming the field', () => {
    const bad = { at: '2027-03-08T10:00:00Z', rating: 5, source: 'client', by: 'U-1' } as unknown as Progress;
    expect(() => addProgress(makeTask(), bad)).toThrow(expect.objectContaining({ code: 'invalidProgress', message: expect.stringContaining('rating') }));
  });
});

describe('ratings', () => {
  it('averages on the 4-point scale, leaving "no opportunity" out', () => {
    expect(averageAchievement(makeTask({}, [4, 'noOpportunity', 2]))).toBe(3);
    expect(averageAchievement(makeTask({}, [1, 2, 2]))).toBeCloseTo(5 / 3);
  });

  it('has no average without ratings', () => {
    expect(averageAchievement(makeTask())).toBeNull();
    expect(averageAchievement(makeTask({}, ['noOpportunity']))).toBeNull();
  });

  it('gives the last rating of any kind', () => {
    expect(lastRating(makeTask({}, [3, 'noOpportunity']))).toBe('noOpportunity');
    expect(lastRating(makeTask())).toBeNull();
  });

  it('suggests done only for a full achievement on an open task', () => {
    expect(taskStatusAfterRating({ status: 'open' }, 4)).toBe('done');
    expect(taskStatusAfterRating({ status: 'open' }, 3)).toBe('open');
    expect(taskStatusAfterRating({ status: 'open' }, 'noOpportunity')).toBe('open');
    expect(taskStatusAfterRating({ status: 'dropped' }, 4)).toBe('dropped');
  });
});

describe('twoLowRatingsInARow', () => {
  it('is true when the last two ratings are both 1', () => {
    expect(twoLowRatingsInARow(makeTask({}, [3, 1, 1]))).toBe(true);
  });

  it('ignores "no opportunity" between them', () => {
    expect(twoLowRatingsInARow(makeTask({}, [1, 'noOpportunity', 1]))).toBe(true);
  });

  it('is false when only one is low, or the low ones are not the last', () => {
    expect(twoLowRatingsInARow(makeTask({}, [1]))).toBe(false);
    expect(twoLowRatingsInARow(makeTask({}, [2, 1]))).toBe(false);
    expect(twoLowRatingsInARow(makeTask({}, [1, 1, 2]))).toBe(false);
    expect(twoLowRatingsInARow(makeTask({}, ['noOpportunity', 'noOpportunity']))).toBe(false);
  });
});

describe('goalProgress', () => {
  it("averages the goal's tasks, each counting once", () => {
    const tasks = [makeTask({ id: 'T-1' }, [4, 4, 4]), makeTask({ id: 'T-2' }, [2]), makeTask({ id: 'T-3', goalId: 'G-2' }, [1])];
    expect(goalProgress({ id: 'G-1' }, tasks)).toBe(3);
  });

  it('leaves out dropped and unrated tasks; null when nothing is rated', () => {
    const tasks = [makeTask({ id: 'T-1' }, [4]), makeTask({ id: 'T-2', status: 'dropped' }, [1]), makeTask({ id: 'T-3' })];
    expect(goalProgress({ id: 'G-1' }, tasks)).toBe(4);
    expect(goalProgress({ id: 'G-9' }, tasks)).toBeNull();
  });
});
