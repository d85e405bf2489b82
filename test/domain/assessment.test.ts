import { describe, expect, it } from 'vitest';
import {
  compareAssessments,
  completeAssessment,
  escalationReasons,
  hasStrengths,
  isAssessmentComplete,
  needs,
  recommendIntensity,
  unratedDomains,
  type Ratings,
} from '../../src/domain/assessment.js';
import { defaultConfig, type PracticeConfig } from '../../src/domain/config.js';
import { LIFE_DOMAINS, type DomainLevel } from '../../src/domain/schemas.js';
import { makeAssessment } from './fixtures.js';

/** Every life domain at the same level, with some overridden. */
function ratingsAll(level: DomainLevel, overrides: Ratings = {}): Ratings {
  return { ...Object.fromEntries(LIFE_DOMAINS.map((domain) => [domain, level])), ...overrides };
}

const withStrengths = { strengths: { personal: 'Resiliente, busca ayuda' } };

describe('needs', () => {
  it('lists domains rated 3 or lower, lowest level first', () => {
    const assessment = makeAssessment({ ratings: { income: 3, housing: 1, food: 5, health: 2, legal: 4 } });
    expect(needs(assessment)).toEqual([
      { domain: 'housing', level: 1 },
      { domain: 'health', level: 2 },
      { domain: 'income', level: 3 },
    ]);
  });

  it('keeps the life-domain order among equal levels', () => {
    const assessment = makeAssessment({ ratings: { safety: 2, income: 2, housing: 2 } });
    expect(needs(assessment).map((need) => need.domain)).toEqual(['income', 'housing', 'safety']);
  });

  it('has no needs when every domain is not applicable', () => {
    expect(needs(makeAssessment({ ratings: ratingsAll(null) }))).toEqual([]);
  });
});

describe('recommendIntensity', () => {
  it('makes a single domain in crisis intensive, even with everything else at 5', () => {
    expect(recommendIntensity(ratingsAll(5, { mobility: 1 }), false)).toBe('intensive');
  });

  it('makes a safety concern intensive with every domain empowered', () => {
    expect(recommendIntensity(ratingsAll(5), true)).toBe('intensive');
  });

  it('recommends moderate for any vulnerable domain', () => {
    expect(recommendIntensity(ratingsAll(5, { food: 2 }), false)).toBe('moderate');
  });

  it('recommends moderate from three domains at 3, basic from two', () => {
    expect(recommendIntensity(ratingsAll(4, { income: 3, housing: 3, health: 3 }), false)).toBe('moderate');
    expect(recommendIntensity(ratingsAll(4, { income: 3, housing: 3 }), false)).toBe('basic');
  });

  it('recommends basic when every domain is not applicable', () => {
    expect(recommendIntensity(ratingsAll(null), undefined)).toBe('basic');
  });

  it('does not count not-applicable domains as a deficit', () => {
    expect(recommendIntensity(ratingsAll(null, { income: 4 }), false)).toBe('basic');
  });
});

describe('assessment in parts', () => {
  it('lists the domains not asked yet, n/a counting as asked', () => {
    const ratings = ratingsAll(4, { safety: null });
    delete ratings.housing;
    delete ratings.legal;
    expect(unratedDomains(makeAssessment({ ratings }))).toEqual(['housing', 'legal']);
  });

  it('lists every domain for a fresh draft', () => {
    expect(unratedDomains(makeAssessment())).toEqual([...LIFE_DOMAINS]);
  });

  it('is complete with every domain rated or n/a and a strength written', () => {
    expect(isAssessmentComplete(makeAssessment({ ratings: ratingsAll(null), ...withStrengths }))).toBe(true);
  });

  it('is not complete with a domain missing', () => {
    const ratings = ratingsAll(3);
    delete ratings.childcare;
    expect(isAssessmentComplete(makeAssessment({ ratings, ...withStrengths }))).toBe(false);
  });

  it('is not complete without strengths, blank ones included', () => {
    expect(isAssessmentComplete(makeAssessment({ ratings: ratingsAll(3) }))).toBe(false);
    expect(hasStrengths(makeAssessment({ strengths: { personal: '  ', family: '' } }))).toBe(false);
    expect(hasStrengths(makeAssessment({ strengths: { community: 'Parroquia del barrio' } }))).toBe(true);
  });
});

describe('completeAssessment', () => {
  it('sets intensity, contact frequency and review date from the defaults', () => {
    const draft = makeAssessment({ ratings: ratingsAll(4, { housing: 1 }), ...withStrengths });
    const done = completeAssessment(draft, '2027-01-31', defaultConfig, '2027-01-31T11:00:00+01:00');
    expect(done.intensity).toBe('intensive');
    expect(done.contactEveryDays).toBe(7);
    // 30 days after 31 January 2027 (February has 28 days) is 2 March.
    expect(done.nextReviewDate).toBe('2027-03-02');
    expect(done.completedAt).toBe('2027-01-31T11:00:00+01:00');
    expect(done.ratings).toEqual(draft.ratings);
  });

  it('uses the moderate and basic defaults', () => {
    const moderate = completeAssessment(makeAssessment({ ratings: ratingsAll(4, { food: 2 }), ...withStrengths }), '2027-01-01');
    expect([moderate.intensity, moderate.contactEveryDays, moderate.nextReviewDate]).toEqual(['moderate', 21, '2027-04-01']);
    const basic = completeAssessment(makeAssessment({ ratings: ratingsAll(null), ...withStrengths }), '2027-01-01');
    expect([basic.intensity, basic.contactEveryDays, basic.nextReviewDate]).toEqual(['basic', 30, '2027-06-30']);
  });

  it('follows an overridden configuration', () => {
    const config: PracticeConfig = {
      ...defaultConfig,
      intensity: { ...defaultConfig.intensity, basic: { contactEveryDays: 14, reviewAfterDays: 10, monthlyMinutesPerCase: 60 } },
    };
    const done = completeAssessment(makeAssessment({ ratings: ratingsAll(5), ...withStrengths }), '2027-01-01', config);
    expect([done.contactEveryDays, done.nextReviewDate]).toEqual([14, '2027-01-11']);
  });

  it('keeps the draft unchanged', () => {
    const draft = makeAssessment({ ratings: ratingsAll(5), ...withStrengths });
    completeAssessment(draft, '2027-01-01');
    expect(draft.intensity).toBeUndefined();
  });

  it('refuses an incomplete draft', () => {
    expect(() => completeAssessment(makeAssessment({ ratings: { housing: 1 }, ...withStrengths }), '2027-01-01')).toThrow(/incomplete/);
    expect(() => completeAssessment(makeAssessment({ ratings: ratingsAll(4) }), '2027-01-01')).toThrow(/strengths/);
  });
});

describe('escalationReasons', () => {
  it('is empty for an assessment without crisis or safety concern', () => {
    expect(escalationReasons(makeAssessment({ ratings: ratingsAll(2), safetyConcern: false }))).toEqual([]);
  });

  it('names a domain in crisis', () => {
    expect(escalationReasons(makeAssessment({ ratings: { housing: 1 } }))).toEqual(['domainCrisis']);
  });

  it('names a safety concern with every domain at 5', () => {
    expect(escalationReasons(makeAssessment({ ratings: ratingsAll(5), safetyConcern: true }))).toEqual(['safetyConcern']);
  });

  it('names both', () => {
    expect(escalationReasons(makeAssessment({ ratings: { safety: 1 }, safetyConcern: true }))).toEqual(['domainCrisis', 'safetyConcern']);
  });
});

describe('compareAssessments', () => {
  it('shows the change per domain on reassessment', () => {
    const previous = makeAssessment({ ratings: { income: 2, housing: 3, food: 4, health: null, legal: 2 } });
    const current = makeAssessment({ ratings: { income: 3, housing: 3, food: 2, health: 3, legal: null, childcare: 4 } });
    expect(compareAssessments(previous, current)).toEqual([
      { domain: 'income', before: 2, after: 3, change: 'better' },
      { domain: 'housing', before: 3, after: 3, change: 'same' },
      { domain: 'food', before: 4, after: 2, change: 'worse' },
      // n/a before, rated now: a new need to look at, not a change on a scale.
      { domain: 'health', before: null, after: 3, change: 'new' },
      { domain: 'legal', before: 2, after: null, change: 'notApplicable' },
      // not asked before
      { domain: 'childcare', before: undefined, after: 4, change: 'new' },
    ]);
  });

  it('marks every rated domain new without a previous assessment', () => {
    const changes = compareAssessments(undefined, makeAssessment({ ratings: { income: 2, food: null } }));
    expect(changes.map((c) => [c.domain, c.change])).toEqual([
      ['income', 'new'],
      ['food', 'notApplicable'],
    ]);
  });

  it('reports all domains not applicable when the new assessment marks everything n/a', () => {
    const changes = compareAssessments(makeAssessment({ ratings: ratingsAll(3) }), makeAssessment({ ratings: ratingsAll(null) }));
    expect(changes).toHaveLength(LIFE_DOMAINS.length);
    expect(new Set(changes.map((c) => c.change))).toEqual(new Set(['notApplicable']));
  });
});
