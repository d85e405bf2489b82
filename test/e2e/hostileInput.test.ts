// What an attacker or a careless hand can send over HTTP: a stranger leaves no trace of
// their name anywhere under DATA_DIR, and a date a thousand years away gets a clear answer
// while the dialog goes on.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Activity } from 'botbuilder';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/catalog.js';
import { messageActivity, postToBot, send, sendAll } from './support/botClient.js';
import { startConnectorStandIn, type ConnectorStandIn } from './support/connectorStandIn.js';
import { INTAKE_ES } from './support/intakeAnswers.js';
import { seededDataDir, startInProcess } from './support/seededBot.js';

const NOW = new Date('2026-11-23T09:00:00Z');
const STRANGER_NAME = 'Pedro Desconocido Villalba';

let bot: Awaited<ReturnType<typeof startInProcess>>;
let connector: ConnectorStandIn;
let dataDir: string;

beforeEach(async () => {
  dataDir = await seededDataDir();
  bot = await startInProcess(dataDir, () => NOW);
  connector = await startConnectorStandIn();
});
afterEach(async () => {
  await bot.stop();
  await connector.close();
});

async function filesHolding(needle: string): Promise<string[]> {
  await bot.store.flush();
  const entries = (await readdir(dataDir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
  const holding = await Promise.all(entries.map(async (e) => ((await readFile(join(e.parentPath, e.name), 'utf8')).includes(needle) ? e.name : '')));
  return holding.filter(Boolean);
}

describe('a stranger over HTTP', () => {
  it('leaves no record of their name, no conversation reference and no profile behind', async () => {
    const from = { id: 'stranger-http', name: STRANGER_NAME, aadObjectId: 'aad-stranger-http' };
    const post = async (activity: Partial<Activity>) => expect((await postToBot(bot.loopbackUrl, activity)).status).toBeLessThan(300);
    for (const text of ['hola', 'mis casos', 'ABCD-EFG2', 'valoración']) {
      await post({ ...messageActivity(text, { user: 'stranger-http', serviceUrl: connector.serviceUrl }), from });
    }
    await post({
      type: 'conversationUpdate',
      channelId: 'msteams',
      serviceUrl: connector.serviceUrl,
      from,
      recipient: { id: 'enlace-bot', name: 'Enlace' },
      conversation: { id: 'conv-stranger-http' } as Activity['conversation'],
      membersAdded: [from],
    });
    const replies = connector.received.filter((r) => r.conversationId === 'conv-stranger-http').map((r) => r.activity.text ?? '');
    expect(replies.filter((r) => r.includes('solo para el personal registrado')).length).toBeGreaterThanOrEqual(3);

    expect(await filesHolding(STRANGER_NAME)).toEqual([]);
    expect(await bot.store.repositories.conversationRefs.get('aad-stranger-http')).toBeUndefined();
    // The wrong code is counted against the chat user, by id only.
    const profile = await bot.store.repositories.users.get('aad-stranger-http');
    expect(profile).toEqual({ id: 'aad-stranger-http', failedLinkAttempts: 1 });
  });
});

describe('a date a thousand years away', () => {
  it('is answered clearly in the intake, which then goes on with a real date', async () => {
    const beforeDate = INTAKE_ES.indexOf('ayer');
    await sendAll(bot.loopbackUrl, connector, 'worker-1', ['hola', ...INTAKE_ES.slice(0, beforeDate)]);
    const far = (await send(bot.loopbackUrl, connector, 'worker-1', 'en 10000 años')).join('\n');
    expect(far).toContain(t('es', 'common.errorDateTooFar', { years: 100 }).slice(0, 30));
    expect(far).not.toContain(t('es', 'common.turnError'));
    const confirm = (await send(bot.loopbackUrl, connector, 'worker-1', 'ayer')).join('\n');
    expect(confirm).toContain('domingo, 22 de noviembre de 2026');
  });
});
