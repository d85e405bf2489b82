// People's data rights (SPEC §5): a case's export (right of access), corrections that keep
// the earlier value, and blocking then erasing a closed case past its retention period.
// Every export, correction, block, blocked read and erasure is audited, ids only.
import { canReadCase, isRole, type Actor } from '../domain/access.js';
import { addDays } from '../domain/dates.js';
import { DomainError } from '../domain/errors.js';
import type { Job } from '../domain/followups/job.js';
import type { OutboxRecord } from '../domain/followups/outbox.js';
import type { Collection, Repositories } from '../domain/ports.js';
import { rectify, type RectifiableFact } from '../domain/rectification.js';
import { blockCase, retentionStatus, type RetentionSettings, type RetentionStatus } from '../domain/retention.js';
import type { AuditEntry, Case, ClientLink, Language, LinkCode, Service, Staff, UserProfile } from '../domain/schemas.js';
import { auditOn, type Audit, type AuditActor } from './audit.js';
import { CaseAccessError, type CaseService } from './caseService.js';
import { exportSummary } from './dataRightsSummary.js';

export const EXPORT_FORMAT = 'enlace.caseExport/1';

/** Everything held about a case's client, as one JSON document. */
export interface CaseExportDocument {
  format: typeof EXPORT_FORMAT;
  exportedAt: string;
  caseId: string;
  language: Language;
  /** The case record itself: profile, consent, assessments, goals, tasks and their ratings, referrals, contacts, advocacy, reviews, closure, corrections. */
  case: Case;
  /** The staff named in the case and its audit entries, so ids can be read as people. */
  staff: Pick<Staff, 'id' | 'name' | 'role'>[];
  /** The services the case's referrals went to. */
  services: Pick<Service, 'id' | 'name' | 'provider' | 'contact'>[];
  /** The client's chats linked to the case, with what the bot keeps about each. */
  clientChats: { link: ClientLink; profile?: UserProfile }[];
  /** The one-time codes made for the case (the code itself is never kept). */
  linkCodes: Omit<LinkCode, 'codeHash'>[];
  /** Who read or changed the case, and when. */
  audit: AuditEntry[];
}

export interface CaseExport {
  document: CaseExportDocument;
  /** The same, in plain words in the client's language. */
  summary: string;
  /** `enlace-<case id>-<date>`, without extension. */
  baseName: string;
}

/** Who asks for an export: a supervisor in chat, or the operator at the command line. */
export type Requester = { kind: 'chat'; actor: Actor } | { kind: 'operator'; id: string; admin?: Staff };

/** Refused because the case is blocked: only an admin, for a legal request, may read it. */
export class CaseBlockedError extends Error {
  constructor(readonly caseId: string) {
    super(`Case ${caseId} is blocked: only an admin may read it, for a legal request`);
    this.name = 'CaseBlockedError';
  }
}

/** A block or erasure asked for a case that is not in the state it needs; `reason` says which. */
export class RetentionRefusedError extends Error {
  constructor(
    readonly caseId: string,
    readonly reason: 'notFound' | 'notClosed' | 'notDue' | 'alreadyBlocked' | 'notBlocked' | 'notAdmin',
  ) {
    super(`Case ${caseId}: ${reason}`);
    this.name = 'RetentionRefusedError';
  }
}

/** Where follow-ups are kept, as plain record collections (the bot is stopped while erasing). */
export interface FollowUpRecords {
  jobs: Collection<Job>;
  outbox: Collection<OutboxRecord>;
}

export interface RetentionRow {
  caseId: string;
  closedAt: string;
  status: RetentionStatus;
  /** The day blocking or erasure becomes due. */
  dueOn: string;
}

/** What an erasure removed, as counts (the audit keeps only ids and the fact). */
export interface ErasureReport {
  caseId: string;
  clientChats: number;
  linkCodes: number;
  conversationRefs: number;
  userProfiles: number;
  jobs: number;
  outbox: number;
  botState: number;
  staffProfiles: number;
}

/** The operator, as the audit log names changes made from the command line. */
export const OPERATOR_ID = 'cli';

export class DataRightsService {
  private readonly audit: Audit;

  constructor(
    private readonly repos: Repositories,
    private readonly cases: CaseService,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.audit = auditOn(repos.audit, now);
  }

  /** In chat only supervisors export (the menu offers it to them alone); the case must be of their team. */
  async mayExportInChat(actor: Actor): Promise<boolean> {
    return isRole(actor, 'supervisor');
  }

  /**
   * Everything held about the case's client. In chat: a supervisor of the case's team, and
   * never a blocked case. From the command line: the operator, and for a blocked case only
   * with an admin named (a legal request), audited as a read of a blocked case.
   */
  async exportCase(requester: Requester, caseId: string): Promise<CaseExport> {
    const record = await this.readForExport(requester, caseId);
    const actorId = requester.kind === 'chat' ? requester.actor.id : (requester.admin?.id ?? requester.id);
    const document = await this.documentOf(record);
    await this.audit({ id: actorId }, 'case.export', caseId);
    const exportedOn = document.exportedAt.slice(0, 10);
    return { document, summary: exportSummary(document), baseName: `enlace-${caseId}-${exportedOn}` };
  }

  private async readForExport(requester: Requester, caseId: string): Promise<Case> {
    if (requester.kind === 'chat') {
      const { actor } = requester;
      const stored = await this.repos.cases.get(caseId);
      if (stored?.blocked && isRole(actor, 'supervisor') && actor.kind === 'staff' && stored.team === actor.staff.team) {
        await this.audit(actor, 'case.export', caseId, 'denied');
        throw new CaseBlockedError(caseId);
      }
      const record = await this.cases.read(actor, caseId, 'case.export.read');
      if (!isRole(actor, 'supervisor') || !canReadCase(actor, record)) {
        await this.audit(actor, 'case.export', caseId, 'denied');
        throw new CaseAccessError(caseId);
      }
      return record;
    }
    const record = await this.repos.cases.get(caseId);
    if (!record) {
      await this.audit({ id: requester.id }, 'case.export', undefined, 'denied', 'notFound');
      throw new CaseAccessError(caseId);
    }
    if (record.blocked) {
      if (requester.admin?.role !== 'admin') {
        await this.audit({ id: requester.admin?.id ?? requester.id }, 'case.blocked.read', caseId, 'denied');
        throw new CaseBlockedError(caseId);
      }
      await this.audit(requester.admin, 'case.blocked.read', caseId);
    }
    return record;
  }

  private async documentOf(record: Case): Promise<CaseExportDocument> {
    const [links, codes, audit] = await Promise.all([this.repos.clientLinks.all(), this.repos.linkCodes.all(), this.auditOf(record.id, record.createdAt)]);
    const caseLinks = links.filter((link) => link.caseId === record.id).sort((a, b) => a.linkedAt.localeCompare(b.linkedAt));
    const clientChats = await Promise.all(caseLinks.map(async (link) => ({ link, profile: await this.repos.users.get(link.id) })));
    const staffIds = new Set([record.workerId, ...staffIdsIn(record), ...audit.map((entry) => entry.actor)]);
    const staff = (await Promise.all([...staffIds].map((id) => this.repos.staff.get(id)))).flatMap((s) =>
      s ? [{ id: s.id, name: s.name, role: s.role }] : [],
    );
    const serviceIds = new Set(record.referrals.map((r) => r.serviceId));
    const services = (await Promise.all([...serviceIds].map((id) => this.repos.services.get(id)))).flatMap((s) =>
      s ? [{ id: s.id, name: s.name, provider: s.provider, contact: s.contact }] : [],
    );
    return {
      format: EXPORT_FORMAT,
      exportedAt: this.now().toISOString(),
      caseId: record.id,
      language: record.client.language,
      case: record,
      staff,
      services,
      clientChats: clientChats.map(({ link, profile }) => (profile ? { link, profile } : { link })),
      linkCodes: codes
        .filter((code) => code.caseId === record.id)
        .map(({ codeHash: _hash, ...code }) => code)
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
      audit,
    };
  }

  /** The audit entries naming the case, from the day it was created to today. */
  private async auditOf(caseId: string, since: string): Promise<AuditEntry[]> {
    const entries: AuditEntry[] = [];
    const today = this.now().toISOString().slice(0, 10);
    for (let day = since.slice(0, 10); day <= today; day = addDays(day, 1)) {
      for (const entry of await this.repos.audit.readDay(day)) if (entry.caseId === caseId) entries.push(entry);
    }
    return entries;
  }

  /** Corrects one recorded fact, keeping its earlier value with who changed it and when. */
  async correct(actor: Actor, caseId: string, fact: RectifiableFact, value: string | number | null): Promise<Case> {
    return this.cases.change(actor, caseId, 'case.rectify', (current) => rectify(current, fact, value, actor.id, this.now().toISOString()));
  }

  /**
   * A correction the client asked for (right to rectification), applied from the command line
   * by a registered staff member on the agency's behalf: audited under their id. A closed
   * case is corrected too (its record must be right); a blocked one is not.
   */
  async correctOnRequest(by: Staff, caseId: string, fact: RectifiableFact, value: string | number | null): Promise<Case> {
    try {
      const updated = await this.repos.cases.update(caseId, (current) => {
        if (!current || current.blocked) throw new CaseAccessError(caseId);
        return rectify(current, fact, value, by.id, this.now().toISOString());
      });
      await this.audit(by, 'case.rectify', caseId);
      return updated!;
    } catch (error) {
      if (error instanceof CaseAccessError) await this.audit(by, 'case.rectify', undefined, 'denied', 'notFound');
      throw error;
    }
  }

  /** Closed cases due for blocking or erasure, oldest closure first. */
  async retentionDue(settings: RetentionSettings): Promise<RetentionRow[]> {
    const closed = await this.repos.cases.byStatus('closed');
    const rows = closed.flatMap((record) => {
      const status = retentionStatus(record, settings, this.now());
      return status.status === 'dueForBlocking' || status.status === 'dueForErasure'
        ? [{ caseId: record.id, closedAt: record.closure!.at, status: status.status, dueOn: status.dueOn }]
        : [];
    });
    return rows.sort((a, b) => a.closedAt.localeCompare(b.closedAt) || a.caseId.localeCompare(b.caseId));
  }

  /** Blocks a closed case past retention: only an admin reads it from now on. */
  async block(by: Staff | undefined, caseId: string, settings: RetentionSettings): Promise<Case> {
    const actor: AuditActor = { id: by?.id ?? OPERATOR_ID };
    if (by?.role !== 'admin') {
      await this.audit(actor, 'case.block', caseId, 'denied');
      throw new RetentionRefusedError(caseId, 'notAdmin');
    }
    let refusal: RetentionRefusedError | undefined;
    const updated = await this.repos.cases
      .update(caseId, (current) => {
        if (!current) throw new RetentionRefusedError(caseId, 'notFound');
        return blockCase(current, settings, by.id, this.now());
      })
      .catch((error: unknown) => {
        if (error instanceof RetentionRefusedError) refusal = error;
        else if (error instanceof DomainError && isRetentionReason(error.code)) refusal = new RetentionRefusedError(caseId, error.code);
        else throw error;
        return undefined;
      });
    if (refusal) {
      await this.audit(
        actor,
        'case.block',
        refusal.reason === 'notFound' ? undefined : caseId,
        'denied',
        refusal.reason === 'notFound' ? 'notFound' : undefined,
      );
      throw refusal;
    }
    await this.audit(actor, 'case.block', caseId);
    return updated!;
  }

  /**
   * Erases a blocked case whose blocking period is over: its record, its follow-ups, its link
   * codes, the client's chats, profiles and conversation references, the dialog state that
   * names it, and the case in staff's recent lists. The audit keeps only ids and the erasure.
   */
  async erase(by: Staff | undefined, caseId: string, settings: RetentionSettings, followUps: FollowUpRecords): Promise<ErasureReport> {
    const actor: AuditActor = { id: by?.id ?? OPERATOR_ID };
    const refuse = async (reason: RetentionRefusedError['reason']) => {
      await this.audit(actor, 'case.erase', reason === 'notFound' ? undefined : caseId, 'denied', reason === 'notFound' ? 'notFound' : undefined);
      return new RetentionRefusedError(caseId, reason);
    };
    if (by?.role !== 'admin') throw await refuse('notAdmin');
    const record = await this.repos.cases.get(caseId);
    if (!record) throw await refuse('notFound');
    const status = retentionStatus(record, settings, this.now());
    if (status.status !== 'dueForErasure') throw await refuse(status.status === 'blocked' ? 'notDue' : 'notBlocked');

    const links = (await this.repos.clientLinks.all()).filter((link) => link.caseId === caseId);
    const chatIds = new Set(links.map((link) => link.id));
    const codes = (await this.repos.linkCodes.all()).filter((code) => code.caseId === caseId);
    const jobs = (await followUps.jobs.all()).filter((job) => job.caseId === caseId);
    const outbox = (await Promise.all(jobs.map((job) => followUps.outbox.get(job.id)))).filter((r): r is OutboxRecord => r !== undefined);
    const refs = (await Promise.all([...chatIds].map((id) => this.repos.conversationRefs.get(id)))).filter((r) => r !== undefined);
    const profiles = (await Promise.all([...chatIds].map((id) => this.repos.users.get(id)))).filter((p) => p !== undefined);
    const traces = [caseId, record.client.name];
    const botState = (await this.repos.botState.all()).filter(
      (state) => [...chatIds].some((chat) => state.key.includes(chat)) || traces.some((trace) => JSON.stringify(state.value).includes(trace)),
    );
    const staffProfiles = (await this.repos.users.all()).filter((p) => !chatIds.has(p.id) && (p.currentCaseId === caseId || p.lastCaseList?.includes(caseId)));

    // The case goes last: an erasure cut off halfway can be run again, and finds the rest.
    await Promise.all(jobs.map((job) => followUps.jobs.delete(job.id)));
    await Promise.all(outbox.map((r) => followUps.outbox.delete(r.id)));
    await Promise.all(codes.map((code) => this.repos.linkCodes.delete(code.id)));
    await Promise.all(refs.map((ref) => this.repos.conversationRefs.delete(ref.id)));
    await Promise.all(profiles.map((p) => this.repos.users.delete(p.id)));
    await Promise.all(botState.map((state) => this.repos.botState.delete(state.id)));
    await Promise.all(
      staffProfiles.map((p) =>
        this.repos.users.update(p.id, (current) => {
          if (!current) return undefined;
          const { currentCaseId, lastCaseList, ...rest } = current;
          return {
            ...rest,
            ...(currentCaseId && currentCaseId !== caseId ? { currentCaseId } : {}),
            ...(lastCaseList ? { lastCaseList: lastCaseList.filter((id) => id !== caseId) } : {}),
          };
        }),
      ),
    );
    await Promise.all(links.map((link) => this.repos.clientLinks.delete(link.id)));
    await this.repos.cases.delete(caseId);
    await this.audit(actor, 'case.erase', caseId);
    return {
      caseId,
      clientChats: links.length,
      linkCodes: codes.length,
      conversationRefs: refs.length,
      userProfiles: profiles.length,
      jobs: jobs.length,
      outbox: outbox.length,
      botState: botState.length,
      staffProfiles: staffProfiles.length,
    };
  }
}

function isRetentionReason(code: string): code is RetentionRefusedError['reason'] {
  return ['notClosed', 'notDue', 'alreadyBlocked', 'notBlocked'].includes(code);
}

/** Every staff id a case names: who recorded, changed, reviewed or closed something. */
function staffIdsIn(record: Case): string[] {
  return [
    ...record.sharedWith,
    record.consent.recordedBy,
    ...record.assessments.map((a) => a.by),
    ...record.goals.map((g) => g.createdBy),
    ...record.tasks.map((t) => t.createdBy),
    ...record.referrals.map((r) => r.createdBy),
    ...record.contacts.map((c) => c.by),
    ...record.advocacy.map((a) => a.by),
    ...record.reviews.map((r) => r.by),
    ...(record.closure ? [record.closure.by] : []),
    ...record.reopenings.map((r) => r.by),
    ...(record.corrections ?? []).map((c) => c.by),
  ];
}
