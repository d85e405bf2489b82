// Reading and changing cases on behalf of a person: access rules applied, every read and
// change audited (ids only). Dialogs go through this, never straight to the repository.
import { canChangeCase, canReadCase, canReopenCase, visibleCases, type Actor } from '../domain/access.js';
import { CaseClosedError } from '../domain/errors.js';
import type { Repositories } from '../domain/ports.js';
import type { Case } from '../domain/schemas.js';

/** The same refusal whether the case does not exist or is someone else's: nothing leaks. */
export class CaseAccessError extends Error {
  constructor(readonly caseId: string) {
    super(`No access to case ${caseId}`);
    this.name = 'CaseAccessError';
  }
}

export class CaseService {
  constructor(private readonly repos: Repositories, private readonly now: () => Date = () => new Date()) {}

  /** A case the actor may read, audited as `action`. */
  async read(actor: Actor, caseId: string, action = 'case.read'): Promise<Case> {
    const record = this.repos.cases.get(caseId);
    if (!record || !canReadCase(actor, record)) {
      await this.audit(actor, action, caseId, 'denied');
      throw new CaseAccessError(caseId);
    }
    await this.audit(actor, action, caseId);
    return record;
  }

  /** The cases the actor's caseload view lists, most recently changed first; each listing is audited. */
  async caseload(actor: Actor, filter: { status?: Case['status'] } = {}): Promise<Case[]> {
    const cases = visibleCases(actor, this.repos.cases.all())
      .filter((c) => !filter.status || c.status === filter.status)
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
    await Promise.all(cases.map((c) => this.audit(actor, 'case.list', c.id)));
    return cases;
  }

  async create(actor: Actor, record: Case): Promise<Case> {
    if (this.repos.cases.get(record.id)) throw new Error(`Case ${record.id} already exists`);
    if (!canChangeCase(actor, record)) {
      await this.audit(actor, 'case.create', record.id, 'denied');
      throw new CaseAccessError(record.id);
    }
    const created = await this.repos.cases.put(record);
    await this.audit(actor, 'case.create', record.id);
    return created;
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

  private async changeChecked(actor: Actor, caseId: string, action: string, change: (current: Case) => Case, check: (current: Case) => void): Promise<Case> {
    try {
      const updated = await this.repos.cases.update(caseId, (current) => {
        if (!current) throw new CaseAccessError(caseId);
        check(current);
        return { ...change(current), updatedAt: this.now().toISOString() };
      });
      await this.audit(actor, action, caseId);
      return updated!;
    } catch (error) {
      if (error instanceof CaseAccessError || error instanceof CaseClosedError) await this.audit(actor, action, caseId, 'denied');
      throw error;
    }
  }

  private audit(actor: Actor, action: string, caseId: string | undefined, outcome: 'ok' | 'denied' = 'ok'): Promise<void> {
    return this.repos.audit.record({ actor: actor.id, action, caseId, outcome, at: this.now().toISOString() });
  }
}
