// Enlace's conversation state tells a changed state by its JSON instead of botbuilder's hash:
// it must load, save, clear and delete exactly as botbuilder's PrivateConversationState does.
import { ActivityTypes, MemoryStorage, PrivateConversationState, TestAdapter, TurnContext, type BotState, type StoreItems } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { EnlaceConversationState } from '../../src/bot/conversationState.js';

class CountingStorage extends MemoryStorage {
  writes: StoreItems[] = [];
  override async write(changes: StoreItems): Promise<void> {
    this.writes.push(JSON.parse(JSON.stringify(changes)));
    await super.write(changes);
  }
}

function turn(adapter: TestAdapter, user = 'ana'): TurnContext {
  return new TurnContext(adapter, {
    type: ActivityTypes.Message,
    channelId: 'test',
    from: { id: user, name: user },
    recipient: { id: 'bot', name: 'bot' },
    conversation: { id: 'conv-1', name: '', isGroup: false, conversationType: 'personal' },
    text: 'hola',
  });
}

/** One script of turns; what was written, turn by turn, and what each turn read. */
async function script(make: (storage: CountingStorage) => BotState) {
  const storage = new CountingStorage();
  const state = make(storage);
  const steps = state.createProperty<{ step: number; card?: object }>('dialog');
  const adapter = new TestAdapter(async () => {});
  const log: unknown[] = [];
  const note = (value: unknown) => log.push(value === undefined ? undefined : JSON.parse(JSON.stringify(value)));

  let context = turn(adapter);
  note(await steps.get(context, { step: 1, card: { body: ['¿Quién?'] } }));
  await state.saveChanges(context);
  note(storage.writes.length);

  // Read, nothing changed: nothing written.
  context = turn(adapter);
  note(await steps.get(context));
  await state.saveChanges(context);
  note(storage.writes.length);

  // Changed deep inside: written.
  context = turn(adapter);
  const value = await steps.get(context);
  (value!.card as { body: string[] }).body.push('¿Cuándo?');
  await state.saveChanges(context);
  await state.saveChanges(context);
  note(storage.writes.length);

  // Forced: written though unchanged.
  context = turn(adapter);
  await steps.get(context);
  await state.saveChanges(context, true);
  note(storage.writes.length);

  // Cleared: an empty state written; then deleted: gone from storage and from the turn.
  context = turn(adapter);
  await state.load(context);
  await state.clear(context);
  note(state.get(context));
  await state.saveChanges(context);
  note(storage.writes.length);
  await steps.set(context, { step: 9 });
  await state.delete(context);
  note(state.get(context));
  context = turn(adapter);
  note(await steps.get(context));

  // Another person in the same conversation has a state of their own.
  context = turn(adapter, 'bea');
  note(await steps.get(context));
  const stored = storage.writes.map((changes) => Object.fromEntries(Object.entries(changes).map(([key, item]) => [key, { ...item, eTag: '-' }])));
  return { log, stored };
}

describe('Enlace conversation state', () => {
  it('loads, saves, clears and deletes as botbuilder’s does', async () => {
    const theirs = await script((storage) => new PrivateConversationState(storage));
    const ours = await script((storage) => new EnlaceConversationState(storage));
    expect(ours).toEqual(theirs);
    // The script did what it says: two writes for changes, one forced, one cleared.
    expect(ours.log).toEqual([
      { step: 1, card: { body: ['¿Quién?'] } },
      1,
      { step: 1, card: { body: ['¿Quién?'] } },
      1,
      2,
      3,
      {},
      4,
      undefined,
      undefined,
      undefined,
    ]);
  });
});
