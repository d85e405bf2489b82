// When client check-ins go out, over HTTP against a connector stand-in with a clock the test
// moves: at 10:00 on each client's own clock across daylight-saving changes, never in quiet
// hours, never after consent to messages is withdrawn, and following the task as it changes.
import { afterEach, describe, expect, it } from 'vitest';
import type { Case, Task } from '../../src/domain/schemas.js';
import { caseRecord, taskRecord } from '../support/records.js';
import { sendAll } from './support/botClient.js';
import { changeStore, jobsOnDisk, startWorld, type World } from './support/followUpWorld.js';
import { casesOnDisk } from './support/seededBot.js';

let world: World | undefined;
afterEach(async () => world?.close());

const MINUTE = 60_000;

function clientCase(id: string, task: Partial<Task>, client: Partial<Case['client']> = {}, extra: Partial<Case> = {}): Case {
  return caseRecord({
    id,
    client: { ...caseRecord().client, ...client },
    tasks: [taskRecord({ id: `T-${id.slice(2)}`, dueDate: '2027-04-30', checkInEveryDays: 7, ...task })],
    ...extra,
  });
}

const madrid = () =>
  clientCase(
    'C-MADRID',
    {
      description: 'Llamar al centro de empleo',
      commitment: { at: '2027-02-22T09:00:00.000Z', confirmedBy: 'worker-1' },
    },
    { name: 'Ana P.' },
  );

const newYork = () =>
  clientCase(
    'C-NEWYRK',
    {
      description: 'Send the housing form',
      commitment: { at: '2027-02-22T15:00:00.000Z', confirmedBy: 'worker-1' },
    },
    { name: 'Sam K.', language: 'en', timeZone: 'America/New_York' },
  );

describe("client check-ins on the client's clock", () => {
  it('prompts each client at 10:00 in their own zone, before and after both daylight-saving changes', async () => {
    world = await startWorld(
      {
        cases: [madrid(), newYork()],
        links: { 'client-ana': 'C-MADRID', 'client-sam': 'C-NEWYRK' },
        reachable: ['client-ana', 'client-sam'],
      },
      '2027-03-01T08:00:00Z',
    );
    const w = world;
    // Madrid is UTC+1 until 28 March, then UTC+2; New York UTC−5 until 14 March, then UTC−4.
    const expected: [string, string][] = [
      ['client-ana', '2027-03-01T09:00:00Z'],
      ['client-sam', '2027-03-01T15:00:00Z'],
      ['client-ana', '2027-03-08T09:00:00Z'],
      ['client-sam', '2027-03-08T15:00:00Z'],
      ['client-ana', '2027-03-15T09:00:00Z'],
      ['client-sam', '2027-03-15T14:00:00Z'],
      ['client-ana', '2027-03-22T09:00:00Z'],
      ['client-sam', '2027-03-22T14:00:00Z'],
      ['client-ana', '2027-03-29T08:00:00Z'],
      ['client-sam', '2027-03-29T14:00:00Z'],
    ];
    const count = { 'client-ana': 0, 'client-sam': 0 } as Record<string, number>;
    for (const [client, instant] of expected) {
      w.clock.set(instant);
      w.clock.advance(-MINUTE);
      await w.round();
      expect(w.followUpsTo(client), `${client} a minute before ${instant}`).toHaveLength(count[client]!);
      w.clock.set(instant);
      await w.round();
      count[client]!++;
      expect(w.followUpsTo(client), `${client} at ${instant}`).toHaveLength(count[client]!);
    }
    expect(w.followUpsTo('client-ana')[4]).toBe('Hola. ¿Cómo va tu tarea «Llamar al centro de empleo»? Contéstame aquí cuando quieras.');
    expect(w.followUpsTo('client-sam')[4]).toBe('Hi. How is your task "Send the housing form" going? Answer me here when you like.');
    const [post] = w.connector.proactiveTo('conv-client-ana');
    expect(post!.activity).toMatchObject({ type: 'message', recipient: { id: 'client-ana' }, conversation: { id: 'conv-client-ana' } });
    expect(post!.activity.id).toMatch(/^F-[0-9a-f]{32}$/);
    // The prompt is recorded on the task, so the client's next message is read as the answer.
    await w.stop();
    const stored = (await casesOnDisk(w.dataDir)).find((c) => c.id === 'C-NEWYRK')!;
    expect(stored.tasks[0]!.lastPromptedAt).toBe('2027-03-29T14:00:00.000Z');
  });

  it('holds a prompt that fell due while the bot was down until quiet hours end', async () => {
    // The 10:00 prompt of 1 March falls due while the bot is down; it comes back at 22:30 Madrid.
    world = await startWorld({ cases: [madrid()], links: { 'client-ana': 'C-MADRID' }, reachable: ['client-ana'] }, '2027-03-01T21:30:00Z');
    await world.round();
    expect(world.followUpsTo('client-ana')).toEqual([]);
    const held = (await jobsOnDisk(world.dataDir)).find((job) => job.kind === 'clientCheckIn' && job.dueAt === '2027-03-01T09:00:00.000Z');
    expect(held).toMatchObject({ status: 'pending', attempts: 0, retryAt: '2027-03-02T07:00:00.000Z' });
    world.clock.set('2027-03-02T06:59:00Z');
    await world.round();
    expect(world.followUpsTo('client-ana')).toEqual([]);
    world.clock.set('2027-03-02T07:00:00Z');
    await world.round();
    expect(world.followUpsTo('client-ana')).toEqual(['Hola. ¿Cómo va tu tarea «Llamar al centro de empleo»? Contéstame aquí cuando quieras.']);
    world.clock.advance(30 * MINUTE);
    await world.round();
    expect(world.followUpsTo('client-ana')).toHaveLength(1);
  });
});

describe('client prompts follow the case', () => {
  it('stops prompts already scheduled once consent to messages is withdrawn, while another client goes on', async () => {
    world = await startWorld(
      {
        cases: [madrid(), clientCase('C-OTHER1', { description: 'Pedir cita', commitment: { at: '2027-02-22T09:00:00.000Z', confirmedBy: 'worker-1' } })],
        links: { 'client-ana': 'C-MADRID', 'client-eva': 'C-OTHER1' },
        reachable: ['client-ana', 'client-eva'],
      },
      '2027-03-01T08:00:00Z',
    );
    await world.round();
    expect(
      (await jobsOnDisk(world.dataDir)).filter((job) => job.caseId === 'C-MADRID' && job.kind === 'clientCheckIn' && job.status === 'pending'),
    ).toHaveLength(1);
    await world.stop();
    await changeStore(world.dataDir, async (store) => {
      await store.repositories.cases.update('C-MADRID', (c) => c && { ...c, consent: { ...c.consent, messagingWithdrawnAt: '2027-03-01T08:30:00.000Z' } });
    });
    await world.restart('2027-03-01T09:00:00Z');
    await world.round();
    world.clock.set('2027-03-08T09:00:00Z');
    await world.round();
    expect(world.followUpsTo('client-ana')).toEqual([]);
    expect(world.followUpsTo('client-eva')).toHaveLength(2);
    expect((await jobsOnDisk(world.dataDir)).filter((job) => job.caseId === 'C-MADRID' && job.kind === 'clientCheckIn' && job.status === 'pending')).toEqual(
      [],
    );
  });

  it('prompts a task moved while the bot was down on its new day only, and no more once the worker marks it done', async () => {
    const task: Partial<Task> = {
      description: 'Llamar al centro de empleo',
      dueDate: '2027-03-10',
      checkInEveryDays: 30,
      commitment: { at: '2027-03-01T09:00:00.000Z', confirmedBy: 'worker-1' },
    };
    world = await startWorld(
      { cases: [clientCase('C-MOVED1', task)], links: { 'client-ana': 'C-MOVED1' }, reachable: ['client-ana', 'worker-1'] },
      '2027-03-05T08:00:00Z',
    );
    await world.stop();
    await changeStore(world.dataDir, async (store) => {
      await store.repositories.cases.update('C-MOVED1', (c) => c && { ...c, tasks: c.tasks.map((t) => ({ ...t, dueDate: '2027-03-12' })) });
    });
    await world.restart('2027-03-10T09:00:00Z');
    await world.round();
    expect(world.followUpsTo('client-ana')).toEqual([]);
    world.clock.set('2027-03-12T09:00:00Z');
    await world.round();
    expect(world.followUpsTo('client-ana')).toHaveLength(1);

    // The worker rates it fully achieved and marks it done in chat: the check-in due next is cancelled.
    world.clock.set('2027-03-12T11:00:00Z');
    const url = world.bot.loopbackUrl;
    const replies = await sendAll(url, world.connector, 'worker-1', ['hola', 'avance', '1', '1', '4', 'no', 'sí']);
    expect(replies.join('\n')).toContain('Avance registrado en «Llamar al centro de empleo»');
    expect((await casesOnDisk(world.dataDir)).find((c) => c.id === 'C-MOVED1')!.tasks[0]!.status).toBe('done');
    expect((await jobsOnDisk(world.dataDir)).filter((job) => job.caseId === 'C-MOVED1' && job.status === 'pending')).toEqual([]);
    world.clock.set('2027-04-12T09:00:00Z');
    await world.round();
    expect(world.followUpsTo('client-ana')).toHaveLength(1);
  });
});
