// Assessment (valoración): needs, the support intensity that follows the deficit, and the
// change between one assessment and the next.
import { defaultConfig, type PracticeConfig } from './config.js';
import { reviewDayAfter } from './review.js';
import { LIFE_DOMAINS, type Assessment, type DomainLevel, type Intensity, type LifeDomain } from './schemas.js';

export type Ratings = Assessment['ratings'];

/** Levels at or below this are needs a SMART goal can address (SPEC §2.3). */
export const NEED_MAX_LEVEL = 3;
const CRISIS_LEVEL = 1;
const VULNERABLE_LEVEL = 2;
const SAFE_LEVEL = 3;
/** This many domains just at "safe" add up to a deficit that calls for moderate support. */
const SAFE_DOMAINS_FOR_MODERATE = 3;

export interface Need {
  domain: LifeDomain;
  level: number;
}

/** The rated levels (n/a and unasked domains left out), in LIFE_DOMAINS order. */
function ratedLevels(ratings: Ratings): Need[] {
  return LIFE_DOMAINS.flatMap((domain) => {
    const level = ratings[domain];
    return typeof level === 'number' ? [{ domain, level }] : [];
  });
}

/** Domains rated ≤ 3, most pressing first; ties keep LIFE_DOMAINS order. */
export function needs(assessment: Pick<Assessment, 'ratings'>): Need[] {
  return ratedLevels(assessment.ratings)
    .filter((rated) => rated.level <= NEED_MAX_LEVEL)
    .sort((a, b) => a.level - b.level);
}

/**
 * Support intensity follows the deficit:
 * - intensive: any domain in crisis (1), or a safety concern whatever the levels;
 * - moderate: any domain vulnerable (2), or three or more domains only just safe (3);
 * - basic: everything else, including an assessment with every domain not applicable.
 */
export function recommendIntensity(ratings: Ratings, safetyConcern: boolean | undefined): Intensity {
  const levels = ratedLevels(ratings).map((rated) => rated.level);
  if (safetyConcern || levels.includes(CRISIS_LEVEL)) return 'intensive';
  const safeCount = levels.filter((level) => level === SAFE_LEVEL).length;
  if (levels.includes(VULNERABLE_LEVEL) || safeCount >= SAFE_DOMAINS_FOR_MODERATE) return 'moderate';
  return 'basic';
}

/** LIFE_DOMAINS not asked yet (an assessment done in parts); n/a counts as asked. */
export function unratedDomains(assessment: Pick<Assessment, 'ratings'>): LifeDomain[] {
  return LIFE_DOMAINS.filter((domain) => assessment.ratings[domain] === undefined);
}

/** At least one strength (personal, family or community) written down. */
export function hasStrengths(assessment: Pick<Assessment, 'strengths'>): boolean {
  return Object.values(assessment.strengths).some((text) => typeof text === 'string' && text.trim() !== '');
}

/** Every domain rated or marked n/a, and strengths given. */
export function isAssessmentComplete(assessment: Pick<Assessment, 'ratings' | 'strengths'>): boolean {
  return unratedDomains(assessment).length === 0 && hasStrengths(assessment);
}

/**
 * The assessment with its recommendation set: intensity, contact frequency and the next
 * review date counted from `today` (`YYYY-MM-DD`). `completedAt` is stamped when given.
 * Throws on an incomplete draft: a partial assessment must not set the case's intensity.
 */
export function completeAssessment(draft: Assessment, today: string, config: PracticeConfig = defaultConfig, completedAt?: string): Assessment {
  if (!isAssessmentComplete(draft)) {
    const missing = unratedDomains(draft);
    throw new Error(`Assessment ${draft.id} is incomplete: ${missing.length} domain(s) unrated${hasStrengths(draft) ? '' : ', no strengths'}`);
  }
  const intensity = recommendIntensity(draft.ratings, draft.safetyConcern);
  const defaults = config.intensity[intensity];
  return {
    ...draft,
    ...(completedAt ? { completedAt } : {}),
    intensity,
    contactEveryDays: defaults.contactEveryDays,
    nextReviewDate: reviewDayAfter(today, defaults.reviewAfterDays),
  };
}

export type EscalationReason = 'domainCrisis' | 'safetyConcern';

/** Why this assessment must alert the supervisor (SPEC §4); empty when it need not. */
export function escalationReasons(assessment: Pick<Assessment, 'ratings' | 'safetyConcern'>): EscalationReason[] {
  const reasons: EscalationReason[] = [];
  if (ratedLevels(assessment.ratings).some((rated) => rated.level === CRISIS_LEVEL)) reasons.push('domainCrisis');
  if (assessment.safetyConcern) reasons.push('safetyConcern');
  return reasons;
}

export type DomainChange = 'better' | 'worse' | 'same' | 'new' | 'notApplicable';

export interface DomainComparison {
  domain: LifeDomain;
  /** undefined: not asked; null: not applicable. */
  before: DomainLevel | undefined;
  after: DomainLevel | undefined;
  change: DomainChange;
}

function changeBetween(before: DomainLevel | undefined, after: DomainLevel | undefined): DomainChange {
  if (typeof after !== 'number') return 'notApplicable';
  if (typeof before !== 'number') return 'new';
  if (after > before) return 'better';
  if (after < before) return 'worse';
  return 'same';
}

/**
 * The change per domain from `previous` to `current`, in LIFE_DOMAINS order. A domain
 * rated now but not before (unasked or n/a) is 'new'; one n/a or unasked now is
 * 'notApplicable'. Domains asked in neither assessment are left out. Without a previous
 * assessment every rated domain is 'new'.
 */
export function compareAssessments(previous: Pick<Assessment, 'ratings'> | undefined, current: Pick<Assessment, 'ratings'>): DomainComparison[] {
  const before: Ratings = previous?.ratings ?? {};
  return LIFE_DOMAINS.filter((domain) => before[domain] !== undefined || current.ratings[domain] !== undefined).map((domain) => ({
    domain,
    before: before[domain],
    after: current.ratings[domain],
    change: changeBetween(before[domain], current.ratings[domain]),
  }));
}
