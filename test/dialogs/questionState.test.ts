// What the dialog state keeps of a question: the question as sent, as one JSON text (the state
// is copied, compared and written at every turn), and a question kept the earlier way, as
// objects, is still shown again and answered.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BotStateRecord } from '../../src/domain/schemas.js';
import { createHarness, type Harness } from '../support/botHarness.js';
import { TEAMS, lastCard, press } from '../support/cardDriver.js';

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(() => h.close());

const teams = (text: string) => h.send(text, 'worker-1', TEAMS);

type Question = { promptText?: string; prompt?: unknown; token: string };

/** The pending question's options in a stored state, however deep the dialogs go. */
function questionIn(value: unknown): Question | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  if ('token' in value && 'validations' in value) return value as Question;
  for (const child of Object.values(value)) {
    const found = questionIn(child);
    if (found) return found;
  }
  return undefined;
}

async function workerState(): Promise<BotStateRecord> {
  const states = await h.store.repositories.botState.all();
  const state = states.find((record) => questionIn(record.value));
  if (!state) throw new Error('no pending question in the stored state');
  return state;
}

describe('a pending question in the dialog state', () => {
  it('is kept as the JSON text of the question sent, card included', async () => {
    await teams('nueva apertura Carmen Ortega Ruiz');
    const form = lastCard(h);
    const question = questionIn((await workerState()).value)!;
    expect(question.prompt).toBeUndefined();
    expect(typeof question.promptText).toBe('string');
    const sent = JSON.parse(question.promptText!) as { attachments: { content: unknown }[]; inputHint: string };
    expect(sent.attachments[0]!.content).toEqual(form);
    expect(sent.inputHint).toBe('expectingInput');
  });

  it('shows a question kept the earlier way again, and takes its answer', async () => {
    await teams('nueva apertura Carmen Ortega Ruiz');
    const form = lastCard(h);
    await press(h, form, 'Guardar', { kind: 'family' });
    const source = lastCard(h);
    // The state as an earlier version wrote it: the question as objects, no text.
    const state = await workerState();
    const value = structuredClone(state.value);
    const question = questionIn(value)!;
    question.prompt = JSON.parse(question.promptText!);
    delete question.promptText;
    await h.store.repositories.botState.put({ ...state, value });

    const replies = await press(h, form, 'Guardar', { kind: 'individual' });
    expect(replies[0]).toMatch(/ya se respondió o es de un paso anterior/);
    expect(lastCard(h)).toEqual(source);
    await press(h, source, 'Enviar', { answer: 'Centro de salud Norte' });
    expect(JSON.stringify(lastCard(h))).not.toEqual(JSON.stringify(source));
  });
});
