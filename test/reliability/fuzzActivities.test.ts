// 1,200 malformed, oversized and wrongly typed activities at /api/messages of the entry point
// as `npm start` runs it: none crashes it, none gets a 5xx, and the records are as they were.
// The activities come from a seeded generator, so a failure can be replayed.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageActivity, postToBot, sendExpectingReplies } from '../e2e/support/botClient.js';
import { killLeftoverBots, startBotProcess, type ListeningBot } from '../e2e/support/botProcess.js';
import { startConnectorStandIn, type ConnectorStandIn } from '../e2e/support/connectorStandIn.js';
import { seededDataDir } from '../e2e/support/seededBot.js';
import { caseRecord } from '../support/records.js';

const ACTIVITIES = 1_200;
const SEED = 20261201;
/** The records a stray activity must never change. */
const RECORDS = ['cases', 'staff', 'clientLinks', 'services', 'linkCodes'];

function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const random = seededRandom(SEED);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

function deep(levels: number): unknown {
  let value: unknown = 'fondo';
  for (let i = 0; i < levels; i++) value = random() < 0.5 ? { a: value } : [value];
  return value;
}

/** Values of the wrong type, size or content for any field. */
const WRONG: (() => unknown)[] = [
  () => null,
  () => 0,
  () => -1,
  () => 1e308,
  () => Number.MAX_SAFE_INTEGER,
  () => true,
  () => [],
  () => [[], {}],
  () => ({}),
  () => ({ id: { id: { id: 1 } } }),
  () => '',
  () => ' ',
  () => '\u0000\u0001\u0002',
  () => '\uD800',
  () => '🙂'.repeat(500),
  () => 'x'.repeat(Math.floor(random() * 200_000)),
  () => ({ __proto__: { admin: true }, constructor: { prototype: { polluted: true } } }),
  () => deep(Math.floor(random() * 2_000)),
  () => 'C-AAAAAA',
  () => 'javascript:alert(1)',
  () => '../../../../etc/passwd',
  () => '{"type":"message"}',
];

const FIELDS = [
  ['type'],
  ['id'],
  ['text'],
  ['textFormat'],
  ['locale'],
  ['timestamp'],
  ['channelId'],
  ['serviceUrl'],
  ['from'],
  ['from', 'id'],
  ['from', 'aadObjectId'],
  ['from', 'name'],
  ['recipient'],
  ['conversation'],
  ['conversation', 'id'],
  ['conversation', 'tenantId'],
  ['conversation', 'conversationType'],
  ['channelData'],
  ['channelData', 'tenant'],
  ['channelData', 'tenant', 'id'],
  ['value'],
  ['attachments'],
  ['entities'],
  ['membersAdded'],
  ['membersRemoved'],
  ['replyToId'],
  ['deliveryMode'],
  ['name'],
  ['action'],
] as const;

const TYPES = ['message', 'conversationUpdate', 'installationUpdate', 'invoke', 'messageReaction', 'event', 'typing', 'endOfConversation', 'delete', '💥'];

function setPath(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = target;
  for (const key of path.slice(0, -1)) {
    if (typeof node[key] !== 'object' || node[key] === null || Array.isArray(node[key])) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[path[path.length - 1]!] = value;
}

interface Probe {
  label: string;
  body: string;
  contentType: string;
}

function probe(n: number, serviceUrl: string): Probe {
  const user = pick(['worker-1', 'worker-2', 'super-1', 'stranger', 'client-x']);
  const base = messageActivity(pick(['hola', 'mis casos', 'ver caso C-FZZA22', 'cancelar', 'sí', '1', 'contacto C-FZZA22']), {
    user,
    serviceUrl,
    conversationId: `fuzz-${n % 7}`,
    ...(random() < 0.5 ? { deliveryMode: 'expectReplies' as const } : {}),
  }) as Record<string, unknown>;
  base.type = pick(TYPES);
  const kind = random();
  if (kind < 0.55) {
    // One to three fields of the wrong type, size or content.
    const changed: string[] = [];
    for (let i = 0, count = 1 + Math.floor(random() * 3); i < count; i++) {
      const path = pick(FIELDS);
      setPath(base, path, pick(WRONG)());
      changed.push(path.join('.'));
    }
    return { label: `#${n} ${base.type} with wrong ${changed.join(', ')}`, body: JSON.stringify(base), contentType: 'application/json' };
  }
  if (kind < 0.7) {
    // Cut off anywhere: invalid JSON.
    const whole = JSON.stringify(base);
    return { label: `#${n} cut at a random byte`, body: whole.slice(0, Math.floor(random() * whole.length)), contentType: 'application/json' };
  }
  if (kind < 0.78) {
    // Over the 256 kB limit.
    return {
      label: `#${n} oversized`,
      body: JSON.stringify({ ...base, text: 'x'.repeat(260_000 + Math.floor(random() * 100_000)) }),
      contentType: 'application/json',
    };
  }
  if (kind < 0.86) {
    // Not an object at all.
    return { label: `#${n} not an object`, body: JSON.stringify(pick(WRONG)()) ?? 'undefined', contentType: 'application/json' };
  }
  if (kind < 0.93) {
    // Random bytes, and other content types.
    const bytes = Array.from({ length: Math.floor(random() * 400) }, () => String.fromCharCode(Math.floor(random() * 256))).join('');
    return {
      label: `#${n} random bytes`,
      body: bytes,
      contentType: pick(['application/json', 'text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=latin1']),
    };
  }
  // A field removed.
  const field = pick(FIELDS);
  const parent = field.length === 1 ? base : (base[field[0]!] as Record<string, unknown> | undefined);
  if (parent && typeof parent === 'object') delete parent[field[field.length - 1]!];
  return { label: `#${n} ${base.type} without ${field.join('.')}`, body: JSON.stringify(base), contentType: 'application/json' };
}

async function recordsDigest(dataDir: string): Promise<Record<string, string>> {
  const digest: Record<string, string> = {};
  for (const collection of RECORDS) {
    const folder = join(dataDir, collection);
    for (const file of (await readdir(folder).catch(() => [] as string[])).sort()) {
      digest[`${collection}/${file}`] = createHash('sha256')
        .update(await readFile(join(folder, file)))
        .digest('hex');
    }
  }
  return digest;
}

let bot: ListeningBot;
let connector: ConnectorStandIn;
let dataDir: string;

beforeAll(async () => {
  dataDir = await seededDataDir({ cases: [caseRecord({ id: 'C-FZZA22', workerId: 'worker-1', team: 'norte' })] });
  connector = await startConnectorStandIn();
  bot = await startBotProcess(dataDir);
}, 60_000);
afterAll(async () => {
  await killLeftoverBots();
  await connector.close();
});

describe(`${ACTIVITIES} malformed, oversized and wrongly typed activities`, () => {
  it('none crashes the bot or gets a 5xx, and the records are unchanged', async () => {
    const before = await recordsDigest(dataDir);
    const serverErrors: string[] = [];
    const statuses = new Map<number, number>();
    for (let n = 0; n < ACTIVITIES; n++) {
      const { label, body, contentType } = probe(n, connector.serviceUrl);
      const response = await postToBot(bot.url, body, { 'content-type': contentType });
      await response.arrayBuffer();
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      if (response.status >= 500) serverErrors.push(`${label}: ${response.status}`);
      expect(bot.child.exitCode, label).toBeNull();
    }
    expect(serverErrors).toEqual([]);
    // Most are refused at the door; some, well-formed enough, reach the bot and are answered.
    expect(statuses.get(400) ?? 0).toBeGreaterThan(ACTIVITIES / 3);
    expect([...statuses.keys()].some((status) => status >= 200 && status < 300)).toBe(true);

    const replies = await sendExpectingReplies(bot.url, 'worker-1', 'hola');
    expect(replies.join('\n')).toContain('Mis casos');
    expect(await bot.stop()).toEqual({ code: 0, signal: null });
    expect(await recordsDigest(dataDir)).toEqual(before);
    expect(Object.keys(before)).toContain('cases/C-FZZA22.json');
  }, 300_000);
});
