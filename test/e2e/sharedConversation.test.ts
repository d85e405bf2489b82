// A conversation that more than one person writes into: each person has their own dialog,
// and group chats and channels show no case data at all. Over HTTP, real CloudAdapter.
import type { Activity } from 'botbuilder';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JsonStore } from '../../src/store/jsonStore.js';
import { caseRecord } from '../support/records.js';
import { messageActivity, postToBot } from './support/botClient.js';
import { startConnectorStandIn, type ConnectorStandIn } from './support/connectorStandIn.js';
import { seededDataDir, startInProcess } from './support/seededBot.js';

const NOW = new Date('2026-11-23T09:00:00Z');
const ANA = caseRecord({ id: 'C-TEST01', client: { ...caseRecord().client, name: 'Ana P.' } });
const LUIS = caseRecord({ id: 'C-TEST02', client: { ...caseRecord().client, name: 'Luis Q.' } });
const CASE_DATA = /Ana P\.|Luis Q\.|C-TEST0/;

let bot: Awaited<ReturnType<typeof startInProcess>>;
let connector: ConnectorStandIn;

beforeEach(async () => {
  const dataDir = await seededDataDir({ cases: [ANA, LUIS] });
  const store = await JsonStore.open(dataDir);
  await store.repositories.clientLinks.put({ id: 'client-ana', caseId: 'C-TEST01', linkedAt: NOW.toISOString(), codeId: 'K1' });
  await store.close();
  bot = await startInProcess(dataDir, () => NOW);
  connector = await startConnectorStandIn();
});
afterEach(async () => {
  await bot.stop();
  await connector.close();
});

/** Sends `text` as `user` into `conversation` and returns the texts of the replies. */
async function say(user: string, text: string, conversation: Partial<Activity['conversation']>): Promise<string> {
  const activity = messageActivity(text, { user, serviceUrl: connector.serviceUrl });
  activity.conversation = { ...activity.conversation, ...conversation } as Activity['conversation'];
  const before = connector.received.length;
  const response = await postToBot(bot.loopbackUrl, activity);
  expect(response.status).toBeLessThan(300);
  return connector.received
    .slice(before)
    .filter((r) => r.replyToId === activity.id)
    .map((r) => r.activity.text ?? '')
    .join('\n');
}

describe('a conversation shared by two people', () => {
  const shared = { id: 'conv-shared-webchat' };

  it("does not continue one person's dialog for another, nor show its data", async () => {
    const picker = await say('worker-1', 'valoración', shared);
    expect(picker).toContain('Ana P.');

    // The client writes into the same conversation while the worker's picker waits.
    const clientReply = await say('client-ana', 'ayuda', shared);
    expect(clientReply).not.toMatch(/Luis Q\.|C-TEST02/);
    const strangerReply = await say('stranger-1', '1', shared);
    expect(strangerReply).toContain('solo para el personal registrado');
    expect(strangerReply).not.toMatch(CASE_DATA);

    // The worker's own dialog is where they left it: their answer picks the case.
    const picked = await say('worker-1', '1', shared);
    expect(picked).toMatch(/C-TEST0\d/);
  });
});

describe('group chats and channels', () => {
  for (const [label, conversation] of [
    ['a Teams group chat', { id: 'conv-group', conversationType: 'groupChat', isGroup: true }],
    ['a Teams channel', { id: 'conv-channel', conversationType: 'channel' }],
  ] as const) {
    it(`${label}: a worker is sent to the personal chat, in their language, with no case data`, async () => {
      const reply = await say('worker-1', 'mis casos', conversation);
      expect(reply).toContain('chat personal');
      expect(reply).not.toMatch(CASE_DATA);
      const english = await say('super-sur', 'my cases', conversation);
      expect(english).toContain('personal chat');
      expect(english).not.toMatch(CASE_DATA);
    });
  }

  it('a client in a group chat is told where to write and sees no plan', async () => {
    const reply = await say('client-ana', 'mi plan', { id: 'conv-group', conversationType: 'groupChat', isGroup: true });
    expect(reply).toContain('chat solo conmigo');
    expect(reply).not.toMatch(CASE_DATA);
  });

  it('keeps no group conversation as the way to reach the person', async () => {
    await say('worker-1', 'hola', { id: 'conv-group', conversationType: 'groupChat', isGroup: true });
    const refs = bot.store.repositories.conversationRefs;
    const stored = await refs.get('worker-1');
    expect(stored?.reference).not.toMatchObject({ conversation: { id: 'conv-group' } });
  });
});
