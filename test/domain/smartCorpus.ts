// A labelled set of goals as workers write them, and how the SMART checks read it.
import { checkSmartGoal, draftFromSentence, type SmartIssueCode } from '../../src/domain/smart.js';
import { LIFE_DOMAINS, type Language } from '../../src/domain/schemas.js';

export type CorpusLabel = SmartIssueCode | 'ready';

export interface CorpusGoal {
  text: string;
  /** The first thing a supervisor would question, or «ready». */
  label: CorpusLabel;
}

/** Monday 23 November 2026, 10:00 in Madrid. */
export const CORPUS_NOW = new Date('2026-11-23T09:00:00Z');

/**
 * The first gap the checks find in the sentence alone. Which need it answers is asked
 * apart (every domain counts as assessed here), and support and obstacles never block.
 */
export function firstGap(text: string, lang: Language): CorpusLabel {
  const reading = { lang, timeZone: 'Europe/Madrid', now: CORPUS_NOW };
  const draft = draftFromSentence(text, reading, lang === 'es' ? 'la persona usuaria' : 'the client', LIFE_DOMAINS);
  const issues = checkSmartGoal({ ...draft, domain: draft.domain ?? 'employment' }, { lang, today: '2026-11-23', needs: LIFE_DOMAINS });
  return issues[0]?.code ?? 'ready';
}
