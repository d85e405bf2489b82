// One vocabulary in the Spanish screens (SPEC §7): no English words, one name per concept,
// no shell commands, and no number range to pick from a single option.
import { describe, expect, it } from 'vitest';
import { allMessages, t, type MessageKey } from '../../src/i18n/catalog.js';

/** Words a person types, accepted in either language: not shown as text. */
const isInputWords = (key: string) => /Words/.test(key);

/** What a Spanish screen shows: the message without its placeholders. */
const spanishScreens = () => [...allMessages().es].filter(([key]) => !isInputWords(key)).map(([key, text]) => [key, text.replace(/\{\w+\}/g, ' ')] as const);

/** English words that have a plain Spanish one («Teams» is a product name and stays). */
const ENGLISH = [
  'ok',
  'okay',
  'check-in',
  'check-ins',
  'checkin',
  'follow-up',
  'follow-ups',
  'followup',
  'advocacy',
  'brokerage',
  'broker',
  'caseload',
  'email',
  'e-mail',
  'link',
  'id',
  'staff',
  'feedback',
  'review',
  'assessment',
  'rating',
  'task',
  'goal',
  'online',
];

/** Other names for a concept that has one: the intensity, and the task's grado de logro. */
const SECOND_NAMES = ['intensidad alta', 'última valoración:', 'valoraciones seguidas', 'valoración(es)', 'valoración 4', 'escala de consecución'];

const wordsOf = (text: string) => text.toLowerCase().match(/[\p{L}\d]+(?:-[\p{L}\d]+)*/gu) ?? [];

describe('the Spanish catalog speaks one vocabulary', () => {
  it('finds the words it looks for, so the checks below can fail', () => {
    expect(wordsOf('Escribe «ok» o un check-in (advocacy)')).toEqual(expect.arrayContaining(['ok', 'check-in', 'advocacy']));
  });

  it('has no English words in what it shows', () => {
    const found = spanishScreens().flatMap(([key, text]) =>
      wordsOf(text)
        .filter((word) => ENGLISH.includes(word))
        .map((word) => `${key}: ${word}`),
    );
    expect(found).toEqual([]);
  });

  it('names the intensity and the task rating one way only', () => {
    const found = spanishScreens().flatMap(([key, text]) => SECOND_NAMES.filter((name) => text.toLowerCase().includes(name)).map((name) => `${key}: ${name}`));
    expect(found).toEqual([]);
  });

  it('speaks of the intensity as intensiva, moderada or básica', () => {
    for (const level of ['intensive', 'moderate', 'basic'] as const) {
      const names = (['caseload', 'assessment', 'review'] as const).map((area) => t('es', `${area}.intensity_${level}` as MessageKey));
      expect(new Set(names).size, level).toBe(1);
    }
    expect(t('es', 'caseload.intensity_intensive')).toBe('intensiva');
  });

  it('never tells anyone to type a shell command', () => {
    for (const lang of ['es', 'en'] as const) {
      const found = [...allMessages()[lang]].filter(([, text]) => /npm (run|start|test)|npx /.test(text)).map(([key]) => key);
      expect(found, lang).toEqual([]);
    }
  });

  it('offers «vale» where a default is kept, and still accepts «ok» typed', () => {
    expect(t('es', 'tasks.askSessions', { default: 4 })).toContain('«vale»');
    expect(t('es', 'review.askNextReview', { intensity: 'moderada', date: 'hoy' })).toContain('«vale»');
    expect(t('es', 'common.yesWords').split('|')).toEqual(expect.arrayContaining(['vale', 'ok']));
    expect(t('es', 'review.acceptWords').split('|')).toEqual(expect.arrayContaining(['vale', 'ok']));
  });
});

describe('a pick from a single option', () => {
  it('is never asked as a range «(1–1)»', () => {
    for (const lang of ['es', 'en'] as const) {
      for (const [key, template] of allMessages()[lang]) {
        if (!template.includes('{max}')) continue;
        const shown = t(lang, key as MessageKey, { min: 1, max: 1 });
        expect(shown, key).not.toMatch(/\(\s*1\s*[–-]\s*1\s*\)|del 1 al 1\b|\(1 to 1\)/);
      }
    }
  });
});
