import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { caseRecord } from '../support/records.js';
import { createHarness, type Harness } from '../support/botHarness.js';

let harness: Harness;
afterEach(async () => harness?.close());

const joined = (replies: string[]) => replies.join('\n');

describe('conversation shell', () => {
  it('refuses an unregistered user politely in the language of their message, showing no data', async () => {
    harness = await createHarness({ cases: [caseRecord({ id: 'C-SHELL2' })] });
    const spanish = joined(await harness.send('hola, quiero ver mis casos', 'stranger'));
    expect(spanish).toContain('solo para el personal registrado');
    const english = joined(await harness.send('hello, show me the cases please', 'stranger-2', { locale: 'es-ES' }));
    expect(english).toContain("only for the agency's registered staff");
    expect(spanish + english).not.toMatch(/C-SHELL2|Ana P\./);
  });

  it('answers a greeting after the welcome with the menu, not with a misunderstanding', async () => {
    harness = await createHarness();
    await harness.send('hola');
    const again = joined(await harness.send('buenos días'));
    expect(again).toContain('¿Qué quieres hacer?');
    expect(again).not.toContain('No te he entendido');
  });

  it('says there is nothing to cancel outside a dialog', async () => {
    harness = await createHarness();
    await harness.send('hola');
    expect(joined(await harness.send('cancelar'))).toContain('No hay nada en curso que cancelar');
  });

  it('switches language on request, and the stored preference beats the channel locale', async () => {
    harness = await createHarness();
    await harness.send('hola', 'worker-1', { locale: 'en-US' });
    expect(joined(await harness.send('idioma', 'worker-1', { locale: 'en-US' }))).toContain('I will speak English');
    expect(joined(await harness.send('help', 'worker-1', { locale: 'es-ES' }))).toContain('What would you like to do?');
    expect(joined(await harness.send('language spanish', 'worker-1', { locale: 'en-US' }))).toContain('te hablo en español');
    expect((await harness.store.repositories.users.get('worker-1'))?.language).toBe('es');
  });

  it('keeps the conversation reference of staff, without the message id', async () => {
    harness = await createHarness();
    await harness.send('hola', 'worker-1');
    const refs = harness.store.repositories.conversationRefs;
    expect(await refs.get('worker-1')).toMatchObject({
      channelId: 'test',
      serviceUrl: 'https://test.local',
      reference: { conversation: { id: 'conv-worker-1' } },
    });
    expect((await refs.get('worker-1'))?.reference).not.toHaveProperty('activityId');
  });

  it('leaves no trace of a stranger: no reference, no profile, their name nowhere on disk', async () => {
    harness = await createHarness();
    const stranger = { from: { id: 'stranger-7', name: 'Pedro Desconocido' } };
    await harness.send('hola', 'stranger-7', stranger);
    await harness.send('mis casos', 'stranger-7', stranger);
    await harness.send('ABCD-EFG2', 'stranger-7', stranger);
    const { conversationRefs } = harness.store.repositories;
    expect(await conversationRefs.get('stranger-7')).toBeUndefined();
    await harness.store.flush();
    const files = (await readdir(harness.dataDir, { recursive: true, withFileTypes: true })).filter((f) => f.isFile());
    const texts = await Promise.all(files.map((f) => readFile(join(f.parentPath, f.name), 'utf8')));
    expect(texts.length).toBeGreaterThan(3);
    expect(texts.filter((text) => text.includes('Pedro Desconocido'))).toEqual([]);
  });

  it('rewrites a conversation reference only when it changed', async () => {
    harness = await createHarness();
    await harness.send('hola');
    const first = (await harness.store.repositories.conversationRefs.get('worker-1'))!;
    harness.clock.now = new Date('2026-11-23T10:00:00Z');
    await harness.send('mis casos');
    expect(await harness.store.repositories.conversationRefs.get('worker-1')).toBe(first);
    await harness.send('mis casos', 'worker-1', { serviceUrl: 'https://moved.local' });
    expect(await harness.store.repositories.conversationRefs.get('worker-1')).toMatchObject({
      serviceUrl: 'https://moved.local',
      updatedAt: '2026-11-23T10:00:00.000Z',
    });
  });

  it('links a client with the code their worker created, once, and then shows only their plan', async () => {
    harness = await createHarness({
      cases: [caseRecord({ id: 'C-LNKABC', client: { kind: 'individual', name: 'Ana P.', contact: '', language: 'es', timeZone: 'Europe/Madrid' } })],
    });
    await harness.send('hola');
    const created = joined(await harness.send('código C-LNKABC'));
    const code = /([A-Z2-9]{4}-[A-Z2-9]{4})/.exec(created)?.[1];
    expect(code).toBeDefined();
    expect(created).toContain('Ana P.');

    const linked = joined(await harness.send(code!.toLowerCase(), 'client-phone'));
    expect(linked).toContain('Ya estamos en contacto');
    expect((await harness.store.repositories.clientLinks.get('client-phone'))?.caseId).toBe('C-LNKABC');
    const plan = joined(await harness.send('mis tareas', 'client-phone'));
    expect(plan).toContain('Aún no tienes objetivos');
    // A client has no staff commands.
    expect(joined(await harness.send('mis casos C-LNKABC', 'client-phone'))).not.toContain('Casos (');

    expect(joined(await harness.send(code!, 'someone-else'))).toContain('ya se usó');
    expect(await harness.store.repositories.clientLinks.get('someone-else')).toBeUndefined();
  });

  it('refuses a message from a tenant that is not allowed, and logs nothing of it', async () => {
    harness = await createHarness({ allowedTenantIds: ['agency-tenant'] });
    const outsider = joined(await harness.send('hola', 'worker-1', { conversation: { id: 'x', tenantId: 'other-tenant' } as never }));
    expect(outsider).toContain('solo puede usarse desde la organización');
    expect(await harness.store.repositories.conversationRefs.get('worker-1')).toBeUndefined();
    const insider = joined(await harness.send('hola', 'worker-1', { conversation: { id: 'y', tenantId: 'agency-tenant' } as never }));
    expect(insider).toContain('Hola, Lucía Martín');
  });
});

describe('caseload view', () => {
  it('lists only the worker’s own cases, marks an overdue review, and weighs required against available time', async () => {
    harness = await createHarness({
      cases: [
        caseRecord({ id: 'C-MINEAA', intensity: 'intensive', nextReviewDate: '2026-11-20' }),
        caseRecord({
          id: 'C-MINEBB',
          intensity: 'basic',
          nextReviewDate: '2026-12-20',
          client: { kind: 'family', name: 'Familia Soto', contact: '', language: 'es', timeZone: 'Europe/Madrid' },
        }),
        caseRecord({
          id: 'C-OTHERS',
          workerId: 'worker-2',
          client: { kind: 'individual', name: 'Otra Persona', contact: '', language: 'es', timeZone: 'Europe/Madrid' },
        }),
      ],
    });
    await harness.send('hola');
    const list = joined(await harness.send('mis casos'));
    expect(list).toMatch(/C-MINEAA · Ana P\. · abierto · intensidad: intensiva · próxima revisión: viernes, 20 de noviembre de 2026 \(vencida\)/);
    expect(list).toMatch(/C-MINEBB · Familia Soto .*domingo, 20 de diciembre de 2026$/m);
    expect(list).not.toMatch(/C-OTHERS|Otra Persona/);
    // 240 + 60 estimated minutes a month against 120 available hours.
    expect(list).toContain('Tiempo estimado: 5 h al mes para tus casos abiertos, de 120 h disponibles.');
  });

  it('shows a supervisor the team’s cases with each worker', async () => {
    harness = await createHarness({
      cases: [caseRecord({ id: 'C-MINEAA' }), caseRecord({ id: 'C-SURCAS', workerId: 'worker-en', team: 'sur' })],
    });
    await harness.send('hola', 'super-1');
    const list = joined(await harness.send('casos del equipo', 'super-1'));
    expect(list).toContain('C-MINEAA · Ana P. · abierto · intensidad: sin valorar · próxima revisión: sin fecha · Lucía Martín');
    expect(list).not.toContain('C-SURCAS');
  });
});
