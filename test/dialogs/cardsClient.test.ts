// The client's side as cards in Teams (SPEC §7): the plan as one large, plain card; the
// check-in one question per card with big buttons; the check-in prompt the bot sends on its
// own as a card where the chat shows cards, its buttons answering as typing does.
import { afterEach, describe, expect, it } from 'vitest';
import { createServices, memoryFollowUpStores } from '../../src/app/services.js';
import type { PostResult } from '../../src/bot/connectorPost.js';
import { type ProactiveMessage, ProactiveSender } from '../../src/bot/proactiveSender.js';
import { defaultConfig } from '../../src/domain/config.js';
import { newJob } from '../../src/domain/followups/job.js';
import type { Case, Goal, Task } from '../../src/domain/schemas.js';
import { memoryRepositories } from '../../src/store/memoryStore.js';
import { conversationRef } from '../e2e/support/seededBot.js';
import { DEMO_STAFF, createHarness, type Harness } from '../support/botHarness.js';
import { TEAMS, TEAMS_MESSAGE_BYTES, actionTitled, cardsIn, elementsOf, inputIds, lastCard, press, replyBytes } from '../support/cardDriver.js';
import { caseRecord, taskRecord as task } from '../support/records.js';

let h: Harness;
afterEach(async () => h?.close());

const CASE_ID = 'C-ANAPQR';
const CLIENT = 'client-1';
const NOW = new Date('2026-11-23T09:00:00Z');
const PROMPTED = '2026-11-22T09:00:00.000Z';
const englishClient = { kind: 'individual', name: 'John D.', contact: '', language: 'en', timeZone: 'Europe/London' } as const;

const goal = (id: string, text: string): Goal => ({
  id,
  domain: 'housing',
  text,
  actor: 'Ana',
  indicator: 'solicitudes entregadas',
  target: '1',
  deadline: '2027-01-31',
  support: '',
  obstacles: '',
  dependsOnThirdParty: false,
  agreement: { at: '2026-11-20T10:00:00.000Z', recordedBy: 'worker-1' },
  status: 'active',
  createdAt: '2026-11-20T10:00:00.000Z',
  createdBy: 'worker-1',
});

const storedTask = async (id = 'T-SOLICI'): Promise<Task> => (await h.store.repositories.cases.get(CASE_ID))!.tasks.find((t) => t.id === id)!;

async function linkedClient(record: Case, prompted: string[] = []): Promise<void> {
  const tasks = record.tasks.map((t) => (prompted.includes(t.id) ? { ...t, lastPromptedAt: PROMPTED } : t));
  h = await createHarness({ cases: [{ ...record, tasks }], now: NOW });
  await h.store.repositories.clientLinks.put({ id: CLIENT, caseId: record.id, linkedAt: '2026-11-20T10:00:00.000Z', codeId: 'ABCD' });
  await h.send('hola', CLIENT, TEAMS);
}

const client = (text: string) => h.send(text, CLIENT, TEAMS);
const clientPress = (title: string, inputs: Record<string, string> = {}) => press(h, lastCard(h), title, inputs, CLIENT);

/** The text blocks of a card, with their size. */
const texts = (card: ReturnType<typeof lastCard>) => elementsOf(card).filter((e) => e.type === 'TextBlock');

function expectOneCardPerReply() {
  expect(cardsIn(h.lastReplies).length).toBeLessThanOrEqual(1);
  for (const bytes of replyBytes(h.lastReplies)) expect(bytes).toBeLessThan(TEAMS_MESSAGE_BYTES);
}

describe("the client's plan as a card", () => {
  it('shows each goal in large text with its tasks below it, and the tasks of no goal apart', async () => {
    const record = caseRecord({
      id: CASE_ID,
      goals: [goal('G-VIVIEN', 'Entregar la solicitud de vivienda')],
      tasks: [task({ goalId: 'G-VIVIEN' }), task({ id: 'T-BANCO1', description: 'Llamar al banco', owner: 'worker' })],
    });
    await linkedClient(record);
    await client('mis tareas');
    const plan = lastCard(h);
    expectOneCardPerReply();
    const blocks = texts(plan);
    expect(blocks[0]).toMatchObject({ text: 'Tu plan:', size: 'ExtraLarge' });
    expect(blocks[1]).toMatchObject({ text: expect.stringContaining('Tu objetivo: Entregar la solicitud de vivienda.'), size: 'Large' });
    expect(blocks[2]).toMatchObject({ text: expect.stringContaining('Presentar la solicitud de vivienda. Para el'), size: 'Medium' });
    expect(blocks[3]).toMatchObject({ text: 'Otras tareas:', size: 'Large' });
    expect(blocks[4]!.text).toContain('Llamar al banco. Para el');
    expect(blocks[4]!.text).toContain('Lo hace tu profesional.');
    expect(inputIds(plan)).toEqual([]);
  });

  it('goes as text when its card would not fit a Teams message', async () => {
    const long = (n: number) => `Tarea ${n}: ${'llamar al banco y pedir el papel de la cuenta, '.repeat(21)}`.slice(0, 1000);
    const tasks = Array.from({ length: 23 }, (_, n) => task({ id: `T-LONG${String(n).padStart(2, '0')}`, description: long(n) }));
    await linkedClient(caseRecord({ id: CASE_ID, tasks }));
    const replies = await client('mis tareas');
    expect(h.lastReplies.every((r) => !r.attachments?.length)).toBe(true);
    expect(replies.join('\n')).toContain('Tarea 22: llamar al banco');
    for (const bytes of replyBytes(h.lastReplies)) expect(bytes).toBeLessThan(TEAMS_MESSAGE_BYTES);
  });

  it('stays text outside the card channels', async () => {
    await linkedClient(caseRecord({ id: CASE_ID, tasks: [task()] }));
    const replies = await h.send('mis tareas', CLIENT);
    expect(replies.join('\n')).toContain('Tu plan:');
    expect(h.lastReplies.every((r) => !r.attachments?.length)).toBe(true);
  });
});

describe('the check-in as one question per card', () => {
  it('asks each question on its own card in large text with big buttons, and saves what was pressed', async () => {
    await linkedClient(caseRecord({ id: CASE_ID, tasks: [task()] }));
    await client('tareas');
    const how = lastCard(h);
    expectOneCardPerReply();
    expect(texts(how)[0]).toMatchObject({ text: '¿Cómo te fue con esto: Presentar la solicitud de vivienda?', size: 'Large' });
    // Each answer alone on its line.
    const rows = how.body.filter((e) => e.type === 'ActionSet');
    expect(rows.map((row) => (row.actions as { title: string }[]).map((a) => a.title))).toEqual([
      ['Lo hice todo'],
      ['Casi todo'],
      ['Una parte'],
      ['Poco o nada'],
      ['No tuve ocasión'],
    ]);
    await clientPress('Casi todo');
    expect(JSON.stringify(lastCard(h))).toContain('¿Algo te lo puso difícil?');
    expectOneCardPerReply();
    // The same card pressed again changes nothing.
    const again = await press(h, how, 'Poco o nada', {}, CLIENT);
    expect(again[0]).toBe('Esa pregunta ya está respondida. No he cambiado nada.');
    await clientPress('Enviar', { answer: 'me faltaba un papel' });
    const help = lastCard(h);
    expect(texts(help)[0]).toMatchObject({ size: 'Large' });
    actionTitled(help, 'Sí');
    await clientPress('No');
    expect(h.lastReplies.map((r) => r.text).join(' ')).toContain('¡Gracias! Ya lo he guardado.');
    expect((await storedTask()).progress).toEqual([
      { at: NOW.toISOString(), rating: 3, obstacles: 'me faltaba un papel', needsHelp: false, source: 'client', by: CLIENT },
    ]);
  });

  it('asks which task on a card with one big button per task, in English', async () => {
    const tasks = [task({ id: 'T-PADRON', description: 'Get the census certificate' }), task({ description: 'Hand in the housing form' })];
    await linkedClient(caseRecord({ id: CASE_ID, client: englishClient, tasks }));
    await h.store.repositories.users.update(CLIENT, (profile) => ({ ...(profile ?? { id: CLIENT, failedLinkAttempts: 0 }), language: 'en' }));
    await client('tasks');
    const which = lastCard(h);
    expect(texts(which)[0]!.text).toContain('Which one do you want to tell me about?');
    const titles = elementsOf(which)
      .filter((e) => e.type === 'Action.Submit')
      .map((e) => String(e.title));
    expect(titles).toHaveLength(2);
    await clientPress(titles.find((title) => title.startsWith('Hand in the housing form'))!);
    expect(texts(lastCard(h))[0]!.text).toBe('How did it go with this: Hand in the housing form?');
  });
});

describe('the check-in prompt sent on its own', () => {
  async function senderFor(channelId: string, tasks: Task[]) {
    const repos = memoryRepositories();
    for (const staff of DEMO_STAFF) await repos.staff.put(staff);
    await repos.cases.put(caseRecord({ id: CASE_ID, tasks }));
    await repos.clientLinks.put({ id: CLIENT, caseId: CASE_ID, linkedAt: NOW.toISOString(), codeId: 'L-1' });
    const ref = conversationRef(CLIENT, `conv-${CLIENT}`, 'http://127.0.0.1:1');
    await repos.conversationRefs.put({ ...ref, channelId, reference: { ...ref.reference, channelId } });
    const services = createServices(repos, () => NOW, defaultConfig, memoryFollowUpStores());
    const posts: ProactiveMessage[] = [];
    const sender = new ProactiveSender({
      followUps: services.followUps.delivery,
      post: async (_reference, activity): Promise<PostResult> => {
        posts.push(activity);
        return { ok: true, status: 201 };
      },
      clockMs: () => 0,
      sleep: async () => undefined,
    });
    const jobs = tasks.map((t) =>
      newJob({ kind: 'clientCheckIn', caseId: CASE_ID, recipient: { role: 'client' }, subject: { taskId: t.id }, dueAt: NOW.toISOString() }, NOW),
    );
    await sender.send({ recipient: { role: 'client' }, caseId: CASE_ID, jobs });
    return posts;
  }

  it('goes as a card in Teams, its buttons the answers the check-in reads', async () => {
    const [post, ...more] = await senderFor('msteams', [task({ id: 'T-CITA01', description: 'Pedir cita médica' })]);
    expect(more).toEqual([]);
    const card = post!.attachments![0]!.content as ReturnType<typeof lastCard>;
    expect(card.fallbackText).toBe('Hola. ¿Cómo va tu tarea «Pedir cita médica»? Contéstame aquí cuando quieras.');
    expect(texts(card)[0]).toMatchObject({ text: 'Hola. ¿Cómo va tu tarea «Pedir cita médica»?', size: 'Large' });
    const answers = elementsOf(card).filter((e) => e.type === 'Action.Submit');
    expect(answers.map((a) => a.data)).toEqual(
      ['Lo hice todo', 'Casi todo', 'Una parte', 'Poco o nada', 'No tuve ocasión'].map((answer) => ({ enlace: { answer } })),
    );
    expect(Buffer.byteLength(JSON.stringify(post), 'utf8')).toBeLessThan(TEAMS_MESSAGE_BYTES);
  });

  it('offers each task as a button when it asks about several, and stays text in other channels', async () => {
    const tasks = [task({ id: 'T-CITA01', description: 'Pedir cita médica' }), task({ id: 'T-CERT01', description: 'Llevar el certificado' })];
    const [post] = await senderFor('webchat', tasks);
    const card = post!.attachments![0]!.content as ReturnType<typeof lastCard>;
    expect(
      elementsOf(card)
        .filter((e) => e.type === 'Action.Submit')
        .map((a) => a.title),
    ).toEqual(['Pedir cita médica', 'Llevar el certificado']);
    const [plain] = await senderFor('emulator', tasks);
    expect(plain!.attachments).toBeUndefined();
    expect(plain!.text).toBe('Hola. ¿Cómo van tus tareas?\n\n- Pedir cita médica\n- Llevar el certificado\n\nContéstame aquí cuando quieras.');
  });

  it("answers the check-in through the same dialog as typing when the prompt's button is pressed", async () => {
    const tasks = [task({ id: 'T-PADRON', description: 'Pedir el certificado de padrón' }), task()];
    await linkedClient(caseRecord({ id: CASE_ID, tasks }), ['T-SOLICI', 'T-PADRON']);
    // The prompt asked about both tasks: a task's button picks it, then a rating's button rates it.
    await h.send('', CLIENT, { ...TEAMS, value: { enlace: { answer: 'Presentar la solicitud de vivienda' } } });
    expect(texts(lastCard(h))[0]!.text).toBe('¿Cómo te fue con esto: Presentar la solicitud de vivienda?');
    await clientPress('Una parte');
    await clientPress('Enviar', { answer: 'no' });
    await clientPress('No');
    expect((await storedTask()).progress).toEqual([expect.objectContaining({ rating: 2, needsHelp: false, source: 'client' })]);
    expect((await storedTask('T-PADRON')).progress).toEqual([]);
  });

  it('takes a rating button of a one-task prompt as the first answer', async () => {
    await linkedClient(caseRecord({ id: CASE_ID, tasks: [task()] }), ['T-SOLICI']);
    await h.send('', CLIENT, { ...TEAMS, value: { enlace: { answer: 'Lo hice todo' } } });
    const obstacles = lastCard(h);
    expect(texts(obstacles)[0]).toMatchObject({ text: '¿Algo te lo puso difícil? Cuéntamelo. Si no, escribe «no».', size: 'Large' });
    expect(inputIds(obstacles)).toEqual(['answer']);
    // The big «No»: nothing got in the way.
    await clientPress('No');
    await clientPress('No');
    const [entry, ...more] = (await storedTask()).progress;
    expect(more).toEqual([]);
    expect(entry).toMatchObject({ rating: 4, needsHelp: false, source: 'client' });
    expect(entry!.obstacles).toBeFalsy();
  });
});
