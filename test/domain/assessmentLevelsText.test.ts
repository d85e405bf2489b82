import { describe, expect, it } from 'vitest';
import type { Ratings } from '../../src/domain/assessment.js';
import { readLevels, type LevelsQuestion } from '../../src/domain/levelsText.js';
import { LIFE_DOMAINS, type LifeDomain } from '../../src/domain/schemas.js';

const ALL: LevelsQuestion = { domains: LIFE_DOMAINS };

function levels(typed: string, question: LevelsQuestion = ALL): Ratings {
  const read = readLevels(typed, question);
  if (!read.ok) throw new Error(`not read: ${JSON.stringify(read.error)}`);
  return read.levels;
}

function error(typed: string, question: LevelsQuestion = ALL) {
  const read = readLevels(typed, question);
  if (read.ok) throw new Error(`read unexpectedly: ${JSON.stringify(read.levels)}`);
  return read.error;
}

/** Every domain at `level`, with some overridden. */
function every(level: number | null, overrides: Ratings = {}): Ratings {
  return { ...Object.fromEntries(LIFE_DOMAINS.map((domain) => [domain, level])), ...overrides };
}

describe('levels in one message: named domains', () => {
  it('reads «ingresos 2, empleo 1, vivienda 1, resto 3»', () => {
    expect(levels('ingresos 2, empleo 1, vivienda 1, resto 3')).toEqual(every(3, { income: 2, employment: 1, housing: 1 }));
  });

  it('reads names without commas, n/a among them', () => {
    expect(levels('ingresos 3 empleo 3 vivienda 2 consumo n/a resto 4')).toEqual(every(4, { income: 3, employment: 3, housing: 2, substanceUse: null }));
  });

  it('forgives accents, case, synonyms and separators', () => {
    expect(levels('Salud Mental: 2; ADICCIONES - ; Familia=4; red 5; justicia 3. Autonomía 1 · hijos n/a')).toEqual({
      mentalHealth: 2,
      substanceUse: null,
      familyRelations: 4,
      socialSupport: 5,
      legal: 3,
      dailyLiving: 1,
      childcare: null,
    });
    expect(levels('mental 2, consumo 3, apoyo social 4, legal 2, vida diaria 5, crianza 4, alimentación 3, educación 2')).toEqual({
      mentalHealth: 2,
      substanceUse: 3,
      socialSupport: 4,
      legal: 2,
      dailyLiving: 5,
      childcare: 4,
      food: 3,
      education: 2,
    });
  });

  it('tells «salud» from «salud mental» and «seguro» (a level) from «seguridad» (a domain)', () => {
    expect(levels('salud 4, salud mental 2')).toEqual({ health: 4, mentalHealth: 2 });
    expect(levels('seguridad seguro, vivienda en crisis')).toEqual({ safety: 3, housing: 1 });
  });

  it('reads level names, «no aplica» and «y» between domains', () => {
    expect(levels('vivienda vulnerable y empleo empoderado, salud no aplica')).toEqual({ housing: 2, employment: 5, health: null });
    expect(levels('ingresos y empleo 2')).toEqual({ income: 2, employment: 2 });
  });

  it('reads English names and words', () => {
    expect(levels('income 3 employment 3 housing 2 substance use n/a rest 4')).toEqual(every(4, { income: 3, employment: 3, housing: 2, substanceUse: null }));
    expect(levels('Mental health: vulnerable, family 4, parenting not applicable, daily living 5, the rest safe')).toEqual(
      every(3, { mentalHealth: 2, familyRelations: 4, childcare: null, dailyLiving: 5 }),
    );
  });

  it('a partial answer gives only the domains named', () => {
    expect(levels('ingresos 2, empleo 1')).toEqual({ income: 2, employment: 1 });
  });

  it('«el resto» leaves the domains already answered as they are', () => {
    expect(levels('los demás 4', { domains: LIFE_DOMAINS, given: { income: 2, employment: 1 } })).toEqual(
      Object.fromEntries(LIFE_DOMAINS.filter((d) => d !== 'income' && d !== 'employment').map((d) => [d, 4])),
    );
  });
});

describe('levels in one message: bare levels in order', () => {
  it('reads the 15 levels with spaces or commas, and every way of saying not applicable', () => {
    const expected = every(4, { income: 3, employment: 3, housing: 2, mentalHealth: 3, substanceUse: null, familyRelations: 5, dailyLiving: 5 });
    expect(levels('3 3 2 4 4 3 n/a 4 5 4 4 4 5 4 4')).toEqual(expected);
    expect(levels('3, 3, 2, 4, 4, 3, -, 4, 5, 4, 4, 4, 5, 4, 4')).toEqual(expected);
    expect(levels('3,3,2,4,4,3,na,4,5,4,4,4,5,4,4')).toEqual(expected);
    expect(levels('3 3 2 4 4 3 no aplica 4 5 4 4 4 5 4 4')).toEqual(expected);
  });

  it('gives one level per asked domain, in the order asked', () => {
    const domains: LifeDomain[] = ['income', 'employment', 'housing', 'mentalHealth'];
    expect(levels('4 2 3 n/a', { domains })).toEqual({ income: 4, employment: 2, housing: 3, mentalHealth: null });
  });
});

describe('levels in one message: «igual» in a review', () => {
  const before: Ratings = { income: 3, employment: 2, housing: 2, mentalHealth: 4 };
  const review: LevelsQuestion = { domains: ['income', 'employment', 'housing', 'mentalHealth'], before };

  it('«igual salvo empleo 3» keeps the rest as before', () => {
    expect(levels('igual salvo empleo 3', review)).toEqual({ ...before, employment: 3 });
  });

  it('«todo igual excepto vivienda 3, empleo 4», «todo igual» and «same except housing 3»', () => {
    expect(levels('todo igual excepto vivienda 3, empleo 4', review)).toEqual({ ...before, housing: 3, employment: 4 });
    expect(levels('todo igual', review)).toEqual(before);
    expect(levels('Same except housing 3', review)).toEqual({ ...before, housing: 3 });
    expect(levels('all the same except housing 3', review)).toEqual({ ...before, housing: 3 });
  });

  it('«igual» as a level keeps that domain, in a list or after a name', () => {
    expect(levels('igual igual 3 n/a', review)).toEqual({ income: 3, employment: 2, housing: 3, mentalHealth: null });
    expect(levels('ingresos igual, resto 5', review)).toEqual({ income: 3, employment: 5, housing: 5, mentalHealth: 5 });
  });

  it('a domain not re-rated before can be given a level too', () => {
    expect(levels('igual salvo alimentación 3', review)).toEqual({ ...before, food: 3 });
  });
});

describe('levels in one message: refusals say what is wrong', () => {
  it('is not a list: one level, one word, «igual» alone', () => {
    expect(error('3')).toEqual({ code: 'notAList' });
    expect(error('7')).toEqual({ code: 'notAList' });
    expect(error('tal vez')).toEqual({ code: 'notAList' });
    expect(error('igual', { domains: ['income'], before: { income: 3 } })).toEqual({ code: 'notAList' });
  });

  it('a level out of the scale', () => {
    expect(error('ingresos 7, empleo 2')).toEqual({ code: 'badLevel', token: '7' });
    expect(error('3 3 2 4 4 3 n/a 4 5 4 4 4 5 4 0')).toEqual({ code: 'badLevel', token: '0' });
    expect(error('3 3 2 4 4 3 tal 4 5 4 4 4 5 4 4')).toEqual({ code: 'badLevel', token: 'tal' });
  });

  it('an unknown domain name', () => {
    expect(error('ingresos 2, ocio 3')).toEqual({ code: 'unknownDomain', token: 'ocio' });
    expect(error('income 2, leisure 3')).toEqual({ code: 'unknownDomain', token: 'leisure' });
    expect(error('igual salvo ocio 3', { domains: ['income'], before: { income: 3 } })).toEqual({ code: 'unknownDomain', token: 'ocio' });
  });

  it('14 levels (or 16) where 15 are needed', () => {
    expect(error('3 3 2 4 4 3 n/a 4 5 4 4 4 5 4')).toEqual({ code: 'count', given: 14, expected: 15 });
    expect(error('3 3 2 4 4 3 n/a 4 5 4 4 4 5 4 4 4')).toEqual({ code: 'count', given: 16, expected: 15 });
  });

  it('a domain without a level, a level without a domain, a domain twice', () => {
    expect(error('ingresos 2, vivienda')).toEqual({ code: 'missingLevel', domain: 'housing' });
    expect(error('ingresos 2, resto')).toEqual({ code: 'missingLevel', domain: 'rest' });
    expect(error('ingresos 2 3')).toEqual({ code: 'levelWithoutDomain', token: '3' });
    expect(error('vivienda 2, casa 3')).toEqual({ code: 'repeated', domain: 'housing' });
    expect(levels('vivienda 2, casa 2')).toEqual({ housing: 2 });
  });

  it('«igual» outside a review', () => {
    expect(error('igual salvo empleo 3')).toEqual({ code: 'sameWithoutBefore' });
  });
});
