// The progress chart's text alternative, in Spanish and English.
import { describe, expect, it } from 'vitest';
import { joinWithAnd, progressSummary } from '../../src/app/progressText.js';
import { caseProgress, type CaseProgress } from '../../src/domain/progressChart.js';
import { LIFE_DOMAINS, type Assessment } from '../../src/domain/schemas.js';
import { makeAssessment, makeCase } from '../domain/fixtures.js';

const allAt = (level: number, overrides: Assessment['ratings'] = {}): Assessment['ratings'] => ({
  ...Object.fromEntries(LIFE_DOMAINS.map((domain) => [domain, level])),
  ...overrides,
});

function progressOf(...ratings: Assessment['ratings'][]): CaseProgress {
  const days = ['2027-01-04', '2027-04-03', '2027-07-01'];
  const assessments = ratings.map((levels, index) => makeAssessment({ id: `A-${index}`, ratings: levels, startedAt: `${days[index]}T09:30:00+01:00` }));
  const progress = caseProgress(makeCase({ assessments }));
  if (!progress) throw new Error('expected progress');
  return progress;
}

describe('progressSummary', () => {
  // Housing and employment better, health worse, the other 12 domains the same.
  const compared = progressOf(allAt(3, { housing: 2, employment: 1, health: 4 }), allAt(3, { housing: 4, employment: 3, health: 3 }));

  it('says in Spanish what got better, what stayed and what got worse', () => {
    expect(progressSummary(compared, 'es')).toBe(
      'Del 4 ene 2027 al 3 abr 2027: mejora en empleo (1 → 3) y vivienda (2 → 4); igual en 12 ámbitos; empeora en salud (4 → 3).',
    );
  });

  it('says the same in English', () => {
    expect(progressSummary(compared, 'en')).toBe(
      'From 4 Jan 2027 to 3 Apr 2027: better in employment (1 → 3) and housing (2 → 4); the same in 12 domains; worse in health (4 → 3).',
    );
  });

  it('names domains rated only once and counts the ones never rated', () => {
    const progress = progressOf({ income: 2, housing: null, legal: 3 }, { income: 2, housing: 2, legal: null });
    expect(progressSummary(progress, 'es')).toBe(
      'Del 4 ene 2027 al 3 abr 2027: igual en 1 ámbito; valorado por primera vez: vivienda (2); sin nivel en la última (no aplica o sin valorar): situación legal (3); 12 ámbitos no aplican o sin valorar.',
    );
    expect(progressSummary(progress, 'en')).toBe(
      'From 4 Jan 2027 to 3 Apr 2027: the same in 1 domain; rated for the first time: housing (2); no level in the latest (not applicable or not rated): legal (3); 12 domains not applicable or not rated.',
    );
  });

  it('with one assessment groups the domains by level', () => {
    const progress = progressOf(allAt(3, { housing: 1, employment: 2, income: 2, food: null }));
    expect(progressSummary(progress, 'es')).toBe(
      'Valoración del 4 ene 2027, todavía sin otra con la que comparar: 1 · en crisis: vivienda; 2 · vulnerable: ingresos y empleo; 3 · seguro: salud, salud mental, consumo, educación, familia, apoyo social, situación legal, seguridad, vida diaria, movilidad y crianza; 1 ámbito no aplica o sin valorar.',
    );
    expect(progressSummary(progress, 'en')).toMatch(
      /^Assessment of 4 Jan 2027, nothing to compare with yet: 1 · in crisis: housing; 2 · vulnerable: income and employment; 3 · safe: /,
    );
  });
});

describe('joinWithAnd', () => {
  it('joins with «y», turning it to «e» before an /i/ sound in Spanish', () => {
    expect(joinWithAnd(['vivienda', 'empleo', 'salud'], 'es')).toBe('vivienda, empleo y salud');
    expect(joinWithAnd(['vivienda', 'ingresos'], 'es')).toBe('vivienda e ingresos');
    expect(joinWithAnd(['vivienda', 'hijos'], 'es')).toBe('vivienda e hijos');
    expect(joinWithAnd(['housing', 'income'], 'en')).toBe('housing and income');
    expect(joinWithAnd(['salud'], 'es')).toBe('salud');
  });
});
