import { describe, expect, it } from 'vitest';
import { allMessages, matchesWord, t } from '../../src/i18n/catalog.js';
import { englishSyllables, fernandezHuerta, fleschReadingEase, spanishSyllables } from '../support/readability.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogs', () => {
  const { es, en } = allMessages();

  it('have the same keys in Spanish and English', () => {
    expect([...en.keys()].sort()).toEqual([...es.keys()].sort());
  });

  it('use the same placeholders in both languages, and no message is empty', () => {
    for (const [key, spanish] of es) {
      const english = en.get(key)!;
      expect(placeholders(english), key).toEqual(placeholders(spanish));
      expect(spanish.trim(), key).not.toBe('');
      expect(english.trim(), key).not.toBe('');
    }
  });

  it('fill placeholders and leave unknown ones visible', () => {
    expect(t('es', 'common.errorInteger', { min: 1, max: 5 })).toBe('Escribe un número entero entre 1 y 5.');
    expect(t('en', 'common.errorInteger', { min: 1 })).toContain('{max}');
  });

  it('match command words in either language, ignoring accents and case', () => {
    expect(matchesWord('  CANCELAR ', 'common.cancelWords')).toBe(true);
    expect(matchesWord('Sí', 'common.yesWords')).toBe(true);
    expect(matchesWord('si', 'common.yesWords')).toBe(true);
    expect(matchesWord('cancelo', 'common.cancelWords')).toBe(false);
  });
});

describe('client messages read easily (SPEC §7)', () => {
  // Placeholders stand for short everyday words, as the real values mostly are.
  const clientText = (messages: ReadonlyMap<string, string>) =>
    [...messages]
      .filter(([key]) => key.startsWith('client'))
      .map(([, text]) => text.replace(/\{\w+\}/g, 'hoy'))
      .join('\n');

  it('counts syllables the usual way', () => {
    expect(['casa', 'tarea', 'ayuda', 'bien', 'profesional', 'país'].map(spanishSyllables)).toEqual([2, 3, 3, 1, 4, 2]);
    expect(['task', 'worker', 'people', 'today', 'ask'].map(englishSyllables)).toEqual([1, 2, 2, 2, 1]);
  });

  it('scores a hard text lower than an easy one', () => {
    expect(fernandezHuerta('Hola. Te ayudo con tu plan.')).toBeGreaterThan(
      fernandezHuerta('La intervención socioeducativa individualizada requiere coordinación interinstitucional.'),
    );
    expect(fleschReadingEase('Hello. I help you with your plan.')).toBeGreaterThan(
      fleschReadingEase('Individualised socio-educational intervention requires interinstitutional coordination.'),
    );
  });

  it('Spanish client messages: Fernández-Huerta ≥ 80', () => {
    expect(fernandezHuerta(clientText(allMessages().es))).toBeGreaterThanOrEqual(80);
  });

  it('English client messages: Flesch Reading Ease ≥ 75', () => {
    expect(fleschReadingEase(clientText(allMessages().en))).toBeGreaterThanOrEqual(75);
  });
});
