// With ALLOWED_TENANT_IDS set, only the agency's own tenant reaches the bot, whatever the
// kind of activity. One from another tenant, without a tenant, or with two tenant ids that
// disagree is refused before anything is read or written; a refused message gets a polite
// reply, and the refusal is logged with ids only.
import { randomUUID } from 'node:crypto';
import type { Activity } from 'botbuilder';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { postToBot } from './support/botClient.js';
import { startConnectorStandIn, type ConnectorStandIn } from './support/connectorStandIn.js';
import { recordIdsOnDisk, seededDataDir, startInProcess } from './support/seededBot.js';

const AGENCY = 'agency-tenant';
const OTHER = 'other-tenant';
const CONVERSATION = 'a:personal-chat-worker-1';

let bot: Awaited<ReturnType<typeof startInProcess>>;
let connector: ConnectorStandIn;
let dataDir: string;

beforeEach(async () => {
  dataDir = await seededDataDir();
  bot = await startInProcess(dataDir, undefined, { ALLOWED_TENANT_IDS: AGENCY });
  connector = await startConnectorStandIn();
});
afterEach(async () => {
  await bot.stop();
  await connector.close();
});

/** Where an activity says it comes from: Teams puts the tenant in both places. */
interface Tenancy {
  conversation?: string;
  channelData?: string;
}

function teamsActivity(type: string, tenancy: Tenancy, extra: Partial<Activity> = {}): Partial<Activity> {
  return {
    type,
    id: randomUUID(),
    channelId: 'msteams',
    serviceUrl: connector.serviceUrl,
    from: { id: 'worker-1', name: 'worker-1' },
    recipient: { id: 'enlace-bot', name: 'Enlace' },
    conversation: {
      id: CONVERSATION,
      conversationType: 'personal',
      ...(tenancy.conversation ? { tenantId: tenancy.conversation } : {}),
    } as Activity['conversation'],
    ...(tenancy.channelData ? { channelData: { tenant: { id: tenancy.channelData } } } : {}),
    ...extra,
  };
}

/** Teams adding a registered worker (and the bot) to a personal chat. */
const workerAdded = (tenancy: Tenancy) =>
  teamsActivity('conversationUpdate', tenancy, {
    membersAdded: [
      { id: 'worker-1', name: 'worker-1' },
      { id: 'enlace-bot', name: 'Enlace' },
    ],
  });
const hola = (tenancy: Tenancy) => teamsActivity('message', tenancy, { text: 'hola', locale: 'es-ES' });

async function post(activity: Partial<Activity>): Promise<void> {
  const response = await postToBot(bot.loopbackUrl, activity);
  expect(response.status).toBeLessThan(300);
}

/** What the bot has kept about anyone, read from the files. */
async function stored(): Promise<Record<string, string[]>> {
  const [users, conversationRefs, botState] = await Promise.all(['users', 'conversationRefs', 'botState'].map((name) => recordIdsOnDisk(dataDir, name)));
  return { users: users!, conversationRefs: conversationRefs!, botState: botState! };
}
const NOTHING = { users: [], conversationRefs: [], botState: [] };

describe("the agency's own tenant", () => {
  it.each<[string, Tenancy]>([
    ['in both places', { conversation: AGENCY, channelData: AGENCY }],
    ['in the conversation only', { conversation: AGENCY }],
    ['in the channel data only', { channelData: AGENCY }],
  ])('is served when it is %s: a worker added to a chat is welcomed and a message answered', async (_name, tenancy) => {
    await post(workerAdded(tenancy));
    expect(connector.textsFor(CONVERSATION).join('\n')).toContain('Hola, Lucía Martín');
    expect((await stored()).users).toEqual(['worker-1']);

    const before = connector.received.length;
    await post(hola(tenancy));
    // In Teams the menu comes as a card of buttons.
    expect(JSON.stringify(connector.received.slice(before).map((r) => r.activity))).toMatch(/Mis casos|Nueva apertura/);
    expect((await stored()).conversationRefs).toEqual(['worker-1']);
  });
});

describe('an activity from anywhere else is refused and leaves nothing behind', () => {
  const refused: [string, Tenancy][] = [
    ['another tenant', { conversation: OTHER, channelData: OTHER }],
    ['another tenant, in the conversation only', { conversation: OTHER }],
    ['another tenant, in the channel data only', { channelData: OTHER }],
    ['no tenant', {}],
    ["the agency's tenant in the conversation, another in the channel data", { conversation: AGENCY, channelData: OTHER }],
    ["another tenant in the conversation, the agency's in the channel data", { conversation: OTHER, channelData: AGENCY }],
  ];

  it.each(refused)('%s: adding a registered worker to a chat sends and stores nothing', async (_name, tenancy) => {
    await post(workerAdded(tenancy));
    expect(connector.received).toEqual([]);
    expect(await stored()).toEqual(NOTHING);
  });

  it.each(refused)('%s: a message gets only the polite refusal and stores nothing', async (_name, tenancy) => {
    await post(hola(tenancy));
    expect(connector.textsFor(CONVERSATION)).toEqual(['Este asistente solo puede usarse desde la organización que lo gestiona.']);
    expect(await stored()).toEqual(NOTHING);
  });

  it("another tenant's installationUpdate sends and stores nothing", async () => {
    await post(teamsActivity('installationUpdate', { conversation: OTHER, channelData: OTHER }, { action: 'add' }));
    expect(connector.received).toEqual([]);
    expect(await stored()).toEqual(NOTHING);
  });

  it('each refusal is logged with its reason and ids only', async () => {
    const written: string[] = [];
    vi.stubEnv('ENLACE_QUIET', '0');
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation(((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    }) as typeof process.stdout.write);
    try {
      await post(workerAdded({ conversation: OTHER, channelData: OTHER }));
      await post(hola({}));
      await post(hola({ conversation: AGENCY, channelData: OTHER }));
    } finally {
      spy.mockRestore();
      vi.unstubAllEnvs();
    }
    const refusals = written
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((line) => line.event === 'tenant.refused');
    const at = expect.any(String);
    expect(refusals).toEqual([
      { at, event: 'tenant.refused', reason: 'foreign', tenant: OTHER, type: 'conversationUpdate', user: 'worker-1' },
      { at, event: 'tenant.refused', reason: 'missing', tenant: 'none', type: 'message', user: 'worker-1' },
      { at, event: 'tenant.refused', reason: 'mismatch', tenant: 'none', type: 'message', user: 'worker-1' },
    ]);
  });
});
