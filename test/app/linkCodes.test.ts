// Link codes on a real store: single use, 72-hour lifetime, lock-outs, only a hash on disk.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CaseAccessError, CaseService } from '../../src/app/caseService.js';
import { LinkCodeService, looksLikeLinkCode } from '../../src/app/linkCodes.js';
import type { Actor } from '../../src/domain/access.js';
import { READABLE_ALPHABET } from '../../src/domain/ids.js';
import { caseRecord, staffRecord } from '../support/records.js';
import { tempStore } from '../support/tempStore.js';

const HOUR = 3600_000;
const START = new Date('2026-11-23T09:00:00.000Z');
const WORKER: Actor = { kind: 'staff', id: 'worker-1', staff: staffRecord() };

async function setup() {
  const { dataDir, store } = await tempStore();
  const repos = store.repositories;
  await repos.cases.put(caseRecord({ id: 'C-TEST01', workerId: 'worker-1' }));
  await repos.cases.put(caseRecord({ id: 'C-OTHER1', workerId: 'worker-2', client: { ...caseRecord().client, name: 'Berta Q.' } }));
  const clock = { now: START };
  const now = () => clock.now;
  const codes = new LinkCodeService(repos, new CaseService(repos, now), now);
  return { dataDir, store, repos, clock, codes };
}

/** The same public half with a different secret half: a wrong guess at an existing code. */
function wrongSecret(code: string): string {
  const last = code.at(-1)!;
  const other = READABLE_ALPHABET[(READABLE_ALPHABET.indexOf(last) + 1) % READABLE_ALPHABET.length];
  return `${code.slice(0, -1)}${other}`;
}

/** A well-formed code whose public half matches no stored code. */
function unknownCode(code: string): string {
  const first = code[0]!;
  const other = READABLE_ALPHABET[(READABLE_ALPHABET.indexOf(first) + 1) % READABLE_ALPHABET.length];
  return `${other}${code.slice(1)}`;
}

async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

describe('LinkCodeService', () => {
  it('links a chat user to the case with a valid code, and only once', async () => {
    const { repos, codes } = await setup();
    const { code, clientName } = await codes.create(WORKER, 'C-TEST01');
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(clientName).toBe('Ana P.');

    const first = await codes.redeem('client-a', code);
    expect(first).toEqual({ ok: true, link: { id: 'client-a', caseId: 'C-TEST01', linkedAt: START.toISOString(), codeId: code.slice(0, 4) } });
    expect((await repos.clientLinks.get('client-a'))?.caseId).toBe('C-TEST01');
    expect(await repos.linkCodes.get(code.slice(0, 4))).toMatchObject({ usedAt: START.toISOString(), usedBy: 'client-a' });

    expect(await codes.redeem('client-b', code)).toEqual({ ok: false, reason: 'used' });
    expect(await codes.redeem('client-a', code)).toEqual({ ok: false, reason: 'used' });
    expect(await repos.clientLinks.get('client-b')).toBeUndefined();
  });

  it('gives a code to only one of two users who type it at the same time', async () => {
    const { repos, codes } = await setup();
    const { code } = await codes.create(WORKER, 'C-TEST01');
    const results = await Promise.all([codes.redeem('client-a', code), codes.redeem('client-b', code)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, reason: 'used' }]);
    expect(await repos.clientLinks.all()).toHaveLength(1);
  });

  it('accepts the code typed in lower case, with spaces or without the dash', async () => {
    const { codes } = await setup();
    const { code } = await codes.create(WORKER, 'C-TEST01');
    expect((await codes.redeem('client-a', ` ${code.slice(0, 4).toLowerCase()} ${code.slice(5).toLowerCase()} `)).ok).toBe(true);
    const second = await codes.create(WORKER, 'C-TEST01');
    expect((await codes.redeem('client-b', second.code.replace('-', ''))).ok).toBe(true);
  });

  it('expires 72 hours after it was created', async () => {
    const { repos, clock, codes } = await setup();
    const early = await codes.create(WORKER, 'C-TEST01');
    const late = await codes.create(WORKER, 'C-TEST01');
    expect(late.expiresAt).toBe(new Date(START.getTime() + 72 * HOUR).toISOString());

    clock.now = new Date(START.getTime() + 72 * HOUR - 60_000);
    expect((await codes.redeem('client-a', early.code)).ok).toBe(true);

    clock.now = new Date(START.getTime() + 72 * HOUR);
    expect(await codes.redeem('client-b', late.code)).toEqual({ ok: false, reason: 'expired' });
    expect(await repos.clientLinks.get('client-b')).toBeUndefined();
  });

  it('never locks the code: wrong guesses by other chat users leave it working for the client', async () => {
    const { clock, codes } = await setup();
    const { code } = await codes.create(WORKER, 'C-TEST01');
    for (let attempt = 1; attempt <= 20; attempt++) {
      clock.now = new Date(START.getTime() + attempt * 10_000);
      expect(await codes.redeem(`guesser-${attempt}`, wrongSecret(code))).toEqual({ ok: false, reason: 'invalid' });
    }
    expect((await codes.redeem('client-a', code)).ok).toBe(true);
  });

  it('throttles wrong codes across all chat users: past 50 a minute every attempt waits, then the real code works', async () => {
    const { repos, clock, codes } = await setup();
    const { code } = await codes.create(WORKER, 'C-TEST01');
    for (let attempt = 1; attempt <= 50; attempt++) {
      clock.now = new Date(START.getTime() + attempt * 1000);
      expect(await codes.redeem(`guesser-${attempt}`, unknownCode(code))).toEqual({ ok: false, reason: 'invalid' });
    }
    // Even the right code waits: the guesser cannot tell a hit from a miss while closed.
    expect(await codes.redeem('guesser-51', code)).toEqual({ ok: false, reason: 'busy' });
    expect(await codes.redeem('client-a', code)).toEqual({ ok: false, reason: 'busy' });
    expect(await repos.clientLinks.all()).toEqual([]);
    clock.now = new Date(START.getTime() + 50_000 + 5 * 60_000);
    expect((await codes.redeem('client-a', code)).ok).toBe(true);
  });

  it('does not throttle a trickle of wrong codes spread over minutes', async () => {
    const { clock, codes } = await setup();
    const { code } = await codes.create(WORKER, 'C-TEST01');
    for (let attempt = 1; attempt <= 120; attempt++) {
      clock.now = new Date(START.getTime() + attempt * 2000);
      await codes.redeem(`guesser-${attempt}`, unknownCode(code));
    }
    expect((await codes.redeem('client-a', code)).ok).toBe(true);
  });

  it('still accepts the right code after 4 wrong attempts', async () => {
    const { codes } = await setup();
    const { code } = await codes.create(WORKER, 'C-TEST01');
    for (let attempt = 1; attempt <= 4; attempt++) await codes.redeem(`guesser-${attempt}`, wrongSecret(code));
    expect((await codes.redeem('client-a', code)).ok).toBe(true);
  });

  it('locks a chat user for an hour after 5 wrong attempts, whatever code they then type', async () => {
    const { repos, clock, codes } = await setup();
    const { code } = await codes.create(WORKER, 'C-TEST01');
    const wrong = unknownCode(code);
    for (let attempt = 1; attempt <= 4; attempt++) {
      expect(await codes.redeem('guesser', wrong)).toEqual({ ok: false, reason: 'invalid' });
    }
    expect(await codes.redeem('guesser', wrong)).toEqual({ ok: false, reason: 'locked' });
    expect((await repos.users.get('guesser'))?.linkLockedUntil).toBe(new Date(START.getTime() + HOUR).toISOString());

    clock.now = new Date(START.getTime() + 59 * 60_000);
    expect(await codes.redeem('guesser', code)).toEqual({ ok: false, reason: 'locked' });
    expect((await repos.linkCodes.get(code.slice(0, 4)))?.usedAt).toBeUndefined();
    // Another chat user is not affected by this one's lock.
    expect(await codes.redeem('someone-else', unknownCode(code))).toEqual({ ok: false, reason: 'invalid' });

    clock.now = new Date(START.getTime() + 61 * 60_000);
    expect((await codes.redeem('guesser', code)).ok).toBe(true);
    expect(await repos.users.get('guesser')).toMatchObject({ failedLinkAttempts: 0 });
  });

  it('stores only a hash of the code: its text is in no file of the data folder', async () => {
    const { dataDir, store, repos, codes } = await setup();
    const { code } = await codes.create(WORKER, 'C-TEST01');
    await codes.redeem('client-a', wrongSecret(code));
    await codes.redeem('client-a', code);
    await store.flush();

    const stored = (await repos.linkCodes.get(code.slice(0, 4)))!;
    expect(stored.codeHash).toBe(createHash('sha256').update(code).digest('hex'));
    const secretHalf = code.slice(5);
    for (const file of await filesUnder(dataDir)) {
      const text = await readFile(file, 'utf8');
      expect(file).not.toContain(secretHalf);
      expect(text, file).not.toContain(code);
      expect(text, file).not.toContain(code.replace('-', ''));
      expect(text, file).not.toContain(secretHalf);
    }
  });

  it('writes the link to the audit log with ids only', async () => {
    const { dataDir, store, repos, codes } = await setup();
    const { code } = await codes.create(WORKER, 'C-TEST01');
    await codes.redeem('client-b', wrongSecret(code));
    await codes.redeem('client-a', code);

    const entries = await repos.audit.readDay('2026-11-23');
    expect(entries).toEqual([
      { at: START.toISOString(), actor: 'worker-1', action: 'linkCode.create', caseId: 'C-TEST01', outcome: 'ok' },
      { at: START.toISOString(), actor: 'client-b', action: 'client.link', caseId: 'C-TEST01', outcome: 'denied' },
      { at: START.toISOString(), actor: 'client-a', action: 'client.link', caseId: 'C-TEST01', outcome: 'ok' },
    ]);
    await store.flush();
    const raw = await readFile(join(dataDir, 'audit', '2026-11-23.jsonl'), 'utf8');
    for (const line of raw.trim().split('\n')) {
      expect(Object.keys(JSON.parse(line)).sort()).toEqual(['action', 'actor', 'at', 'caseId', 'outcome']);
    }
    expect(raw).not.toContain('Ana P.');
    expect(raw).not.toContain(code);
  });

  it("refuses a worker a code for another worker's case, storing nothing", async () => {
    const { repos, codes } = await setup();
    await expect(codes.create(WORKER, 'C-OTHER1')).rejects.toBeInstanceOf(CaseAccessError);
    await expect(codes.create(WORKER, 'C-NOPE99')).rejects.toBeInstanceOf(CaseAccessError);
    expect(await repos.linkCodes.all()).toEqual([]);
    expect(await repos.audit.readDay('2026-11-23')).toEqual([
      { at: START.toISOString(), actor: 'worker-1', action: 'linkCode.create', caseId: 'C-OTHER1', outcome: 'denied' },
      { at: START.toISOString(), actor: 'worker-1', action: 'linkCode.create', outcome: 'denied', reason: 'notFound' },
    ]);
  });
});

describe('what counts as a code attempt', () => {
  it('takes a code with its dash, or without it when it holds a digit, but never a plain word', () => {
    expect(looksLikeLinkCode('ABCD-EFGH')).toBe(true);
    expect(looksLikeLinkCode(' abc3 efgh ')).toBe(true);
    expect(looksLikeLinkCode('apertura')).toBe(false);
    expect(looksLikeLinkCode('barreras')).toBe(false);
    expect(looksLikeLinkCode('hola que tal')).toBe(false);
  });
});
