// Reading and changing cases on behalf of a person: access rules applied, every read and
// change audited (ids only). Dialogs go through this, never straight to the repository.
import { canChangeCase, canReadCase, canReopenCase, visibleCases, type Actor } from '../domain/access.js';
import { assignCase, mayAllocate, workerLoads, type WorkerLoad } from '../domain/allocation.js';
import type { PracticeConfig } from '../domain/config.js';
import { CaseClosedError, DomainError } from '../domain/errors.js';
import { newId } from '../domain/ids.js';
import type { CaseQuery, Repositories } from '../domain/ports.js';
import type { CaseHeader } from '../domain/caseHeader.js';
import type { Case } from '../domain/schemas.js';
import { auditCasesOn, auditOn, type Audit, type AuditCases } from './audit.js';

/** The same refusal whether the case does not exist or is someone else's: nothing leaks. */
export class CaseAccessError extends Error {
  constructor(readonly caseId: string) {
    super(`No access to case ${caseId}`);
    this.name = 'CaseAccessError';
  }
}

/** Only a supervisor of the case's team allocates it; anyone else who may read it is refused with this. */
export class AllocationRefusedError extends Error {
  constructor(readonly caseId: string) {
    super(`Not allowed to allocate case ${caseId}`);
    this.name = 'AllocationRefusedError';
  }
}

/** What a supervisor sees to allocate a case: the case and each worker of its team with their time. */
export interface AllocationView {
  caseRecord: Case;
  loads: WorkerLoad[];
}

/** Called after each change to a case (its follow-ups are derived again); it must not throw. */
export type CaseChanged = (caseId: string) => Promise<void>;

/** The follow-ups scheduler, as the audit log names it. */
export const FOLLOW_UPS_ACTOR = { id: 'system:followups' } as const;

export class CaseService {
  private readonly audit: Audit;
  private readonly auditCases: AuditCases;

  constructor(
    private readonly repos: Repositories,
    private readonly now: () => Date = () => new Date(),
    private readonly onChanged: CaseChanged = async () => {},
  ) {
    this.audit = auditOn(repos.audit, now);
    this.auditCases = auditCasesOn(repos.audit, now);
  }

  /** A case the actor may read, audited as `action`. */
  async read(actor: Actor, caseId: string, action = 'case.read'): Promise<Case> {
    const record = await this.repos.cases.get(caseId);
    if (!record) {
      await this.audit(actor, action, undefined, 'denied', 'notFound');
      throw new CaseAccessError(caseId);
    }
    if (!canReadCase(actor, record)) {
      await this.audit(actor, action, caseId, 'denied');
      throw new CaseAccessError(caseId);
    }
    await this.audit(actor, action, caseId);
    return record;
  }

  /** The cases the actor's caseload view lists, most recently changed first; each listing is audited. */
  async caseload(actor: Actor, query: CaseQuery = {}): Promise<Case[]> {
    const cases = visibleCases(actor, await this.caseloadOf(actor, query)).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
    await Promise.all(cases.map((c) => this.audit(actor, 'case.list', c.id)));
    return cases;
  }

  /**
   * The headers of the cases the actor's caseload view lists, most recently changed first,
   * without reading any case. Not audited here: whoever shows cases of it audits those with
   * `listed`, so a page of a long caseload audits that page, not every case.
   */
  async caseloadHeaders(actor: Actor, query: CaseQuery = {}): Promise<CaseHeader[]> {
    const headers = visibleCases(actor, await this.headersOf(actor, query));
    return headers.sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0));
  }

  /** Audits, in one batch, that the cases `caseIds` of the actor's caseload were shown to them. */
  async listed(actor: Actor, caseIds: readonly string[]): Promise<void> {
    await this.auditCases(actor, 'case.list', caseIds);
  }

  private async headersOf(actor: Actor, query: CaseQuery): Promise<readonly CaseHeader[]> {
    if (actor.kind !== 'staff') return [];
    const { staff } = actor;
    if (staff.role === 'worker') return this.repos.cases.headersOfWorker(staff.id, query);
    if (staff.role === 'supervisor') return this.repos.cases.headersOfTeam(staff.team, query);
    return [];
  }

  /** The cases that may be in the actor's caseload: a worker's own and shared, a supervisor's team's. */
  private async caseloadOf(actor: Actor, query: CaseQuery): Promise<readonly Case[]> {
    if (actor.kind !== 'staff') return [];
    const { staff } = actor;
    if (staff.role === 'worker') return this.repos.cases.casesOfWorker(staff.id, query);
    if (staff.role === 'supervisor') return this.repos.cases.casesOfTeam(staff.team, query);
    return [];
  }

  async create(actor: Actor, record: Case): Promise<Case> {
    if (await this.repos.cases.get(record.id)) throw new Error(`Case ${record.id} already exists`);
    if (!canChangeCase(actor, record)) {
      await this.audit(actor, 'case.create', record.id, 'denied');
      throw new CaseAccessError(record.id);
    }
    // Checked again inside the change, so two creations under one id cannot both succeed.
    const created = await this.repos.cases.update(record.id, (current) => {
      if (current) throw new Error(`Case ${record.id} already exists`);
      return record;
    });
    await this.audit(actor, 'case.create', record.id);
    await this.onChanged(record.id);
    return created!;
  }

  /**
   * Applies `change` to the latest version of the case, after checking access and that
   * the case is open. Concurrent changes to one case apply one after another.
   */
  async change(actor: Actor, caseId: string, action: string, change: (current: Case) => Case): Promise<Case> {
    return this.changeChecked(actor, caseId, action, change, (current) => {
      if (!canChangeCase(actor, current)) throw new CaseAccessError(caseId);
      if (current.status === 'closed') throw new CaseClosedError(caseId);
    });
  }

  /** Reopening is the one change a closed case accepts: by its worker or a supervisor of its team. */
  async reopen(actor: Actor, caseId: string, change: (current: Case) => Case): Promise<Case> {
    return this.changeChecked(actor, caseId, 'case.reopen', change, (current) => {
      if (!canReopenCase(actor, current)) throw new CaseAccessError(caseId);
    });
  }

  /**
   * The case and its team's workers with their required against available time, for a
   * supervisor of the case's team; anyone else is refused (AllocationRefusedError or, if
   * they may not even read it, CaseAccessError), and the refusal audited.
   */
  async allocationOptions(actor: Actor, caseId: string, config: PracticeConfig): Promise<AllocationView> {
    const caseRecord = await this.read(actor, caseId, 'case.assign.read');
    if (actor.kind !== 'staff' || !mayAllocate(actor.staff, caseRecord)) {
      await this.audit(actor, 'case.assign', caseId, 'denied');
      throw new AllocationRefusedError(caseId);
    }
    const [staff, teamCases] = await Promise.all([this.repos.staff.all(), this.repos.cases.casesOfTeam(caseRecord.team, { status: 'open' })]);
    return { caseRecord, loads: workerLoads(caseRecord, staff, teamCases, config) };
  }

  /**
   * Gives the case to the worker `toWorkerId`, recording the assignment: only a supervisor
   * of the case's team, only to a worker of that team, only an open case. Audited either way;
   * the follow-ups derived again tell both workers.
   */
  async assign(actor: Actor, caseId: string, toWorkerId: string): Promise<Case> {
    const to = await this.repos.staff.get(toWorkerId);
    return this.changeChecked(
      actor,
      caseId,
      'case.assign',
      (current) => {
        if (!to || actor.kind !== 'staff') throw new DomainError('notATeamWorker', `${toWorkerId} is not a registered worker`, { caseId });
        return assignCase(current, to, actor.staff, this.now().toISOString(), newId('AS'));
      },
      (current) => {
        if (!canReadCase(actor, current)) throw new CaseAccessError(caseId);
        if (actor.kind !== 'staff' || !mayAllocate(actor.staff, current)) throw new AllocationRefusedError(caseId);
      },
    );
  }

  /**
   * What the follow-ups scheduler records on a case (a prompt went out, an alert reached its
   * supervisor): no person's access applies, the case keeps its last change time, and it is
   * audited under FOLLOW_UPS_ACTOR. A case that is gone is left so; returns whether it changed.
   */
  async recordFollowUp(caseId: string, action: string, change: (current: Case) => Case): Promise<boolean> {
    let changed = false;
    await this.repos.cases.update(caseId, (current) => {
      if (!current) return undefined;
      const next = change(current);
      changed = next !== current;
      return next;
    });
    if (changed) await this.audit(FOLLOW_UPS_ACTOR, action, caseId);
    return changed;
  }

  private async changeChecked(actor: Actor, caseId: string, action: string, change: (current: Case) => Case, check: (current: Case) => void): Promise<Case> {
    let found = false;
    try {
      const updated = await this.repos.cases.update(caseId, (current) => {
        if (!current) throw new CaseAccessError(caseId);
        found = true;
        check(current);
        return { ...change(current), updatedAt: this.now().toISOString() };
      });
      await this.audit(actor, action, caseId);
      await this.onChanged(caseId);
      return updated!;
    } catch (error) {
      if (error instanceof CaseAccessError || error instanceof CaseClosedError || error instanceof AllocationRefusedError) {
        await (found ? this.audit(actor, action, caseId, 'denied') : this.audit(actor, action, undefined, 'denied', 'notFound'));
      }
      throw error;
    }
  }
}
