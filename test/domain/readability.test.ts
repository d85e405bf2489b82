import { describe, expect, it } from 'vitest';
import { fernandezHuerta, fleschReadingEase, HARD_TO_READ_BELOW, longWords, readingEase, readsHard } from '../../src/domain/readability.js';

describe('readability of texts workers type for clients', () => {
  it('finds «Pedir el certificado de empadronamiento en la junta municipal» hard, and shows its long words', () => {
    const text = 'Pedir el certificado de empadronamiento en la junta municipal';
    expect(readingEase(text, 'es')).toBeLessThan(HARD_TO_READ_BELOW);
    expect(readingEase(text, 'es')).toBe(fernandezHuerta(text));
    expect(readsHard(text, 'es')).toBe(true);
    expect(longWords(text, 'es')).toEqual(['empadronamiento', 'certificado', 'municipal']);
  });

  it('finds everyday Spanish words easy', () => {
    for (const text of [
      'Pedir el papel del padrón en la junta',
      'Llamar a la trabajadora social el lunes',
      'Ana enviará 3 currículos por semana hasta el 31 de enero',
    ]) {
      expect(readsHard(text, 'es'), text).toBe(false);
    }
  });

  it('scores English with Flesch Reading Ease', () => {
    const hard = 'Obtain the municipal registration certificate from the administrative office';
    expect(readingEase(hard, 'en')).toBe(fleschReadingEase(hard));
    expect(readsHard(hard, 'en')).toBe(true);
    expect(longWords(hard, 'en').slice(0, 2)).toEqual(['administrative', 'registration']);
    expect(readsHard('Get the paper that shows where you live from the town hall', 'en')).toBe(false);
  });

  it('judges a text of a few words by its longest word, not by the formula', () => {
    expect(readsHard('obtener vivienda', 'es')).toBe(false);
    expect(readsHard('solicitar empadronamiento', 'es')).toBe(true);
    expect(readsHard('look for a job', 'en')).toBe(false);
    expect(readsHard('submit application', 'en')).toBe(true);
    expect(readsHard('', 'es')).toBe(false);
  });

  it('shows the longest words when none has three syllables', () => {
    expect(longWords('go to the shop', 'en', 2)).toEqual(['shop', 'the']);
  });
});
