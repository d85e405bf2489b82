// The progress chart's data: each rated domain at the first assessment against the latest.
import { describe, expect, it } from 'vitest';
import { caseProgress, domainsWithChange } from '../../src/domain/progressChart.js';
import { LIFE_DOMAINS, type Assessment } from '../../src/domain/schemas.js';
import { makeAssessment, makeCase } from './fixtures.js';

const first = (ratings: Assessment['ratings'], overrides: Partial<Assessment> = {}) =>
  makeAssessment({ id: 'A-FIRST', ratings, startedAt: '2027-01-04T09:30:00+01:00', completedAt: '2027-01-05T10:00:00+01:00', ...overrides });
const later = (id: string, day: string, ratings: Assessment['ratings']) =>
  makeAssessment({ id, kind: 'reassessment', ratings, startedAt: `${day}T09:30:00+02:00` });

describe('caseProgress', () => {
  it('is undefined before any assessment, or when no assessment rates a domain', () => {
    expect(caseProgress(makeCase())).toBeUndefined();
    expect(caseProgress(makeCase({ assessments: [first({ income: null, housing: null })] }))).toBeUndefined();
  });

  it('compares the first assessment with the latest, skipping the ones between', () => {
    const record = makeCase({
      assessments: [
        first({ income: 2, employment: 1, housing: 2, health: 4, food: 3 }),
        later('A-MIDDLE', '2027-02-10', { income: 5, employment: 5, housing: 5, health: 5, food: 5 }),
        later('A-LATEST', '2027-04-03', { income: 2, employment: 3, housing: 4, health: 3, food: 3 }),
      ],
    });
    const progress = caseProgress(record);
    expect(progress?.firstDate).toBe('2027-01-05');
    expect(progress?.latestDate).toBe('2027-04-03');
    expect(progress?.domains).toEqual([
      { domain: 'income', first: 2, latest: 2, change: 'same' },
      { domain: 'employment', first: 1, latest: 3, change: 'better' },
      { domain: 'housing', first: 2, latest: 4, change: 'better' },
      { domain: 'food', first: 3, latest: 3, change: 'same' },
      { domain: 'health', first: 4, latest: 3, change: 'worse' },
    ]);
  });

  it('marks domains rated only once as new or dropped, and leaves out those never rated', () => {
    const record = makeCase({
      assessments: [first({ income: 2, housing: null, legal: 3 }), later('A-LATEST', '2027-04-03', { income: 3, housing: 2, legal: null })],
    });
    const progress = caseProgress(record);
    expect(progress?.domains).toEqual([
      { domain: 'income', first: 2, latest: 3, change: 'better' },
      { domain: 'housing', first: undefined, latest: 2, change: 'new' },
      { domain: 'legal', first: 3, latest: undefined, change: 'dropped' },
    ]);
    expect(progress?.leftOut).toEqual(LIFE_DOMAINS.filter((domain) => !['income', 'housing', 'legal'].includes(domain)));
  });

  it('with a single assessment shows one series and no latest date', () => {
    const progress = caseProgress(makeCase({ assessments: [first({ income: 2, employment: null, food: 4 })] }));
    expect(progress?.latestDate).toBeUndefined();
    expect(progress?.domains).toEqual([
      { domain: 'income', first: 2, latest: undefined, change: 'single' },
      { domain: 'food', first: 4, latest: undefined, change: 'single' },
    ]);
    expect(progress?.leftOut).toHaveLength(LIFE_DOMAINS.length - 2);
  });

  it('passes over an assessment with every domain n/a when choosing the latest', () => {
    const record = makeCase({
      assessments: [first({ income: 2 }), later('A-LATEST', '2027-04-03', { income: 4 }), later('A-EMPTY', '2027-05-01', { income: null })],
    });
    const progress = caseProgress(record);
    expect(progress?.latestDate).toBe('2027-04-03');
    expect(progress?.domains).toEqual([{ domain: 'income', first: 2, latest: 4, change: 'better' }]);
  });

  it('keeps every domain of a full assessment, in the order of the life domains', () => {
    const full = Object.fromEntries(LIFE_DOMAINS.map((domain, index) => [domain, (index % 5) + 1]));
    const progress = caseProgress(makeCase({ assessments: [first(full), later('A-LATEST', '2027-04-03', full)] }));
    expect(progress?.domains.map((entry) => entry.domain)).toEqual([...LIFE_DOMAINS]);
    expect(progress && domainsWithChange(progress, 'same')).toHaveLength(LIFE_DOMAINS.length);
    expect(progress?.leftOut).toEqual([]);
  });
});
