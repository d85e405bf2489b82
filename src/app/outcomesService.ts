// Team outcomes (SPEC §3, service effectiveness) for a supervisor: only their own team's
// cases are read, each case counted is audited as read, a refusal is audited as denied.
import type { Actor } from '../domain/access.js';
import type { Repositories } from '../domain/ports.js';
import { outcomesCsv, outcomesFileName } from '../domain/outcomesCsv.js';
import { teamOutcomes, type Period, type TeamOutcomes } from '../domain/teamOutcomes.js';
import { auditOn, type Audit } from './audit.js';

/** Anyone but a supervisor asking for team outcomes. */
export class OutcomesRefusedError extends Error {
  constructor() {
    super('Only a supervisor can see team outcomes');
    this.name = 'OutcomesRefusedError';
  }
}

export interface OutcomesReport {
  outcomes: TeamOutcomes;
  csv: string;
  fileName: string;
}

export const OUTCOMES_ACTION = 'team.outcomes';

export class OutcomesService {
  private readonly audit: Audit;

  constructor(
    private readonly repos: Repositories,
    now: () => Date = () => new Date(),
  ) {
    this.audit = auditOn(repos.audit, now);
  }

  /** Whether the actor may see team outcomes (a supervisor); a refusal is audited. */
  async allowed(actor: Actor): Promise<boolean> {
    if (actor.kind === 'staff' && actor.staff.role === 'supervisor') return true;
    await this.audit(actor, OUTCOMES_ACTION, undefined, 'denied');
    return false;
  }

  /** The outcomes of the supervisor's own team over `period` (days in `timeZone`), with the CSV. */
  async forTeam(actor: Actor, period: Period, timeZone: string): Promise<OutcomesReport> {
    if (!(await this.allowed(actor)) || actor.kind !== 'staff') throw new OutcomesRefusedError();
    const team = actor.staff.team;
    const [cases, services] = await Promise.all([this.repos.cases.casesOfTeam(team), this.repos.services.all()]);
    const ownTeam = cases.filter((c) => c.team === team);
    const outcomes = teamOutcomes({ team, period, cases: ownTeam, serviceNames: new Map(services.map((s) => [s.id, s.name])), timeZone });
    await Promise.all(ownTeam.map((c) => this.audit(actor, OUTCOMES_ACTION, c.id)));
    if (ownTeam.length === 0) await this.audit(actor, OUTCOMES_ACTION, undefined);
    return { outcomes, csv: outcomesCsv(outcomes), fileName: outcomesFileName(outcomes) };
  }
}
