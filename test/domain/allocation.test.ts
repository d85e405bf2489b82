import { describe, expect, it } from 'vitest';
import { assignCase, mayAllocate, toldByMessage, workerLoads } from '../../src/domain/allocation.js';
import { CaseClosedError, DomainError } from '../../src/domain/errors.js';
import { deriveJobs } from '../../src/domain/followups/derive.js';
import { defaultFollowUpConfig } from '../../src/domain/followups/settings.js';
import { CaseSchema } from '../../src/domain/schemas.js';
import { makeCase, makeStaff } from './fixtures.js';
import { deepFreeze } from './frozenCase.js';

const AT = '2027-01-11T10:00:00.000Z';
const SUPER = makeStaff({ id: 'S-SUPER', name: 'Marta', role: 'supervisor' });
const WORKER = makeStaff({ id: 'S-WORKER', name: 'Lucía' });
const OTHER = makeStaff({ id: 'S-OTHER1', name: 'Pablo', availableHoursPerMonth: 5 });
const FREE = makeStaff({ id: 'S-FREE01', name: 'Ana', availableHoursPerMonth: 40 });
const ELSEWHERE = makeStaff({ id: 'S-ELSEWH', name: 'Sarah', team: 'team-b' });
const OTHER_SUPER = makeStaff({ id: 'S-SUPERB', name: 'Tom', role: 'supervisor', team: 'team-b' });

describe('case allocation', () => {
  it('only a supervisor of the case’s team allocates it', () => {
    const record = makeCase();
    expect(mayAllocate(SUPER, record)).toBe(true);
    expect(mayAllocate(OTHER_SUPER, record)).toBe(false);
    expect(mayAllocate(WORKER, record)).toBe(false);
  });

  it('lists the team’s workers with required against available time, and with the case added; most time to spare first', () => {
    const record = makeCase({ id: 'C-ALLOC1', intensity: 'moderate' });
    const pablos = makeCase({ id: 'C-PABLO1', workerId: OTHER.id, intensity: 'intensive' });
    const loads = workerLoads(record, [SUPER, WORKER, OTHER, FREE, ELSEWHERE], [record, pablos]);
    expect(loads.map((l) => [l.staff.id, l.time.requiredMinutes, l.time.availableMinutes, l.requiredWithCase, l.overWithCase, l.current])).toEqual([
      [WORKER.id, 120, 7200, 120, false, true],
      [FREE.id, 0, 2400, 120, false, false],
      [OTHER.id, 240, 300, 360, true, false],
    ]);
  });

  it('transfers the case: the new worker owns it, the earlier one keeps no access, the assignment is recorded', () => {
    const record = deepFreeze(makeCase({ sharedWith: [OTHER.id, 'S-SHARED'] }));
    const moved = assignCase(record, OTHER, SUPER, AT, 'AS-ABCDEF');
    expect(CaseSchema.parse(moved)).toEqual(moved);
    expect(moved.workerId).toBe(OTHER.id);
    expect(moved.sharedWith).toEqual(['S-SHARED']);
    expect(moved.assignments).toEqual([{ id: 'AS-ABCDEF', at: AT, by: SUPER.id, from: WORKER.id, to: OTHER.id }]);
    expect(moved.updatedAt).toBe(AT);
    expect(toldByMessage(moved.assignments![0]!)).toEqual([OTHER.id, WORKER.id]);
  });

  it('refuses another team’s supervisor, a worker, a non-worker or another team’s worker, the same worker and a closed case', () => {
    const record = makeCase();
    const code = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        return error instanceof DomainError ? error.code : (error as Error).name;
      }
      return 'none';
    };
    expect(code(() => assignCase(record, OTHER, OTHER_SUPER, AT, 'AS-1'))).toBe('notAllowedToAllocate');
    expect(code(() => assignCase(record, OTHER, WORKER, AT, 'AS-1'))).toBe('notAllowedToAllocate');
    expect(code(() => assignCase(record, SUPER, SUPER, AT, 'AS-1'))).toBe('notATeamWorker');
    expect(code(() => assignCase(record, ELSEWHERE, SUPER, AT, 'AS-1'))).toBe('notATeamWorker');
    expect(code(() => assignCase(record, WORKER, SUPER, AT, 'AS-1'))).toBe('alreadyTheirs');
    expect(() => assignCase(makeCase({ status: 'closed' }), OTHER, SUPER, AT, 'AS-1')).toThrow(CaseClosedError);
  });

  it('a worker who made the change in the conversation is not told again by message', () => {
    expect(toldByMessage({ id: 'AS-1', at: AT, by: WORKER.id, from: WORKER.id, to: OTHER.id })).toEqual([OTHER.id]);
  });

  it('derives one notice for each worker concerned, due at once; none once the case is closed', () => {
    const moved = assignCase(makeCase(), OTHER, SUPER, AT, 'AS-ABCDEF');
    const now = new Date(AT);
    const notices = deriveJobs(moved, { worker: OTHER, supervisors: [SUPER] }, defaultFollowUpConfig, now).filter((job) => job.kind === 'caseAssigned');
    expect(notices.map((job) => [job.recipient, job.subject, job.dueAt])).toEqual([
      [{ role: 'worker', staffId: OTHER.id }, { assignmentId: 'AS-ABCDEF' }, AT],
      [{ role: 'worker', staffId: WORKER.id }, { assignmentId: 'AS-ABCDEF' }, AT],
    ]);
    expect(deriveJobs({ ...moved, status: 'closed' }, { worker: OTHER, supervisors: [SUPER] }, defaultFollowUpConfig, now)).toEqual([]);
  });
});
