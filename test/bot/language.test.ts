import { describe, expect, it } from 'vitest';
import { guessLanguage } from '../../src/domain/language.js';

describe('language of a stranger message', () => {
  it('follows the words, then the locale, then Spanish', () => {
    expect(guessLanguage('hola, buenos días')).toBe('es');
    expect(guessLanguage('¿quién eres?')).toBe('es');
    expect(guessLanguage('hello there', 'es-ES')).toBe('en');
    expect(guessLanguage('ok', 'en-US')).toBe('en');
    expect(guessLanguage('ok')).toBe('es');
  });
});
