// Delivering follow-ups over HTTP to a connector stand-in, with a clock the test moves:
// after downtime each job once and one message per person; Retry-After, passing failures
// and Teams' refusals; a crash between the connector's answer and the job's record.
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Job } from '../../src/domain/followups/job.js';
import type { Case } from '../../src/domain/schemas.js';
import { fileNameFor } from '../../src/store/fileCollection.js';
import { caseRecord, taskRecord } from '../support/records.js';
import { send } from './support/botClient.js';
import { changeStore, jobsOnDisk, profileOnDisk, recordsOnDisk, startWorld, type World } from './support/followUpWorld.js';
import { casesOnDisk, conversationRef } from './support/seededBot.js';

let world: World | undefined;
afterEach(async () => world?.close());

const MINUTE = 60_000;
const PROMPT = 'Hola. ¿Cómo va tu tarea «Pedir cita médica»? Contéstame aquí cuando quieras.';
const committed = { at: '2027-02-22T09:00:00.000Z', confirmedBy: 'worker-1' };

/** Ana's case: a check-in due on Monday 1 March 2027 at 10:00 Madrid (09:00 UTC), every week. */
function anaCase(extra: Partial<Case> = {}): Case {
  return caseRecord({
    id: 'C-ANAPQR',
    tasks: [taskRecord({ id: 'T-CITA01', description: 'Pedir cita médica', dueDate: '2027-04-30', checkInEveryDays: 7, commitment: committed })],
    ...extra,
  });
}

const checkInJobs = async (w: World) => (await jobsOnDisk(w.dataDir)).filter((job) => job.kind === 'clientCheckIn' && job.dueAt === '2027-03-01T09:00:00.000Z');

describe('after downtime', () => {
  it('sends each job that fell due once, gathered into one message per person', async () => {
    const gathered = anaCase({
      nextReviewDate: '2027-03-08',
      tasks: [
        ...anaCase().tasks,
        taskRecord({ id: 'T-CERT01', description: 'Llevar el certificado', dueDate: '2027-04-30', checkInEveryDays: 7, commitment: committed }),
        taskRecord({ id: 'T-INFO01', description: 'Enviar el informe al centro de salud', owner: 'worker', dueDate: '2027-03-01', commitment: committed }),
      ],
      alerts: [{ id: 'AL-CRISIS', kind: 'domainCrisis', at: '2027-03-01T07:30:00.000Z' }],
    });
    world = await startWorld(
      { cases: [gathered], links: { 'client-ana': 'C-ANAPQR' }, reachable: ['client-ana', 'worker-1', 'super-1'] },
      '2027-03-01T06:00:00Z',
    );
    await world.round();
    expect(world.connector.posts).toEqual([]);
    // Down from 06:00 to 12:00 UTC: the escalation, the weekly plan, reminders and check-ins fell due meanwhile.
    await world.restart('2027-03-01T12:00:00Z');
    await world.round();
    expect(world.followUpsTo('client-ana')).toEqual([
      'Hola. ¿Cómo van tus tareas?\n\n- Pedir cita médica\n- Llevar el certificado\n\nContéstame aquí cuando quieras.',
    ]);
    const [toWorker, ...moreToWorker] = world.followUpsTo('worker-1');
    expect(moreToWorker).toEqual([]);
    expect(toWorker).toMatch(/^Tienes 3 avisos:/);
    expect(toWorker).toContain('Tarea tuya que vence el lunes, 1 de marzo de 2027 · Ana P. (C-ANAPQR): «Enviar el informe al centro de salud».');
    expect(toWorker).toContain('Reevaluación el lunes, 8 de marzo de 2027 · Ana P. (C-ANAPQR). Para hacerla escribe «reevaluación C-ANAPQR».');
    expect(toWorker).toContain('Tu semana, desde el lunes, 1 de marzo de 2027:');
    expect(world.followUpsTo('super-1')).toEqual([
      'Alerta · Ana P. (C-ANAPQR), de Lucía Martín: un ámbito en crisis (nivel 1) en la valoración. Para verlo escribe «ver caso C-ANAPQR».',
    ]);

    world.clock.advance(MINUTE);
    await world.round();
    await world.restart();
    await world.round();
    expect(world.connector.posts).toHaveLength(3);
    await world.stop();
    const stored = (await casesOnDisk(world.dataDir))[0]!;
    expect(stored.alerts[0]!.deliveredAt).toBe('2027-03-01T12:00:00.000Z');
    expect(stored.tasks.filter((t) => t.owner === 'client').map((t) => t.lastPromptedAt)).toEqual(['2027-03-01T12:00:00.000Z', '2027-03-01T12:00:00.000Z']);
  });
});

describe('passing failures', () => {
  it('waits out a 429 Retry-After, then sends once; /healthz shows what is due and the last run', async () => {
    world = await startWorld({ cases: [anaCase()], links: { 'client-ana': 'C-ANAPQR' }, reachable: ['client-ana'] }, '2027-03-01T09:00:00Z');
    world.connector.answerNext('conv-client-ana', { status: 429, headers: { 'retry-after': '120' }, body: { error: { code: 'TooManyRequests' } } });
    await world.round();
    const [job] = await checkInJobs(world);
    expect(job).toMatchObject({ status: 'pending', attempts: 1, lastError: 'HTTP 429 TooManyRequests' });
    const wait = Date.parse(job!.retryAt!) - Date.parse('2027-03-01T09:00:00Z');
    expect(wait).toBeGreaterThanOrEqual(120_000);
    expect(wait).toBeLessThan(121_000);
    let health = await (await fetch(`${world.bot.loopbackUrl}/healthz`)).json();
    expect(health.followUps).toMatchObject({ due: 0, oldestDueSeconds: 0, lastRunAt: '2027-03-01T09:00:00.000Z', lastRun: { claimed: expect.any(Number) } });

    world.clock.advance(119_000);
    await world.round();
    expect(world.connector.posts).toHaveLength(1);
    world.clock.set('2027-03-01T09:03:01Z');
    health = await (await fetch(`${world.bot.loopbackUrl}/healthz`)).json();
    expect(health.followUps).toMatchObject({ due: 1 });
    expect(health.followUps.oldestDueSeconds).toBeGreaterThan(59);
    await world.round();
    expect(world.connector.posts.map((p) => p.status)).toEqual([429, 200]);
    expect(world.followUpsTo('client-ana')).toEqual([PROMPT]);
  });

  it.each([412, 502, 503, 504])('retries a %i with backoff and jitter, then sends once', async (status) => {
    world = await startWorld({ cases: [anaCase()], links: { 'client-ana': 'C-ANAPQR' }, reachable: ['client-ana'] }, '2027-03-01T09:00:00Z');
    world.connector.answerNext('conv-client-ana', { status });
    await world.round();
    const [job] = await checkInJobs(world);
    expect(job).toMatchObject({ status: 'pending', attempts: 1, lastError: `HTTP ${status}` });
    // The first retry comes after half to all of a minute.
    const wait = Date.parse(job!.retryAt!) - Date.parse('2027-03-01T09:00:00Z');
    expect(wait).toBeGreaterThanOrEqual(30_000);
    expect(wait).toBeLessThanOrEqual(60_000);
    world.clock.advance(MINUTE);
    await world.round();
    expect(world.connector.posts.map((p) => p.status)).toEqual([status, 200]);
    expect(world.followUpsTo('client-ana')).toEqual([PROMPT]);
  });

  it('retries a connector it cannot reach', async () => {
    world = await startWorld({ cases: [anaCase()], links: { 'client-ana': 'C-ANAPQR' } }, '2027-03-01T08:00:00Z');
    await world.stop();
    // Nothing listens on the discard port.
    await changeStore(world.dataDir, (store) =>
      store.repositories.conversationRefs.put(conversationRef('client-ana', 'conv-client-ana', 'http://127.0.0.1:9')).then(() => {}),
    );
    await world.restart('2027-03-01T09:00:00Z');
    await world.round();
    const [job] = await checkInJobs(world);
    expect(job).toMatchObject({ status: 'pending', attempts: 1, lastError: expect.stringMatching(/^network: /) });
  });

  it("after the last try tells the worker, and shows the prompt at the top of the client's next chat", async () => {
    world = await startWorld({ cases: [anaCase()], links: { 'client-ana': 'C-ANAPQR' }, reachable: ['client-ana', 'worker-1'] }, '2027-03-01T09:00:00Z');
    world.connector.answerNext('conv-client-ana', ...Array.from({ length: 6 }, () => ({ status: 503 })));
    for (let attempt = 0; attempt < 6; attempt++) {
      await world.round();
      world.clock.advance(60 * MINUTE);
    }
    const [job] = await checkInJobs(world);
    expect(job).toMatchObject({ status: 'failed', attempts: 6 });
    expect(world.connector.posts.filter((p) => p.conversationId === 'conv-client-ana').map((p) => p.status)).toEqual([503, 503, 503, 503, 503, 503]);
    expect(world.followUpsTo('worker-1')).toEqual([
      'No he podido enviar la pregunta sobre su tarea a la persona usuaria · Ana P. (C-ANAPQR): el canal falló en todos los intentos; lo verá si vuelve a escribir.',
    ]);
    const replies = await send(world.bot.loopbackUrl, world.connector, 'client-ana', 'hola');
    expect(replies[0]).toBe(PROMPT);
    expect((await checkInJobs(world))[0]).toMatchObject({ status: 'sent' });
    expect((await send(world.bot.loopbackUrl, world.connector, 'client-ana', 'hola'))[0]).not.toBe(PROMPT);
  });
});

describe("Teams' refusals", () => {
  it.each([
    ['ConversationBlockedByUser', 'ha bloqueado el chat del bot'],
    ['BotNotInConversationRoster', 'ya no tiene la aplicación instalada'],
    ['MessageWritesBlocked', 'su chat no admite mensajes ahora'],
  ])('%s: no retry; the client is unreachable until they write, the worker is told once', async (code, reason) => {
    world = await startWorld({ cases: [anaCase()], links: { 'client-ana': 'C-ANAPQR' }, reachable: ['client-ana', 'worker-1'] }, '2027-03-01T09:00:00Z');
    world.connector.answerNext('conv-client-ana', { status: 403, body: { error: { code, message: 'refused' } } });
    await world.round();
    expect((await checkInJobs(world))[0]).toMatchObject({ status: 'failed', attempts: 1, lastError: `unreachable: ${code}` });
    expect((await profileOnDisk(world.dataDir, 'client-ana'))?.unreachable).toEqual({ since: '2027-03-01T09:00:00.000Z', code });
    expect(world.followUpsTo('worker-1')).toEqual([
      `No he podido enviar la pregunta sobre su tarea a la persona usuaria · Ana P. (C-ANAPQR): ${reason}; lo verá si vuelve a escribir.`,
    ]);

    // A week later nothing is tried, and the worker is not told again (only, as ever, that no answer came).
    world.clock.set('2027-03-08T09:00:00Z');
    await world.round();
    expect(world.connector.posts.filter((p) => p.conversationId === 'conv-client-ana')).toHaveLength(1);
    expect(world.followUpsTo('worker-1').filter((text) => text.startsWith('No he podido'))).toHaveLength(1);
    expect(world.followUpsTo('worker-1')[1]).toBe('Sin respuesta · Ana P. (C-ANAPQR): no ha contestado sobre la tarea «Pedir cita médica».');

    // The client writes: the prompt still wanted comes first, and they are reachable again.
    world.clock.set('2027-03-08T10:00:00Z');
    expect((await send(world.bot.loopbackUrl, world.connector, 'client-ana', 'hola'))[0]).toBe(PROMPT);
    expect((await profileOnDisk(world.dataDir, 'client-ana'))?.unreachable).toBeUndefined();
    world.clock.set('2027-03-15T09:00:00Z');
    await world.round();
    expect(world.followUpsTo('client-ana')).toEqual([PROMPT]);
  });
});

describe('a crash between the connector accepting a message and the job being marked sent', () => {
  it('shows nothing twice: the outbox says it was delivered, so the claimed job is marked sent without sending', async () => {
    world = await startWorld({ cases: [anaCase()], links: { 'client-ana': 'C-ANAPQR' }, reachable: ['client-ana'] }, '2027-03-01T09:00:00Z');
    await world.round();
    expect(world.followUpsTo('client-ana')).toEqual([PROMPT]);
    await world.stop();
    // What such a crash leaves on disk: the outbox record written, the job still claimed by the stopped process.
    const [sent] = await checkInJobs(world);
    const { finishedAt: _finished, ...unfinished } = sent!;
    const claimed: Job = { ...unfinished, status: 'claimed', lease: { owner: 'crashed-host:4242', until: '2027-03-01T09:10:00.000Z' } };
    await writeFile(join(world.dataDir, 'jobs', fileNameFor(sent!.id)), JSON.stringify(claimed));
    expect(await recordsOnDisk(world.dataDir, 'outbox')).toEqual([
      { id: sent!.id, deliveries: [{ to: 'client-ana', activityId: world.connector.posts[0]!.activity.id, at: '2027-03-01T09:00:00.000Z' }] },
    ]);

    await world.restart('2027-03-01T09:01:00Z');
    await world.round();
    expect(world.connector.posts).toHaveLength(1);
    expect((await checkInJobs(world))[0]).toMatchObject({ status: 'sent', attempts: 2 });

    // The window that remains: a crash after the connector accepted but before the outbox
    // record was on disk leaves no trace of the delivery, and the message goes out again.
    await world.stop();
    await writeFile(join(world.dataDir, 'jobs', fileNameFor(sent!.id)), JSON.stringify(claimed));
    await rm(join(world.dataDir, 'outbox'), { recursive: true });
    await world.restart();
    await world.round();
    expect(world.followUpsTo('client-ana')).toEqual([PROMPT, PROMPT]);
    expect(world.connector.posts[1]!.activity.id).toBe(world.connector.posts[0]!.activity.id);
  });
});
