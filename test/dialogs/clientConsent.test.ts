import { afterEach, describe, expect, it } from 'vitest';
import { deriveJobs } from '../../src/domain/followups/derive.js';
import { defaultFollowUpConfig } from '../../src/domain/followups/settings.js';
import type { Case } from '../../src/domain/schemas.js';
import { createHarness, DEMO_STAFF, type Harness } from '../support/botHarness.js';
import { caseRecord, taskRecord as task } from '../support/records.js';

let harness: Harness;
afterEach(async () => harness?.close());

const CASE_ID = 'C-CNSNTB';
const CLIENT = 'client-1';
const NOW = '2026-11-23T09:00:00.000Z';
const joined = (replies: string[]) => replies.join('\n');
const stored = async (): Promise<Case> => (await harness.store.repositories.cases.get(CASE_ID))!;
const staff = (id: string) => DEMO_STAFF.find((s) => s.id === id)!;
const clientPrompts = (record: Case) =>
  deriveJobs(record, { worker: staff('worker-1'), supervisors: [] }, defaultFollowUpConfig, new Date(NOW)).filter((j) => j.kind === 'clientCheckIn');

async function linkedClient(record: Case = caseRecord({ id: CASE_ID, tasks: [task()] })): Promise<void> {
  harness = await createHarness({ cases: [record] });
  await harness.store.repositories.clientLinks.put({ id: CLIENT, caseId: record.id, linkedAt: '2026-11-20T10:00:00.000Z', codeId: 'ABCD' });
  await harness.send('hola', CLIENT);
}

const english = { kind: 'individual', name: 'John D.', contact: '', language: 'en', timeZone: 'Europe/London' } as const;

describe('a client withdraws consent to messages in chat', () => {
  it('in Spanish, inside a sentence: recorded on their case, audited, confirmed plainly, and prompts stop', async () => {
    await linkedClient();
    expect(clientPrompts(await stored())).not.toEqual([]);
    const reply = joined(await harness.send('Por favor, no me escribas más.', CLIENT));
    expect(reply).toBe('Vale. Ya no te enviaré mensajes. Tú puedes escribirme cuando quieras. Si cambias de idea, díselo a tu profesional.');
    const consent = (await stored()).consent;
    expect(consent.messagingWithdrawnAt).toBe(NOW);
    expect(consent.messagingChanges).toEqual([{ given: false, at: NOW, by: CLIENT }]);
    expect(clientPrompts(await stored())).toEqual([]);
    const audit = await harness.store.repositories.audit.readDay('2026-11-23');
    expect(audit).toContainEqual(expect.objectContaining({ actor: CLIENT, action: 'client.consent.withdraw', caseId: CASE_ID, outcome: 'ok' }));
    // Said again: nothing more is recorded.
    expect(joined(await harness.send('no quiero más mensajes', CLIENT))).toContain('Ya no te envío mensajes.');
    expect((await stored()).consent.messagingChanges).toHaveLength(1);
  });

  it('in English', async () => {
    await linkedClient(caseRecord({ id: CASE_ID, client: english, tasks: [task()] }));
    expect(joined(await harness.send('stop messages please', CLIENT))).toBe(
      'OK. I will not send you messages now. You can write to me when you like. If you change your mind, tell your worker.',
    );
    expect((await stored()).consent.messagingWithdrawnAt).toBe(NOW);
  });

  it('also as the reply to a prompt, and in the middle of a check-in, which then stores nothing', async () => {
    await linkedClient();
    await harness.store.repositories.cases.update(CASE_ID, (c) => ({
      ...c!,
      tasks: c!.tasks.map((t) => ({ ...t, lastPromptedAt: '2026-11-22T09:00:00.000Z' })),
    }));
    expect(joined(await harness.send('hola', CLIENT))).toContain('¿Cómo te fue con esto');
    expect(joined(await harness.send('casi todo', CLIENT))).toContain('¿Algo te lo puso difícil?');
    expect(joined(await harness.send('no me escribas más', CLIENT))).toContain('Ya no te enviaré mensajes.');
    expect((await stored()).consent.messagingWithdrawnAt).toBe(NOW);
    expect((await stored()).tasks[0]!.progress).toEqual([]);
    // The check-in is over: the next message is not read as its answer.
    expect(joined(await harness.send('sí', CLIENT))).not.toContain('Gracias');
  });

  it('a phrase that only looks alike leaves consent as it was', async () => {
    await linkedClient();
    await harness.send('quiero más mensajes de ánimo', CLIENT);
    expect((await stored()).consent.messagingWithdrawnAt).toBeUndefined();
  });
});
