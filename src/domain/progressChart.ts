// A case's progress per life domain: the level at the first assessment against the latest
// (SPEC §2.2, «a reassessment shows the change»), the data behind the case view's chart and
// its text alternative.
import { LIFE_DOMAINS, type Assessment, type Case, type LifeDomain } from './schemas.js';

/**
 * better / worse / same: rated in both; new: rated only in the latest (n/a or unasked
 * before); dropped: rated only in the first (n/a or unasked now); single: the case has
 * one assessment, so there is nothing to compare with.
 */
export type ProgressChange = 'better' | 'worse' | 'same' | 'new' | 'dropped' | 'single';

export interface DomainProgress {
  domain: LifeDomain;
  /** The level at the first assessment; undefined when n/a or not asked then. */
  first: number | undefined;
  /** The level at the latest assessment; undefined when n/a or not asked, or with a single assessment. */
  latest: number | undefined;
  change: ProgressChange;
}

export interface CaseProgress {
  /** Day of the first assessment (`YYYY-MM-DD`). */
  firstDate: string;
  /** Day of the latest assessment; absent when the case has only one. */
  latestDate?: string;
  /** Domains rated in at least one of the two, in LIFE_DOMAINS order. */
  domains: DomainProgress[];
  /** Domains n/a or not asked in both: left out of the chart, counted in its text. */
  leftOut: LifeDomain[];
}

function levelOf(assessment: Pick<Assessment, 'ratings'>, domain: LifeDomain): number | undefined {
  const level = assessment.ratings[domain];
  return typeof level === 'number' ? level : undefined;
}

function hasRatedDomain(assessment: Pick<Assessment, 'ratings'>): boolean {
  return LIFE_DOMAINS.some((domain) => levelOf(assessment, domain) !== undefined);
}

/** The day an assessment was done: completion when stamped, else its start (as written, in the worker's offset). */
export function assessmentDay(assessment: Pick<Assessment, 'startedAt' | 'completedAt'>): string {
  return (assessment.completedAt ?? assessment.startedAt).slice(0, 10);
}

function changeBetween(first: number | undefined, latest: number | undefined): ProgressChange {
  if (first === undefined) return 'new';
  if (latest === undefined) return 'dropped';
  if (latest > first) return 'better';
  if (latest < first) return 'worse';
  return 'same';
}

/**
 * The first and latest assessments (in the order stored, oldest first) compared domain by
 * domain. Assessments with no domain rated (every one n/a) are passed over; undefined when
 * no assessment rates any domain, since there is nothing to draw.
 */
export function caseProgress(record: Pick<Case, 'assessments'>): CaseProgress | undefined {
  const rated = record.assessments.filter(hasRatedDomain);
  const first = rated[0];
  if (!first) return undefined;
  const latest = rated.length > 1 ? rated[rated.length - 1] : undefined;
  const domains: DomainProgress[] = [];
  const leftOut: LifeDomain[] = [];
  for (const domain of LIFE_DOMAINS) {
    const firstLevel = levelOf(first, domain);
    if (!latest) {
      if (firstLevel === undefined) leftOut.push(domain);
      else domains.push({ domain, first: firstLevel, latest: undefined, change: 'single' });
      continue;
    }
    const latestLevel = levelOf(latest, domain);
    if (firstLevel === undefined && latestLevel === undefined) leftOut.push(domain);
    else domains.push({ domain, first: firstLevel, latest: latestLevel, change: changeBetween(firstLevel, latestLevel) });
  }
  return { firstDate: assessmentDay(first), ...(latest ? { latestDate: assessmentDay(latest) } : {}), domains, leftOut };
}

/** The domains with a given change, in LIFE_DOMAINS order. */
export function domainsWithChange(progress: CaseProgress, change: ProgressChange): DomainProgress[] {
  return progress.domains.filter((entry) => entry.change === change);
}
