import { describe, expect, it } from 'vitest';
import { casesNamed, nameWords } from '../../src/domain/caseNames.js';

const cases = [
  { id: 'A', client: { name: 'Carmen Ortega Ruiz' } },
  { id: 'B', client: { name: 'Carmen López' } },
  { id: 'C', client: { name: 'Ana' } },
  { id: 'D', client: { name: 'Anabel Núñez' } },
];
const FILLERS = new Set(['de', 'con', 'el', 'caso', 'la']);
const found = (typed: string) => casesNamed(cases, nameWords(typed, FILLERS)).map((c) => c.id);

describe('a case named by its client', () => {
  it('by a name, a surname or the start of one, without accents or capitals', () => {
    expect(found('ortega')).toEqual(['A']);
    expect(found('ORTEGA ruiz')).toEqual(['A']);
    expect(found('lopez')).toEqual(['B']);
    expect(found('carm lóp')).toEqual(['B']);
    expect(found('nuñez')).toEqual(['D']);
  });

  it('every word typed must be in the name; small words around it do not count', () => {
    expect(found('el caso de carmen ortega')).toEqual(['A']);
    expect(found('carmen perez')).toEqual([]);
    expect(found('de la')).toEqual([]);
  });

  it('several matches are all given; a name typed in full beats names it only starts', () => {
    expect(found('carmen')).toEqual(['A', 'B']);
    expect(found('ana')).toEqual(['C']);
    expect(found('an')).toEqual(['C', 'D']);
  });
});
