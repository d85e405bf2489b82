import { describe, expect, it } from 'vitest';
import { DATE_REACH_YEARS, parseNaturalDate } from '../../src/domain/dates.js';

const NOW = new Date('2026-11-23T09:00:00Z');
const ZONE = 'Europe/Madrid';
const read = (text: string, lang: 'es' | 'en', lean: 'future' | 'past' = 'future') => parseNaturalDate(text, lang, ZONE, NOW, lean);

describe('typed dates within reach', () => {
  it('reads ordinary dates as before', () => {
    expect(read('el martes', 'es')).toMatchObject({ ok: true, date: '2026-11-24', hasTime: false });
    expect(read('15/03/2027 a las 10', 'es')).toMatchObject({ ok: true, date: '2027-03-15', hasTime: true });
    expect(read('in 1000 days', 'en')).toMatchObject({ ok: true, date: '2029-08-19' });
    expect(read('ayer', 'es', 'past')).toMatchObject({ ok: true, date: '2026-11-22' });
  });

  it(`refuses dates more than ${DATE_REACH_YEARS} years away, whichever way they are written`, () => {
    for (const [text, lang] of [
      ['en 10000 años', 'es'],
      ['in 5000 years', 'en'],
      ['15/03/1200', 'es'],
      ['el 1 de enero de 3000', 'es'],
      ['en 101 años', 'es'],
      ['100000 years ago', 'en'],
    ] as const) {
      for (const lean of ['future', 'past'] as const) expect(read(text, lang, lean), `${text} (${lean})`).toEqual({ ok: false, reason: 'tooFar' });
    }
  });

  it('refuses a far year the parser cannot read or reads only in part, instead of dropping it', () => {
    // Unread: "el año 1200", "in 300000 years". Read in part: "1 de enero" of 275761, "3 March 1202" of 12026.
    for (const [text, lang] of [
      ['el año 1200', 'es'],
      ['in 300000 years', 'en'],
      ['1 de enero de 275761', 'es'],
      ['3 March 12026', 'en'],
    ] as const) {
      expect(read(text, lang), text).toEqual({ ok: false, reason: 'tooFar' });
    }
  });

  it('accepts the edge of the reach and tells a non-date from a far date', () => {
    expect(read('en 100 años', 'es')).toMatchObject({ ok: true, date: '2126-11-23' });
    expect(read('el 1 de enero de 2100', 'es')).toMatchObject({ ok: true, date: '2100-01-01' });
    expect(read('pronto', 'es')).toEqual({ ok: false, reason: 'notADate' });
    // A year within reach that is not a date is simply not understood.
    expect(read('el año 2027', 'es')).toEqual({ ok: false, reason: 'notADate' });
  });
});
