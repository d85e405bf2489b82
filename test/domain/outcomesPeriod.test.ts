import { describe, expect, it } from 'vitest';
import { lastMonths, parseOutcomesPeriod, shiftMonths } from '../../src/domain/outcomesPeriod.js';

const NOW = new Date('2026-11-23T09:00:00Z');
const read = (typed: string, lang: 'es' | 'en' = 'es') => parseOutcomesPeriod(typed, lang, 'Europe/Madrid', NOW);

describe('the period typed for team outcomes', () => {
  it('is the last 3 months up to today when nothing or only the team is typed', () => {
    for (const typed of ['', 'del equipo', 'de mi equipo', '  ']) expect(read(typed)).toEqual({ ok: true, period: { from: '2026-08-24', to: '2026-11-23' } });
    expect(read('', 'en')).toEqual({ ok: true, period: { from: '2026-08-24', to: '2026-11-23' } });
  });

  it('reads the last months in either language, in figures or words', () => {
    expect(read('últimos 6 meses')).toEqual({ ok: true, period: { from: '2026-05-24', to: '2026-11-23' } });
    expect(read('last 6 months', 'en')).toEqual({ ok: true, period: { from: '2026-05-24', to: '2026-11-23' } });
    expect(read('ultimos tres meses')).toEqual({ ok: true, period: { from: '2026-08-24', to: '2026-11-23' } });
    expect(read('último año')).toEqual({ ok: true, period: { from: '2025-11-24', to: '2026-11-23' } });
  });

  it('reads a range of months as whole months, the latest such months up to today', () => {
    expect(read('enero a marzo')).toEqual({ ok: true, period: { from: '2026-01-01', to: '2026-03-31' } });
    expect(read('de enero a marzo', 'en')).toEqual({ ok: true, period: { from: '2026-01-01', to: '2026-03-31' } });
    expect(read('january to march', 'en')).toEqual({ ok: true, period: { from: '2026-01-01', to: '2026-03-31' } });
    // December has not come yet this year: last year's, and the range runs into this year.
    expect(read('diciembre a febrero')).toEqual({ ok: true, period: { from: '2025-12-01', to: '2026-02-28' } });
    expect(read('febrero')).toEqual({ ok: true, period: { from: '2026-02-01', to: '2026-02-28' } });
    expect(read('marzo de 2024 a mayo de 2024')).toEqual({ ok: true, period: { from: '2024-03-01', to: '2024-05-31' } });
    expect(read('noviembre 2025 a febrero')).toEqual({ ok: true, period: { from: '2025-11-01', to: '2026-02-28' } });
  });

  it('reads dates at either end with the natural date reader', () => {
    expect(read('del 1/09/2026 al 15/10/2026')).toEqual({ ok: true, period: { from: '2026-09-01', to: '2026-10-15' } });
    expect(read('1 September 2026 to 15 October 2026', 'en')).toEqual({ ok: true, period: { from: '2026-09-01', to: '2026-10-15' } });
    expect(read('1/09/2026 a octubre')).toEqual({ ok: true, period: { from: '2026-09-01', to: '2026-10-31' } });
  });

  it('says why a period cannot be used', () => {
    expect(read('hola que tal')).toEqual({ ok: false, reason: 'notAPeriod' });
    expect(read('del 15/10/2026 al 1/09/2026')).toEqual({ ok: false, reason: 'reversed' });
    expect(read('últimos 100 meses')).toEqual({ ok: false, reason: 'tooLong' });
    expect(read('últimos 0 meses')).toEqual({ ok: false, reason: 'notAPeriod' });
    expect(read('marzo 2027')).toEqual({ ok: false, reason: 'future' });
  });

  it('moves dates by months, keeping the day where the month has it', () => {
    expect(shiftMonths('2026-05-31', -3)).toBe('2026-02-28');
    expect(shiftMonths('2026-01-15', -1)).toBe('2025-12-15');
    expect(lastMonths('2026-03-31', 1)).toEqual({ from: '2026-03-01', to: '2026-03-31' });
  });
});
