import { describe, expect, it } from 'vitest';
import { parseNaturalDate } from '../../src/domain/dates.js';
import { CORPUS_NOW, CORPUS_ZONE, type DateExpression } from './dateCorpus.js';
import { ENGLISH_CORPUS } from './dateCorpus.en.js';
import { SPANISH_CORPUS } from './dateCorpus.es.js';

const REQUIRED_SHARE = 0.95;

/** What the parser makes of an expression, written the way the corpus writes what it expects. */
function readAs(entry: DateExpression, lang: 'es' | 'en'): string {
  const reading = parseNaturalDate(entry.text, lang, entry.zone ?? CORPUS_ZONE, new Date(entry.now ?? CORPUS_NOW), entry.lean);
  if (!reading.ok) return reading.reason;
  return reading.time ? `${reading.date} ${reading.time}` : reading.date;
}

describe.each([
  ['es', SPANISH_CORPUS, 90],
  ['en', ENGLISH_CORPUS, 45],
] as const)('the %s date corpus', (lang, corpus, minimumSize) => {
  it(`holds at least ${minimumSize} expressions and reads at least ${REQUIRED_SHARE * 100}% of them right`, () => {
    expect(corpus.length).toBeGreaterThanOrEqual(minimumSize);
    const failures = corpus
      .map((entry) => ({ entry, got: readAs(entry, lang) }))
      .filter(({ entry, got }) => got !== entry.expected)
      .map(({ entry, got }) => `«${entry.text}» (${entry.lean}${entry.zone ? `, ${entry.zone}` : ''}): expected ${entry.expected}, got ${got}`);
    const right = corpus.length - failures.length;
    console.log(
      `${lang} date corpus: ${right}/${corpus.length} right (${((100 * right) / corpus.length).toFixed(1)}%)${failures.map((f) => `\n  ${f}`).join('')}`,
    );
    expect(right / corpus.length, `wrong readings:\n${failures.join('\n')}`).toBeGreaterThanOrEqual(REQUIRED_SHARE);
  });
});
