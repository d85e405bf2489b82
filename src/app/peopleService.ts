// What the bot keeps about each person apart from case data: their language choice, whether
// they were welcomed, the case a staff member is working on and the last numbered list of cases
// they saw, and staff names for views.
import type { Actor } from '../domain/access.js';
import type { Repositories } from '../domain/ports.js';
import type { Language, UserProfile } from '../domain/schemas.js';

export class PeopleService {
  constructor(
    private readonly repos: Repositories,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async setLanguage(actor: Actor, language: Language): Promise<void> {
    await this.changeProfile(actor, (p) => ({ ...p, language }));
  }

  /** Records that the person has been welcomed; true when this is the first time. */
  async welcome(actor: Actor): Promise<boolean> {
    if ((await this.repos.users.get(actor.id))?.welcomedAt) return false;
    await this.changeProfile(actor, (p) => ({ ...p, welcomedAt: this.now().toISOString() }));
    return true;
  }

  /** The case a staff member is working on, so the next command need not repeat its id. */
  async currentCase(actor: Actor): Promise<string | undefined> {
    return (await this.repos.users.get(actor.id))?.currentCaseId;
  }

  async setCurrentCase(actor: Actor, caseId: string): Promise<void> {
    await this.changeProfile(actor, (p) => ({ ...p, currentCaseId: caseId }));
  }

  /** Remembers a numbered list of cases just shown, so a later command can name one by its number. */
  async rememberCaseList(actor: Actor, caseIds: string[]): Promise<void> {
    // The same list shown again (a caseload listed once more) is already remembered: no write.
    const remembered = (await this.repos.users.get(actor.id))?.lastCaseList;
    if (remembered && sameIds(remembered, caseIds)) return;
    await this.changeProfile(actor, (p) => ({ ...p, lastCaseList: caseIds }));
  }

  /** The id at `number` (from 1) in the last list of cases shown to the person. */
  async caseInLastList(actor: Actor, number: number): Promise<string | undefined> {
    return (await this.repos.users.get(actor.id))?.lastCaseList?.[number - 1];
  }

  /** Staff names by id, for staff views; an id no one holds any more is left out. */
  async staffNames(actor: Actor, staffIds: Iterable<string>): Promise<Map<string, string>> {
    const names = new Map<string, string>();
    if (actor.kind !== 'staff') return names;
    for (const id of new Set(staffIds)) {
      const staff = await this.repos.staff.get(id);
      if (staff) names.set(id, staff.name);
    }
    return names;
  }

  private async changeProfile(actor: Actor, change: (profile: UserProfile) => UserProfile): Promise<void> {
    await this.repos.users.update(actor.id, (p) => change(p ?? { id: actor.id, failedLinkAttempts: 0 }));
  }
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}
