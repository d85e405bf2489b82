// Readability (SPEC §8): Fernández-Huerta for Spanish, Flesch Reading Ease for English, over
// a body of text taken together. Scores the bot's client messages and the texts workers
// type for clients (goal and task texts), which are reworded when they read hard.
import type { Language } from './schemas.js';

export interface TextCounts {
  words: number;
  sentences: number;
  syllables: number;
}

function countText(text: string, syllablesOf: (word: string) => number): TextCounts {
  const sentences = text
    .split(/[.!?¿¡:\n]+/)
    .map((s) => s.trim())
    .filter((s) => /\p{L}/u.test(s));
  const words = text.match(/\p{L}+(?:['’]\p{L}+)?/gu) ?? [];
  return { words: words.length, sentences: Math.max(1, sentences.length), syllables: words.reduce((sum, w) => sum + syllablesOf(w), 0) };
}

/** Spanish syllables: vowel groups, splitting strong-vowel pairs (hiatus) and accented weak vowels. */
export function spanishSyllables(word: string): number {
  // 'y' before a vowel is a consonant (ayuda); 'qu'/'gu' before e, i keep a silent u.
  const w = word
    .toLowerCase()
    .replace(/qu|gu(?=[eiéí])/g, 'q')
    .replace(/ü/g, 'u')
    .replace(/y(?=[aeiouáéíóú])/g, 'j');
  let count = 0;
  let previous = '';
  for (const char of w) {
    if (!/[aeiouáéíóúy]/.test(char) || (char === 'y' && previous === '')) {
      previous = char === 'y' ? previous : '';
      continue;
    }
    const strong = (c: string) => /[aeoáéíóú]/.test(c);
    // A new syllable unless this vowel joins the previous one in a diphthong.
    if (previous === '' || (strong(previous) && strong(char))) count++;
    previous = char;
  }
  return Math.max(1, count);
}

/** English syllables: vowel groups, less a silent final e, at least one. */
export function englishSyllables(word: string): number {
  const w = word.toLowerCase().replace(/[^a-z]/g, '');
  if (w.length <= 3) return 1;
  const trimmed = w.replace(/(?:[^laeiouy]es|ed|[^laeiouy]e)$/, '').replace(/^y/, '');
  return Math.max(1, (trimmed.match(/[aeiouy]{1,2}/g) ?? []).length);
}

/**
 * Fernández-Huerta in its corrected form (consistent with Flesch): 206.84 − 0.60 × syllables
 * per 100 words − 1.02 × words per sentence. The often-quoted "sentences per 100 words"
 * would make shorter sentences score as harder.
 */
export function fernandezHuerta(text: string): number {
  const c = countText(text, spanishSyllables);
  return 206.84 - 0.6 * ((c.syllables / c.words) * 100) - 1.02 * (c.words / c.sentences);
}

export function fleschReadingEase(text: string): number {
  const c = countText(text, englishSyllables);
  return 206.835 - 1.015 * (c.words / c.sentences) - 84.6 * (c.syllables / c.words);
}

/** How easy `text` reads in `lang`, 0–100 and beyond (higher is easier). */
export function readingEase(text: string, lang: Language): number {
  return lang === 'es' ? fernandezHuerta(text) : fleschReadingEase(text);
}

/** Below this a text a client will read is offered for rewording. */
export const HARD_TO_READ_BELOW = 50;

/**
 * Whether a text a client will read should be offered for plainer words. The formulas need
 * a sentence to work on: a text of a few words ("obtener vivienda") is hard only when one
 * of its words is very long ("empadronamiento", "administrative").
 */
export function readsHard(text: string, lang: Language): boolean {
  const words = text.match(/\p{L}+(?:['’]\p{L}+)?/gu) ?? [];
  if (words.length < SHORTEST_SCORED) {
    const syllablesOf = lang === 'es' ? spanishSyllables : englishSyllables;
    return words.some((word) => syllablesOf(word) >= (lang === 'es' ? 5 : 4));
  }
  return readingEase(text, lang) < HARD_TO_READ_BELOW;
}

/** Texts of fewer words are judged by their longest words, not by the formula. */
const SHORTEST_SCORED = 5;

/**
 * The words that make a text hard, to show the worker: those of three syllables or more,
 * longest first, or the longest words when there are none. At most `limit`, no repeats.
 */
export function longWords(text: string, lang: Language, limit = 5): string[] {
  const syllablesOf = lang === 'es' ? spanishSyllables : englishSyllables;
  const words = [...new Set(text.match(/\p{L}+(?:['’]\p{L}+)?/gu) ?? [])].map((word) => ({ word, syllables: syllablesOf(word) }));
  const long = words.filter((w) => w.syllables >= 3);
  const picked = (long.length > 0 ? long : words).sort((a, b) => b.syllables - a.syllables || b.word.length - a.word.length);
  return picked.slice(0, limit).map((w) => w.word);
}
