// The SMART checks against goals as workers write them: no flawed goal may pass as ready,
// a good goal is coached at most once in the whole set, and each flawed goal is caught by
// the criterion a supervisor would name first. Prints the figures.
import { describe, expect, it } from 'vitest';
import type { Language } from '../../src/domain/schemas.js';
import { type CorpusGoal, firstGap } from './smartCorpus.js';
import { ENGLISH_GOALS } from './smartCorpus.en.js';
import { SPANISH_GOALS } from './smartCorpus.es.js';

const CORPUS: [Language, CorpusGoal[]][] = [
  ['es', SPANISH_GOALS],
  ['en', ENGLISH_GOALS],
];

const results = CORPUS.flatMap(([lang, goals]) => goals.map((goal) => ({ lang, ...goal, found: firstGap(goal.text, lang) })));
const flawed = results.filter((r) => r.label !== 'ready');
const good = results.filter((r) => r.label === 'ready');
const flawedAccepted = flawed.filter((r) => r.found === 'ready');
const goodCoached = good.filter((r) => r.found !== 'ready');
const mislabelled = flawed.filter((r) => r.found !== 'ready' && r.found !== r.label);

describe('SMART corpus', () => {
  it('has enough goals as workers write them, good and flawed, in both languages', () => {
    expect(SPANISH_GOALS.length).toBeGreaterThanOrEqual(65);
    expect(ENGLISH_GOALS.length).toBeGreaterThanOrEqual(33);
    for (const [, goals] of CORPUS) {
      expect(goals.filter((g) => g.label === 'ready').length).toBeGreaterThanOrEqual(10);
      expect(new Set(goals.map((g) => g.label)).size).toBeGreaterThanOrEqual(8);
    }
    expect(new Set(results.map((r) => `${r.lang}:${r.text}`)).size).toBe(results.length);
  });

  it('accepts no flawed goal, coaches at most one good goal, and names the label’s criterion', () => {
    console.info(
      [
        `SMART corpus: ${results.length} goals (${SPANISH_GOALS.length} es, ${ENGLISH_GOALS.length} en)`,
        `  flawed accepted: ${flawedAccepted.length}/${flawed.length}`,
        `  good coached: ${goodCoached.length}/${good.length}`,
        `  flawed caught by another criterion than labelled: ${mislabelled.length}/${flawed.length}`,
        ...[...flawedAccepted, ...goodCoached, ...mislabelled].map((r) => `  ${r.lang} «${r.text}»: labelled ${r.label}, found ${r.found}`),
      ].join('\n'),
    );
    expect(flawedAccepted.map((r) => r.text)).toEqual([]);
    expect(goodCoached.length).toBeLessThanOrEqual(1);
    expect(mislabelled.map((r) => `${r.text}: ${r.found}`)).toEqual([]);
  });
});
