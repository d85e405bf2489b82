// Reaching people over HTTP: a supervisor who only installed the app gets an escalation the
// moment a worker's ratings raise it; what could not reach anyone comes at the top of their
// next chat; strangers leave no way to reach them; a client answers a prompt by replying,
// and a help request reaches the worker at once.
import { randomUUID } from 'node:crypto';
import type { Activity } from 'botbuilder';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_STAFF } from '../support/botHarness.js';
import { caseRecord, staffRecord, taskRecord } from '../support/records.js';
import { postToBot, send, sendAll } from './support/botClient.js';
import { jobsOnDisk, startWorld, type World } from './support/followUpWorld.js';
import { casesOnDisk, recordIdsOnDisk } from './support/seededBot.js';

let world: World | undefined;
afterEach(async () => world?.close());

/** Teams installing the app in a personal chat with `user`. */
function installed(user: string, serviceUrl: string): Partial<Activity> {
  return {
    type: 'installationUpdate',
    action: 'add',
    id: randomUUID(),
    channelId: 'msteams',
    serviceUrl,
    from: { id: user, name: user },
    recipient: { id: 'enlace-bot', name: 'Enlace' },
    conversation: { id: `conv-${user}`, conversationType: 'personal' } as Activity['conversation'],
  };
}

const alertsCase = () =>
  caseRecord({
    id: 'C-ALERTA',
    tasks: [taskRecord({ id: 'T-SOLICI', description: 'Presentar la solicitud de vivienda', dueDate: '2027-04-30' }, [1])],
    // Recorded at assessment a minute before the bot started.
    alerts: [{ id: 'AL-CRISIS', kind: 'safetyConcern', at: '2027-03-01T09:59:00.000Z' }],
  });

describe('escalations', () => {
  it('reach a supervisor who only installed the app at once; one missed before the install comes at the top of their next chat', async () => {
    world = await startWorld({ cases: [alertsCase()], reachable: ['worker-1'] }, '2027-03-01T10:00:00Z');
    const w = world;
    await w.round();
    // The supervisor could not be reached yet: the safety alert waits for them.
    expect((await jobsOnDisk(w.dataDir)).filter((job) => job.kind === 'escalation').map((job) => job.status)).toEqual(['failed']);

    expect((await postToBot(w.bot.loopbackUrl, installed('super-1', w.connector.serviceUrl))).status).toBeLessThan(300);
    expect(await recordIdsOnDisk(w.dataDir, 'conversationRefs')).toContain('super-1');

    // The worker rates the task at 1 a second time: a stalled task, and the supervisor hears of it at once.
    w.clock.set('2027-03-01T10:05:00Z');
    const heard = w.connector.waitForText(/^Alerta · Ana P\. \(C-ALERTA\)/);
    const replies = await sendAll(w.bot.loopbackUrl, w.connector, 'worker-1', ['hola', 'avance', '1', '1', '1', 'no']);
    expect(replies.join('\n')).toContain('Dos grados de logro seguidos de 1 o menos');
    const escalation = await heard;
    expect(escalation.conversationId).toBe('conv-super-1');
    expect(escalation.replyToId).toBeUndefined();
    expect(escalation.activity.text).toBe(
      'Alerta · Ana P. (C-ALERTA), de Lucía Martín: la tarea «Presentar la solicitud de vivienda» lleva dos grados de logro seguidos de 1 o menos. Para verlo escribe «ver caso C-ALERTA».',
    );
    await w.round();
    expect(w.followUpsTo('super-1')).toHaveLength(1);

    // The supervisor writes: the safety alert that could not reach them comes first.
    const first = await send(w.bot.loopbackUrl, w.connector, 'super-1', 'hola');
    expect(first[0]).toBe(
      'Avisos que no te pude enviar antes:\n\nAlerta · Ana P. (C-ALERTA), de Lucía Martín: riesgo para la seguridad señalado en la valoración. Para verlo escribe «ver caso C-ALERTA».',
    );
    expect((await send(w.bot.loopbackUrl, w.connector, 'super-1', 'hola')).join('\n')).not.toContain('Alerta');
    await w.stop();
    const alerts = (await casesOnDisk(w.dataDir))[0]!.alerts;
    expect(alerts.map((a) => [a.kind, a.deliveredAt])).toEqual([
      ['safetyConcern', '2027-03-01T10:05:00.000Z'],
      ['stalledTask', '2027-03-01T10:05:00.000Z'],
    ]);
  });

  it('go to every supervisor of the team, even after the first has been told', async () => {
    const second = staffRecord({ id: 'super-2', name: 'Raúl Soto', role: 'supervisor' });
    world = await startWorld({ cases: [alertsCase()], staff: [...DEMO_STAFF, second], reachable: ['super-1', 'super-2'] }, '2027-03-01T10:00:00Z');
    world.connector.answerNext('conv-super-2', { status: 503 });
    await world.round();
    expect(world.followUpsTo('super-1')).toHaveLength(1);
    expect(world.followUpsTo('super-2')).toEqual([]);
    world.clock.advance(2 * 60_000);
    await world.round();
    expect(world.followUpsTo('super-2')).toEqual([world.followUpsTo('super-1')[0]]);
  });
});

describe('conversation references', () => {
  it('are kept from installs and members added for registered people only', async () => {
    world = await startWorld({ cases: [] }, '2027-03-01T10:00:00Z');
    const url = world.bot.loopbackUrl;
    await postToBot(url, installed('stranger-1', world.connector.serviceUrl));
    await postToBot(url, {
      ...installed('super-sur', world.connector.serviceUrl),
      type: 'conversationUpdate',
      action: undefined,
      membersAdded: [
        { id: 'super-sur', name: 'super-sur' },
        { id: 'stranger-2', name: 'stranger-2' },
      ],
    });
    await postToBot(url, {
      ...installed('worker-2', world.connector.serviceUrl),
      conversation: { id: 'group-1', conversationType: 'groupChat', isGroup: true } as Activity['conversation'],
    });
    expect(await recordIdsOnDisk(world.dataDir, 'conversationRefs')).toEqual(['super-sur']);
  });
});

describe('a check-in prompt answered in chat', () => {
  it('takes the reply as the answer, tells the worker of the help asked for at once, shows the rating, and sends no missed-check-in notice', async () => {
    const task = taskRecord({
      id: 'T-CITA01',
      description: 'Pedir cita médica',
      dueDate: '2027-04-30',
      commitment: { at: '2027-02-22T09:00:00.000Z', confirmedBy: 'worker-1' },
    });
    world = await startWorld(
      { cases: [caseRecord({ id: 'C-ANAPQR', tasks: [task] })], links: { 'client-ana': 'C-ANAPQR' }, reachable: ['client-ana', 'worker-1'] },
      '2027-03-01T09:00:00Z',
    );
    const w = world;
    await w.round();
    expect(w.followUpsTo('client-ana')).toEqual(['Hola. ¿Cómo va tu tarea «Pedir cita médica»? Contéstame aquí cuando quieras.']);

    w.clock.set('2027-03-01T11:00:00Z');
    const help = w.connector.waitForText(/^Pide ayuda/);
    const thanks = await sendAll(w.bot.loopbackUrl, w.connector, 'client-ana', ['una parte', 'No encuentro la tarjeta sanitaria', 'sí']);
    expect(thanks.join('\n')).toContain('Tu profesional lo verá pronto.');
    expect((await help).activity.text).toBe('Pide ayuda · Ana P. (C-ANAPQR), tarea «Pedir cita médica»: «No encuentro la tarjeta sanitaria»');
    expect((await help).conversationId).toBe('conv-worker-1');

    const view = (await sendAll(w.bot.loopbackUrl, w.connector, 'worker-1', ['hola', 'ver caso C-ANAPQR'])).join('\n');
    expect(view).toContain('Parcialmente conseguida');
    w.clock.set('2027-03-03T09:00:00Z');
    await w.round();
    expect(w.followUpsTo('worker-1').filter((text) => text.startsWith('Sin respuesta'))).toEqual([]);
  });
});
