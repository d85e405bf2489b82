import { describe, expect, it } from 'vitest';
import { DueIndex } from '../../src/store/dueIndex.js';

/** A small seeded generator, so a failure can be replayed. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe('due index', () => {
  it('answers like a plain sorted list through thousands of random changes', () => {
    const random = seeded(7);
    const index = new DueIndex();
    const model = new Map<string, number>();
    const base = Date.UTC(2027, 0, 11, 9);
    for (let step = 0; step < 5000; step++) {
      const id = `J-${Math.floor(random() * 300)}`;
      // Many jobs share a minute, some share an instant, some are removed.
      const ms = random() < 0.2 ? undefined : base + Math.floor(random() * 120) * 15_000;
      index.set(id, ms);
      if (ms === undefined) model.delete(id);
      else model.set(id, ms);
      if (step % 50 !== 0) continue;
      const now = base + Math.floor(random() * 130) * 15_000;
      const expected = [...model].filter(([, t]) => t <= now).sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]));
      expect(index.due(now, 25)).toEqual(expected.slice(0, 25).map(([key]) => key));
      expect(index.summary(now)).toEqual({ due: expected.length, earliestMs: expected[0]?.[1] });
      expect(index.size).toBe(model.size);
    }
  });
});
