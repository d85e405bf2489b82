// Block, then erase (LOPDGDD art. 32): a closed case past retention is blocked (only an admin
// reads it, audited), and once the blocking period is over erased with no trace of the client
// left under DATA_DIR; the audit keeps only ids and the fact. Nothing happens on its own.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CaseService } from '../../src/app/caseService.js';
import { DataRightsService, RetentionRefusedError } from '../../src/app/dataRights.js';
import { openFollowUpRecords } from '../../src/cli/dataCommands.js';
import { DEMO_CASE_IDS, PLAYGROUND_USERS } from '../../src/demo/demoData.js';
import { canReadCase } from '../../src/domain/access.js';
import { newJob } from '../../src/domain/followups/job.js';
import { addYears, retentionStatus } from '../../src/domain/retention.js';
import type { Case } from '../../src/domain/schemas.js';
import { JsonStore } from '../../src/store/jsonStore.js';
import { tempDir } from '../support/tempDir.js';
import { NOW, seedFullCase } from './seededCase.js';

const CLOSED = DEMO_CASE_IDS.clinical;
const SETTINGS = { retentionYears: 5, blockedYears: 3 };
const CHAT_USER = 'chat-antonio-29:1f';

/** Every file under `dir`, with its bytes as text. */
async function filesUnder(dir: string): Promise<{ path: string; text: string }[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return Promise.all(
    entries.filter((e) => e.isFile()).map(async (e) => ({ path: join(e.parentPath, e.name), text: await readFile(join(e.parentPath, e.name), 'utf8') })),
  );
}

/** A seeded store whose closed case also has a linked chat, a code, a conversation, dialog state and follow-ups. */
async function setup() {
  const dataDir = await tempDir();
  const store = await JsonStore.open(dataDir);
  const repos = store.repositories;
  await seedFullCase(repos);
  const record = (await repos.cases.get(CLOSED))!;
  await repos.linkCodes.put({
    id: 'ANTG',
    codeHash: 'a'.repeat(64),
    caseId: CLOSED,
    createdBy: record.workerId,
    createdAt: record.createdAt,
    expiresAt: record.createdAt,
    usedAt: record.createdAt,
    usedBy: CHAT_USER,
  });
  await repos.clientLinks.put({ id: CHAT_USER, caseId: CLOSED, linkedAt: record.createdAt, codeId: 'ANTG' });
  await repos.users.put({ id: CHAT_USER, language: 'es', failedLinkAttempts: 0 });
  await repos.conversationRefs.put({
    id: CHAT_USER,
    channelId: 'msteams',
    serviceUrl: 'https://smba.example',
    updatedAt: record.createdAt,
    reference: { user: { id: CHAT_USER } },
  });
  await repos.botState.put({ id: `msteams/conversations/a:${CHAT_USER}`, key: `msteams/conversations/a:${CHAT_USER}`, eTag: '1', value: { dialogStack: [] } });
  // A worker's dialog paused over the case, holding the client's name.
  await repos.botState.put({
    id: 'msteams/conversations/worker',
    key: 'msteams/conversations/worker',
    eTag: '1',
    value: { values: { name: record.client.name } },
  });
  await repos.users.put({ id: record.workerId, failedLinkAttempts: 0, currentCaseId: CLOSED, lastCaseList: [DEMO_CASE_IDS.strengths, CLOSED] });
  const followUps = await openFollowUpRecords(dataDir);
  const job = {
    ...newJob({ kind: 'clientCheckIn', caseId: CLOSED, recipient: { role: 'client' }, subject: {}, dueAt: record.createdAt }, NOW),
    status: 'cancelled' as const,
  };
  await followUps.jobs.put(job);
  await followUps.outbox.put({ id: job.id, deliveries: [{ to: CHAT_USER, activityId: 'F-1', at: record.createdAt }] });
  await followUps.close();
  const clock = { now: NOW };
  const now = () => clock.now;
  const rights = new DataRightsService(repos, new CaseService(repos, now), now);
  const admin = (await repos.staff.get(PLAYGROUND_USERS.admin.aadObjectId))!;
  return { dataDir, store, repos, record, rights, admin, clock, followUps };
}

describe('retention of a closed case', () => {
  it('is due for blocking only after the retention period, and for erasure only after the blocking period', () => {
    const closedAt = '2026-11-21T10:00:00.000Z';
    const record = { status: 'closed', closure: { at: closedAt } } as Case;
    expect(addYears(closedAt, 5)).toBe('2031-11-21');
    expect(retentionStatus(record, SETTINGS, new Date('2031-11-20T23:00:00Z')).status).toBe('kept');
    expect(retentionStatus(record, SETTINGS, new Date('2031-11-21T00:00:00Z'))).toEqual({ status: 'dueForBlocking', dueOn: '2031-11-21' });
    const blocked = { ...record, blocked: { at: '2031-12-01T09:00:00.000Z', by: 'admin' } } as Case;
    expect(retentionStatus(blocked, SETTINGS, new Date('2034-11-30T09:00:00Z')).status).toBe('blocked');
    expect(retentionStatus(blocked, SETTINGS, new Date('2034-12-01T09:00:00Z')).status).toBe('dueForErasure');
    expect(retentionStatus({ status: 'open' } as Case, SETTINGS, new Date('2099-01-01')).status).toBe('open');
  });

  it('is blocked then erased, leaving no trace of the client under DATA_DIR, and the audit only ids', async () => {
    const { dataDir, store, repos, record, rights, admin, clock, followUps } = await setup();
    try {
      expect(await rights.retentionDue(SETTINGS)).toEqual([]);
      await expect(rights.block(admin, CLOSED, SETTINGS)).rejects.toMatchObject({ reason: 'notDue' });

      clock.now = new Date('2031-11-22T09:00:00Z');
      expect(await rights.retentionDue(SETTINGS)).toEqual([
        { caseId: CLOSED, closedAt: record.closure!.at, status: 'dueForBlocking', dueOn: addYears(record.closure!.at, 5) },
      ]);
      const worker = (await repos.staff.get(record.workerId))!;
      await expect(rights.block(worker, CLOSED, SETTINGS)).rejects.toMatchObject({ reason: 'notAdmin' });
      await expect(rights.erase(admin, CLOSED, SETTINGS, followUps)).rejects.toMatchObject({ reason: 'notBlocked' });
      const blocked = await rights.block(admin, CLOSED, SETTINGS);
      expect(blocked.blocked).toEqual({ at: clock.now.toISOString(), by: admin.id });
      expect(canReadCase({ kind: 'staff', id: worker.id, staff: worker }, blocked)).toBe(false);
      await expect(rights.block(admin, CLOSED, SETTINGS)).rejects.toMatchObject({ reason: 'alreadyBlocked' });

      clock.now = new Date('2033-01-01T09:00:00Z');
      await expect(rights.erase(admin, CLOSED, SETTINGS, followUps)).rejects.toMatchObject({ reason: 'notDue' });
      expect(await repos.cases.get(CLOSED)).toBeDefined();

      clock.now = new Date('2034-11-23T09:00:00Z');
      expect((await rights.retentionDue(SETTINGS)).map((row) => [row.caseId, row.status])).toEqual([[CLOSED, 'dueForErasure']]);
      const report = await rights.erase(admin, CLOSED, SETTINGS, followUps);
      expect(report).toEqual({
        caseId: CLOSED,
        clientChats: 1,
        linkCodes: 1,
        conversationRefs: 1,
        userProfiles: 1,
        jobs: 1,
        outbox: 1,
        botState: 2,
        staffProfiles: 1,
      });
      await followUps.close();
      await store.close();

      const traces = [
        record.client.name,
        record.client.contact,
        record.referralSource,
        record.closure!.summary,
        CHAT_USER,
        ...record.contacts.map((c) => c.note),
      ];
      const files = await filesUnder(dataDir);
      for (const { path, text } of files) for (const trace of traces) expect(text.includes(trace), `${trace} in ${path}`).toBe(false);
      // The case id remains only in the audit log; every audit line is ids and the fact.
      expect(files.filter((f) => f.text.includes(CLOSED)).every((f) => f.path.includes(`${join(dataDir, 'audit')}`))).toBe(true);
      const erasure = files.flatMap((f) => (f.path.includes('/audit/') ? f.text.split('\n').filter(Boolean) : [])).map((line) => JSON.parse(line));
      expect(erasure.filter((e) => e.action === 'case.erase' && e.outcome === 'ok')).toEqual([
        { at: clock.now.toISOString(), actor: admin.id, action: 'case.erase', caseId: CLOSED, outcome: 'ok' },
      ]);
      for (const entry of erasure) expect(Object.keys(entry).sort()).toEqual(expect.arrayContaining(['action', 'actor', 'at', 'outcome']));

      // The other cases, and the worker's place in them, are untouched.
      const reopened = await JsonStore.open(dataDir);
      expect((await reopened.repositories.cases.all()).map((c) => c.id).sort()).toEqual(
        [DEMO_CASE_IDS.brokerage, DEMO_CASE_IDS.intensive, DEMO_CASE_IDS.strengths].sort(),
      );
      expect((await reopened.repositories.users.get(record.workerId))?.lastCaseList).toEqual([DEMO_CASE_IDS.strengths]);
      await reopened.close();
    } finally {
      await store.close();
    }
  });

  it('refuses an open case and an unknown one, changing nothing', async () => {
    const { store, repos, rights, admin } = await setup();
    try {
      const open = (await repos.cases.get(DEMO_CASE_IDS.strengths))!;
      await expect(rights.block(admin, open.id, SETTINGS)).rejects.toMatchObject({ reason: 'notClosed' });
      await expect(rights.block(admin, 'C-NONE22', SETTINGS)).rejects.toBeInstanceOf(RetentionRefusedError);
      expect(await repos.cases.get(open.id)).toEqual(open);
    } finally {
      await store.close();
    }
  });
});
