// Readability scores for the client messages (SPEC §7): Fernández-Huerta for Spanish,
// Flesch Reading Ease for English, over a body of text taken together.

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
