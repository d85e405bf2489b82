// Days that do not exist, found in the typed text before chrono reads it: chrono would roll
// «30 de febrero» into March or read «February 30» as February 2030.
import { daysInMonth } from './calendar.js';
import { ENGLISH_MONTHS } from './english.js';
import { SPANISH_MONTHS } from './spanish.js';

export interface ImpossibleDate {
  day: number;
  /** As typed: above 12 when the month itself does not exist. */
  month: number;
}

const names = (months: Record<string, number>) => Object.keys(months).join('|');
const ES = `(${names(SPANISH_MONTHS)})`;
const EN = `(${names(ENGLISH_MONTHS)})`;

/** Written forms that name a day and a month: [pattern, where the day is, where the month is, where the year is]. */
const FORMS: [RegExp, number, number, number][] = [
  [new RegExp(`\\b(\\d{1,2})\\s+de\\s+${ES}(?:\\s+(?:de|del)\\s+(\\d{4}))?`, 'g'), 1, 2, 3],
  [new RegExp(`\\b${ES}\\s+(\\d{1,2})\\b(?![:/.]?\\d)(?:\\s+(?:de|del)\\s+(\\d{4}))?`, 'g'), 2, 1, 3],
  [new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${EN}(?:,?\\s+(\\d{4}))?`, 'g'), 1, 2, 3],
  [new RegExp(`\\b${EN}\\s+(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\b(?!\\d)(?:,?\\s+(\\d{4}))?`, 'g'), 2, 1, 3],
  [/(?<![\d/-])(\d{1,2})[/-](\d{1,2})(?:[/-](\d{2,4}))?\b(?![/-]?\d)/g, 1, 2, 3],
  [/\b(\d{1,2})\.(\d{1,2})\.(\d{2,4})\b/g, 1, 2, 3],
  [/\b(\d{4})-(\d{1,2})-(\d{1,2})\b/g, 3, 2, 1],
];

const monthNumber = (text: string) => SPANISH_MONTHS[text] ?? ENGLISH_MONTHS[text] ?? Number(text);

/** The first day-and-month in `text` (lower case, no accents) that no calendar has. */
export function findImpossibleDate(text: string): ImpossibleDate | undefined {
  for (const [pattern, dayAt, monthAt, yearAt] of FORMS) {
    for (const match of text.matchAll(pattern)) {
      const day = Number(match[dayAt]);
      const month = monthNumber(match[monthAt] ?? '');
      const yearText = match[yearAt];
      const year = yearText ? Number(yearText.length === 2 ? `20${yearText}` : yearText) : 2024; // a leap year: 29 February may exist
      if (month < 1 || month > 12) return { day, month };
      if (day < 1 || day > daysInMonth(year, month)) return { day, month };
    }
  }
  return undefined;
}
