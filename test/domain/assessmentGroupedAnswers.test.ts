import { describe, expect, it } from 'vitest';
import { readGroupedLines } from '../../src/domain/groupedAnswers.js';

const FIELDS = ['personal', 'family', 'community'];
const LABELS: Record<string, string> = { personal: 'personal', familia: 'family', comunidad: 'community' };
const fieldOfLabel = (label: string) => LABELS[label.trim().toLowerCase()];

describe('several answers in one message, one per line', () => {
  it('fills the questions in the order asked', () => {
    expect(readGroupedLines(['Constancia', 'Su hermana', 'no'], FIELDS, fieldOfLabel)).toEqual({
      ok: true,
      answers: { personal: 'Constancia', family: 'Su hermana', community: 'no' },
    });
  });

  it('fewer lines fill the first questions only', () => {
    expect(readGroupedLines(['Constancia', 'Su hermana'], FIELDS, fieldOfLabel)).toEqual({
      ok: true,
      answers: { personal: 'Constancia', family: 'Su hermana' },
    });
  });

  it('starts at the question asked when some were answered before', () => {
    expect(readGroupedLines(['Su hermana', 'Vecinas'], FIELDS.slice(1), fieldOfLabel)).toEqual({
      ok: true,
      answers: { family: 'Su hermana', community: 'Vecinas' },
    });
  });

  it('a labelled line goes to its question; unlabelled lines fill the others in order', () => {
    expect(readGroupedLines(['Comunidad: Vecinas', 'Constancia', 'familia:Su hermana'], FIELDS, fieldOfLabel)).toEqual({
      ok: true,
      answers: { community: 'Vecinas', personal: 'Constancia', family: 'Su hermana' },
    });
  });

  it('a colon after a word that is no label keeps the line whole', () => {
    expect(readGroupedLines(['Nota: es constante', 'Su hermana'], FIELDS, fieldOfLabel)).toEqual({
      ok: true,
      answers: { personal: 'Nota: es constante', family: 'Su hermana' },
    });
  });

  it('refuses more lines than questions left, saying how many of each', () => {
    expect(readGroupedLines(['a', 'b', 'c', 'd'], FIELDS, fieldOfLabel)).toEqual({ ok: false, lines: 4, left: 3 });
    expect(readGroupedLines(['a', 'b', 'c'], FIELDS.slice(1), fieldOfLabel)).toEqual({ ok: false, lines: 3, left: 2 });
  });
});
