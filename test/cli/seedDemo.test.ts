import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { IdentityService } from '../../src/app/identityService.js';
import { SeedConflictError, seedDemo } from '../../src/cli/seedDemo.js';
import { DEMO_CASE_IDS, PLAYGROUND_USERS } from '../../src/demo/demoData.js';
import { DEMO_SERVICES } from '../../src/demo/services.js';
import { identify } from '../../src/bot/identity.js';
import { needs, recommendIntensity } from '../../src/domain/assessment.js';
import { validateClosure } from '../../src/domain/closure.js';
import { daysBetween } from '../../src/domain/dates.js';
import { CaseSchema, type Case } from '../../src/domain/schemas.js';
import { reviewFlags } from '../../src/domain/supervision.js';
import { JsonStore } from '../../src/store/jsonStore.js';
import { createHarness, type Harness } from '../support/botHarness.js';
import { staffRecord } from '../support/records.js';
import { tempDir } from '../support/tempDir.js';

const NOW = new Date('2026-11-23T09:30:00Z');
const TODAY = '2026-11-23';
const ROOT = join(import.meta.dirname, '../..');

let store: JsonStore | undefined;
let harness: Harness | undefined;
afterEach(async () => {
  await store?.close();
  await harness?.close();
  store = harness = undefined;
});

async function seededDir(now = NOW): Promise<string> {
  const dir = await tempDir();
  const opened = await JsonStore.open(dir);
  await seedDemo(opened.repositories, now);
  await opened.close();
  return dir;
}

async function reopen(dir: string): Promise<JsonStore> {
  store = await JsonStore.open(dir);
  return store;
}

async function demoCase(opened: JsonStore, id: string): Promise<Case> {
  const found = await opened.repositories.cases.get(id);
  if (!found) throw new Error(`case ${id} not seeded`);
  return found;
}

describe('seedDemo', () => {
  it('fills the store with the team, one case per management model, the directory and a linked client', async () => {
    const { repositories } = await reopen(await seededDir());
    expect((await repositories.staff.all()).map((s) => s.role).sort()).toEqual(['admin', 'supervisor', 'worker', 'worker']);
    const cases = await repositories.cases.all();
    expect(cases.map((c) => c.model).sort()).toEqual(['brokerage', 'clinical', 'intensive', 'strengths']);
    expect(cases.every((c) => CaseSchema.safeParse(c).success)).toBe(true);
    expect((await repositories.services.all()).map((s) => s.id).sort()).toEqual(DEMO_SERVICES.map((s) => s.id).sort());
    expect(await repositories.clientLinks.all()).toEqual([
      expect.objectContaining({ id: PLAYGROUND_USERS.client.aadObjectId, caseId: DEMO_CASE_IDS.strengths }),
    ]);
    const code = await repositories.linkCodes.get((await repositories.clientLinks.all())[0]!.codeId);
    expect(code).toMatchObject({ caseId: DEMO_CASE_IDS.strengths, usedBy: PLAYGROUND_USERS.client.aadObjectId });
  });

  it('puts each case at its own stage, coherent with the domain rules', async () => {
    const opened = await reopen(await seededDir());
    const justOpened = await demoCase(opened, DEMO_CASE_IDS.intensive);
    expect(justOpened).toMatchObject({ status: 'open', intakeDate: TODAY, assessments: [], goals: [], tasks: [] });
    expect(justOpened.intensity).toBeUndefined();

    const assessed = await demoCase(opened, DEMO_CASE_IDS.strengths);
    expect(assessed.contract?.targetProblems.length).toBeGreaterThan(0);
    expect(assessed.tasks.some((t) => t.owner === 'client' && t.status === 'open' && t.progress.length >= 2)).toBe(true);
    expect(assessed.tasks.map((t) => t.owner)).toEqual(expect.arrayContaining(['client', 'worker', 'professional']));
    expect(daysBetween(TODAY, assessed.nextReviewDate!)).toBe(3);

    const brokerage = await demoCase(opened, DEMO_CASE_IDS.brokerage);
    expect(brokerage.referrals.map((r) => r.status)).toEqual(expect.arrayContaining(['inProgress', 'referred', 'accepted', 'declined']));
    expect(brokerage.contacts.length).toBeGreaterThan(2);
    expect(brokerage.advocacy).toHaveLength(1);
    expect(daysBetween(TODAY, brokerage.nextReviewDate!)).toBe(-4);

    const closed = await demoCase(opened, DEMO_CASE_IDS.clinical);
    expect(closed.status).toBe('closed');
    expect(validateClosure({ ...closed, status: 'open' }, closed.closure!).errors).toEqual([]);
    expect(closed.workerId).toBe(PLAYGROUND_USERS.worker2.aadObjectId);

    expect(reviewFlags(justOpened, TODAY)).toEqual([]);
    expect(reviewFlags(assessed, TODAY)).toEqual([]);
    expect(reviewFlags(brokerage, TODAY)).toEqual(['overdueReview']);
    for (const c of [assessed, brokerage, closed]) {
      const latest = c.assessments.at(-1)!;
      expect(c.intensity, c.id).toBe(recommendIntensity(latest.ratings, latest.safetyConcern));
      const needed = new Set(needs(c.assessments[0]!).map((n) => n.domain));
      for (const goal of c.goals) expect(needed.has(goal.domain), `${c.id} ${goal.id}`).toBe(true);
      for (const task of c.tasks)
        if (task.goalId)
          expect(
            c.goals.map((g) => g.id),
            task.id,
          ).toContain(task.goalId);
      for (const r of c.referrals) {
        expect(DEMO_SERVICES.find((s) => s.id === r.serviceId)?.category, r.id).toBe(r.category);
      }
    }
  });

  it('never dates anything after the moment it runs, even late at night', async () => {
    const lateNight = new Date('2026-11-23T23:30:00Z'); // already the 24th in Madrid
    const opened = await reopen(await seededDir(lateNight));
    const instants = JSON.stringify(await opened.repositories.cases.all()).match(/\d{4}-\d\d-\d\dT[\d:.]+Z/g)!;
    expect(instants.length).toBeGreaterThan(50);
    expect(instants.filter((at) => Date.parse(at) > lateNight.getTime())).toEqual([]);
    expect((await demoCase(opened, DEMO_CASE_IDS.intensive)).intakeDate).toBe('2026-11-24');
  });

  it('adds no copies when run again, and resets the demo records to the new day', async () => {
    const dir = await seededDir();
    const opened = await reopen(dir);
    const first = structuredClone(await opened.repositories.cases.all());
    const again = await seedDemo(opened.repositories, NOW);
    expect(again).toMatchObject({ created: 0, refreshed: 24 });
    expect(await opened.repositories.cases.all()).toEqual(first);

    const nextWeek = await seedDemo(opened.repositories, new Date('2026-11-30T09:30:00Z'));
    expect(nextWeek.created).toBe(0);
    expect(await opened.repositories.cases.all()).toHaveLength(4);
    expect(await opened.repositories.staff.all()).toHaveLength(4);
    expect((await demoCase(opened, DEMO_CASE_IDS.intensive)).intakeDate).toBe('2026-11-30');
  });

  it('refuses to overwrite a record that is not demo data, and changes nothing', async () => {
    const dir = await tempDir();
    const opened = await reopen(dir);
    const someoneElse = staffRecord({ id: PLAYGROUND_USERS.supervisor.aadObjectId, name: 'Real Person', role: 'admin' });
    await opened.repositories.staff.put(someoneElse);

    const attempt = seedDemo(opened.repositories, NOW);
    await expect(attempt).rejects.toThrow(SeedConflictError);
    await expect(seedDemo(opened.repositories, NOW)).rejects.toThrow(`staff ${PLAYGROUND_USERS.supervisor.aadObjectId}`);
    expect(await opened.repositories.staff.all()).toEqual([someoneElse]);
    expect(await opened.repositories.cases.all()).toEqual([]);
    expect(await opened.repositories.services.all()).toEqual([]);
  });
});

describe('the demo in the Agents Playground', () => {
  /** currentUser and personal chat of a Playground config file (the fields the demo relies on). */
  async function playgroundIdentity(file: string) {
    const text = await readFile(join(ROOT, file), 'utf8');
    const current = /^currentUser:\n {2}id: (\S+)\n(?: {2}.*\n)*? {2}aadObjectId: "([^"]+)"/m.exec(text);
    const chat = /^personalChat:\n {2}id: (\S+)/m.exec(text);
    const users = text.slice(text.indexOf('\nusers:')).match(/^ {2}- id: /gm) ?? [];
    return { id: current?.[1], aadObjectId: current?.[2], chat: chat?.[1], otherUsers: users.length };
  }

  it('has a config file per person with the ids the seed registers', async () => {
    const files = {
      '.m365agentsplayground.yml': PLAYGROUND_USERS.worker,
      'playground/supervisor.yml': PLAYGROUND_USERS.supervisor,
      'playground/client.yml': PLAYGROUND_USERS.client,
      'playground/new-client.yml': PLAYGROUND_USERS.newClient,
      'playground/admin.yml': PLAYGROUND_USERS.admin,
    };
    const chats = new Set<string>();
    for (const [file, person] of Object.entries(files)) {
      const found = await playgroundIdentity(file);
      expect(found, file).toMatchObject({ id: person.id, aadObjectId: person.aadObjectId, otherUsers: 5 });
      chats.add(found.chat!);
    }
    expect(chats.size).toBe(Object.keys(files).length);
  });

  it('knows each Playground user as the bot would: worker, supervisor, admin, linked client, stranger', async () => {
    const { repositories } = await reopen(await seededDir());
    const identity = new IdentityService(repositories);
    const kindOf = async (person: { id: string; aadObjectId: string }) => {
      const actor = await identify({ from: { id: person.id, aadObjectId: person.aadObjectId, name: '' } }, identity);
      return actor.kind === 'staff' ? actor.staff.role : actor.kind;
    };
    expect(await kindOf(PLAYGROUND_USERS.worker)).toBe('worker');
    expect(await kindOf(PLAYGROUND_USERS.worker2)).toBe('worker');
    expect(await kindOf(PLAYGROUND_USERS.supervisor)).toBe('supervisor');
    expect(await kindOf(PLAYGROUND_USERS.admin)).toBe('admin');
    expect(await kindOf(PLAYGROUND_USERS.client)).toBe('client');
    expect(await kindOf(PLAYGROUND_USERS.newClient)).toBe('unknown');
  });

  it('welcomes the Playground worker in Spanish although the Playground sends en-US, and lists her cases', async () => {
    harness = await createHarness({ dataDir: await seededDir(), staff: [], now: NOW });
    const { id, aadObjectId } = PLAYGROUND_USERS.worker;
    const asPlayground = { from: { id, aadObjectId, name: 'Lucía Martín' }, locale: 'en-US', channelId: 'msteams' };
    const welcome = (await harness.send('hello', id, asPlayground)).join('\n');
    expect(welcome).toContain('Hola, Lucía Martín');
    await harness.send('mis casos', id, asPlayground);
    // In Teams the caseload is a card: its cases are read from the whole replies.
    const caseload = JSON.stringify(harness.lastReplies);
    for (const caseId of [DEMO_CASE_IDS.intensive, DEMO_CASE_IDS.strengths, DEMO_CASE_IDS.brokerage]) expect(caseload).toContain(caseId);
    expect(caseload).not.toContain(DEMO_CASE_IDS.clinical);
  });

  it('greets the linked client with the client welcome', async () => {
    harness = await createHarness({ dataDir: await seededDir(), staff: [], now: NOW });
    const { id, aadObjectId } = PLAYGROUND_USERS.client;
    const replies = (await harness.send('hola', id, { from: { id, aadObjectId, name: 'Carmen R.' } })).join('\n');
    expect(replies).toContain('Te ayudo con tu plan');
  });
});

describe('npm run seed:demo', { timeout: 90_000 }, () => {
  function run(dataDir: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/seedDemo.ts')], {
      env: { ...process.env, DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
  }

  it('seeds DATA_DIR and says how to chat with the demo', async () => {
    const dir = await tempDir();
    const result = await run(dir);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain('4 staff, 14 services, 4 cases');
    expect(result.stdout).toContain('npm run playground');
    expect(await (await reopen(dir)).repositories.cases.all()).toHaveLength(4);
  });

  it('exits with code 2 and one line on stderr when a demo id holds someone else', async () => {
    const dir = await tempDir();
    const opened = await JsonStore.open(dir);
    await opened.repositories.staff.put(staffRecord({ id: PLAYGROUND_USERS.worker.aadObjectId, name: 'Real Person' }));
    await opened.close();
    const result = await run(dir);
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr.trim()).toBe(
      `Refusing to seed the demo: these ids already hold records that are not demo data: staff ${PLAYGROUND_USERS.worker.aadObjectId}. Nothing was changed.`,
    );
    expect(await (await reopen(dir)).repositories.cases.all()).toEqual([]);
  });
});
