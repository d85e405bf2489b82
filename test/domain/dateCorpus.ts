// The shape of the date corpora: what a caseworker types and the day (and time) it means.

/** Monday 2 March 2026, 10:00 in Madrid: the «now» every expression is read against unless it says otherwise. */
export const CORPUS_NOW = '2026-03-02T09:00:00Z';
export const CORPUS_ZONE = 'Europe/Madrid';

export interface DateExpression {
  text: string;
  /** `YYYY-MM-DD`, `YYYY-MM-DD HH:MM` when a time is typed, or the refusal expected. */
  expected: string | 'noSuchDay' | 'weekdayMismatch' | 'notADate';
  /** Where the answer goes: a contact's date looks back, a due date ahead. */
  lean: 'future' | 'past';
  now?: string;
  zone?: string;
}

/** Builds entries from `[text, expected]` pairs sharing a lean and, optionally, a «now» and zone. */
export function expressions(lean: 'future' | 'past', pairs: [string, string][], at: { now?: string; zone?: string } = {}): DateExpression[] {
  return pairs.map(([text, expected]) => ({ text, expected, lean, ...at }));
}
