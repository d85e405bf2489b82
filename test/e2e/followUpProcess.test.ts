// The entry point as a real process on the system clock: an escalation recorded a moment
// ago reaches the supervisor within a minute, and killing the process with SIGKILL once it
// went out, then starting it again, sends nothing more.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { caseRecord } from '../support/records.js';
import { killLeftoverBots, startBotProcess } from './support/botProcess.js';
import { startConnectorStandIn, type ConnectorStandIn } from './support/connectorStandIn.js';
import { jobsOnDisk } from './support/followUpWorld.js';
import { conversationRef, seededDataDir } from './support/seededBot.js';

const CHILD_TEST_TIMEOUT = 120_000;

let connector: ConnectorStandIn;
beforeEach(async () => {
  connector = await startConnectorStandIn();
});
afterEach(async () => {
  await killLeftoverBots();
  await connector.close();
});

async function until<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('follow-ups in the running process', () => {
  it(
    'an alert reaches the supervisor within a minute, once, across a SIGKILL and a restart',
    async () => {
      const recorded = new Date(Date.now() - 5_000).toISOString();
      const dataDir = await seededDataDir({
        cases: [caseRecord({ id: 'C-ALERTA', alerts: [{ id: 'AL-CRISIS', kind: 'domainCrisis', at: recorded }] })],
        conversationRefs: [conversationRef('super-1', 'conv-super-1', connector.serviceUrl)],
      });
      const heard = connector.waitForText(/^Alerta · Ana P\. \(C-ALERTA\)/, 60_000);
      const first = await startBotProcess(dataDir);
      const escalation = await heard;
      expect(Date.now() - Date.parse(recorded)).toBeLessThan(60_000);
      expect(escalation.conversationId).toBe('conv-super-1');
      await until('the escalation recorded as sent', async () =>
        (await jobsOnDisk(dataDir)).some((job) => job.kind === 'escalation' && job.status === 'sent') ? true : undefined,
      );
      expect(await first.stop('SIGKILL')).toEqual({ code: null, signal: 'SIGKILL' });

      const second = await startBotProcess(dataDir);
      await until('a round after the restart', async () => {
        const health = (await (await fetch(`${second.url}/healthz`)).json()) as { followUps: { lastRunAt: string | null } };
        return health.followUps.lastRunAt ?? undefined;
      });
      expect(connector.posts.filter((post) => post.conversationId === 'conv-super-1')).toHaveLength(1);
      expect(await second.stop()).toEqual({ code: 0, signal: null });
    },
    CHILD_TEST_TIMEOUT,
  );
});
