// The real server and CloudAdapter on loopback, in this process: health, strangers, and a
// worker's intake whose replies reach a stand-in Bot Connector and whose case lands on disk.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { caseRecord } from '../support/records.js';
import { send, sendAll, sendExpectingReplies } from './support/botClient.js';
import { startConnectorStandIn, type ConnectorStandIn } from './support/connectorStandIn.js';
import { INTAKE_ES } from './support/intakeAnswers.js';
import { casesOnDisk, seededDataDir, startInProcess } from './support/seededBot.js';

const NOW = new Date('2026-11-23T09:00:00Z');

let bot: Awaited<ReturnType<typeof startInProcess>>;
let connector: ConnectorStandIn;
let dataDir: string;

beforeEach(async () => {
  dataDir = await seededDataDir({ cases: [caseRecord({ id: 'C-TEST01', client: { ...caseRecord().client, name: 'Ana P.' } })] });
  bot = await startInProcess(dataDir, () => NOW);
  connector = await startConnectorStandIn();
});
afterEach(async () => {
  await bot.stop();
  await connector.close();
});

describe('GET /healthz', () => {
  it('answers 200 with a small JSON status', async () => {
    const response = await fetch(`${bot.loopbackUrl}/healthz`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = await response.json();
    expect(body).toMatchObject({ status: 'ok', cases: 1 });
    expect(Object.keys(body).length).toBeLessThanOrEqual(5);
  });
});

describe('an unregistered user', () => {
  it('gets a polite refusal in Spanish for "hola", and no data', async () => {
    const replies = await sendExpectingReplies(bot.loopbackUrl, 'stranger-1', 'hola');
    expect(replies).toHaveLength(1);
    expect(replies[0]).toContain('solo para el personal registrado');
    expect(replies[0]).not.toMatch(/Ana P\.|C-TEST01|Mis casos/);
  });

  it('gets the refusal in English for "hello there", even from a Spanish locale', async () => {
    const replies = await sendExpectingReplies(bot.loopbackUrl, 'stranger-2', 'hello there', 'es-ES');
    expect(replies).toHaveLength(1);
    expect(replies[0]).toContain("only for the agency's registered staff");
    expect(replies[0]).not.toMatch(/Ana P\.|C-TEST01|My cases/);
  });

  it('is refused again when asking for cases, through the connector too', async () => {
    const replies = await send(bot.loopbackUrl, connector, 'stranger-3', 'mis casos');
    expect(replies).toHaveLength(1);
    expect(replies[0]).toContain('solo para el personal registrado');
    expect(connector.received.map((r) => r.activity.text).join()).not.toMatch(/Ana P\.|C-TEST01/);
  });
});

describe("a worker's intake over HTTP", () => {
  it('walks the Spanish intake with replies posted to the connector and stores the case on disk', async () => {
    const welcome = await send(bot.loopbackUrl, connector, 'worker-1', 'hola');
    expect(welcome.join('\n')).toContain('Hola, Lucía Martín');
    expect(welcome.join('\n')).toContain('1. Nueva apertura de caso');

    const confirmDate = await sendAll(bot.loopbackUrl, connector, 'worker-1', INTAKE_ES.slice(0, 8));
    expect(confirmDate.join()).toContain('domingo, 22 de noviembre de 2026');
    const summary = (await sendAll(bot.loopbackUrl, connector, 'worker-1', INTAKE_ES.slice(8))).join('\n');
    expect(summary).toContain('Resumen de la apertura');
    expect(summary).toContain('Familia García');
    const done = (await send(bot.loopbackUrl, connector, 'worker-1', 'sí')).join('\n');
    const caseId = /Caso (C-[A-Z0-9]{6}) abierto/.exec(done)?.[1];
    expect(caseId).toBeDefined();

    // Every reply went to the conversation, in reply to the message that caused it.
    const sent = connector.received.filter((r) => r.conversationId === 'conv-worker-1');
    expect(sent.length).toBeGreaterThanOrEqual(16);
    expect(sent.every((r) => r.replyToId && r.activity.type === 'message' && r.activity.recipient?.id === 'worker-1')).toBe(true);

    const [stored, ...others] = (await casesOnDisk(dataDir)).filter((c) => c.id !== 'C-TEST01');
    expect(others).toHaveLength(0);
    expect(stored).toMatchObject({
      id: caseId,
      status: 'open',
      workerId: 'worker-1',
      team: 'norte',
      model: 'strengths',
      priority: 'high',
      intakeDate: '2026-11-22',
      referralSource: 'Centro de salud Norte',
      client: { kind: 'family', name: 'Familia García', contact: '600 123 456', language: 'es', timeZone: 'Europe/Madrid' },
      consent: { dataProcessing: true, messaging: false, recordedBy: 'worker-1', recordedAt: NOW.toISOString() },
    });
    const health = await (await fetch(`${bot.loopbackUrl}/healthz`)).json();
    expect(health.cases).toBe(2);
  });
});
