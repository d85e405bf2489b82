import { describe, expect, it } from 'vitest';
import { DATE_REACH_YEARS, datePhraseIn, parseNaturalDate } from '../../src/domain/dates.js';
import { reviewDayAfter } from '../../src/domain/review.js';

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

describe('dates as people say them', () => {
  // Monday 2 March 2026, 10:00 in Madrid.
  const MONDAY = new Date('2026-03-02T09:00:00Z');
  const say = (text: string, lang: 'es' | 'en' = 'es', lean: 'future' | 'past' = 'future', zone = ZONE) => parseNaturalDate(text, lang, zone, MONDAY, lean);

  it('keeps the time of day typed, and the instant follows the zone on that day, not today', () => {
    expect(say('pasado mañana a las 9')).toMatchObject({ ok: true, date: '2026-03-04', hasTime: true, time: '09:00' });
    // Madrid is on summer time by 15 April: 9:00 there is 7:00 UTC.
    expect(say('el 15 de abril a las 9')).toMatchObject({ ok: true, date: '2026-04-15', time: '09:00', instant: new Date('2026-04-15T07:00:00Z') });
    expect(say('mañana')).toMatchObject({ ok: true, date: '2026-03-03', hasTime: false });
    expect(say('mañana')).not.toHaveProperty('time');
    expect(say('tomorrow at 5pm', 'en')).toMatchObject({ ok: true, date: '2026-03-03', time: '17:00' });
  });

  it('reads a bare hour from 1 to 7 in the afternoon, and keeps one written with a leading zero', () => {
    expect(say('mañana a las 5')).toMatchObject({ time: '17:00' });
    expect(say('mañana a las 8')).toMatchObject({ time: '08:00' });
    expect(say('mañana a las 07:30')).toMatchObject({ time: '07:30' });
    expect(say('mañana a las 3 de la madrugada')).toMatchObject({ time: '03:00' });
  });

  it('says which default a period took', () => {
    expect(say('a finales de enero')).toMatchObject({ ok: true, date: '2027-01-31', period: 'monthEnd' });
    expect(say('a principios de abril')).toMatchObject({ date: '2026-04-01', period: 'monthStart' });
    expect(say('a mediados de febrero')).toMatchObject({ date: '2027-02-15', period: 'monthMiddle' });
    expect(say('la semana que viene')).toMatchObject({ date: '2026-03-09', period: 'weekStart' });
    expect(say('next week', 'en')).toMatchObject({ date: '2026-03-09', period: 'weekStart' });
    expect(say('el fin de semana')).toMatchObject({ date: '2026-03-07', period: 'weekendStart' });
    expect(say('el viernes')).not.toHaveProperty('period');
  });

  it('takes «el próximo viernes» as the first Friday after today, and a weekday back for a past date', () => {
    expect(say('el próximo viernes')).toMatchObject({ date: '2026-03-06' });
    expect(say('next Friday', 'en')).toMatchObject({ date: '2026-03-06' });
    expect(say('el jueves', 'es', 'past')).toMatchObject({ date: '2026-02-26' });
    expect(say('el jueves pasado', 'es', 'future')).toMatchObject({ date: '2026-02-26' });
  });

  it('keeps a day number, forward or back as the answer expects', () => {
    expect(say('el día 20')).toMatchObject({ date: '2026-03-20' });
    expect(say('el 20', 'es', 'past')).toMatchObject({ date: '2026-02-20' });
    expect(say('el 31')).toMatchObject({ date: '2026-03-31' });
    expect(say('the 20th', 'en', 'past')).toMatchObject({ date: '2026-02-20' });
  });

  it('refuses a weekday and day number that disagree in the next two months, naming the nearer day', () => {
    expect(say('el martes 8')).toEqual({ ok: false, reason: 'weekdayMismatch', date: '2026-03-08', typedWeekday: 2 });
    expect(say('Tuesday the 8th', 'en')).toEqual({ ok: false, reason: 'weekdayMismatch', date: '2026-03-08', typedWeekday: 2 });
    // April's 8th is a Wednesday: the next month counts too.
    expect(say('el miércoles 8')).toMatchObject({ ok: true, date: '2026-04-08' });
  });

  it('refuses days no calendar has instead of rolling them over', () => {
    expect(say('30 de febrero')).toEqual({ ok: false, reason: 'noSuchDay', day: 30, month: 2 });
    expect(say('February 30', 'en')).toEqual({ ok: false, reason: 'noSuchDay', day: 30, month: 2 });
    expect(say('31/04')).toEqual({ ok: false, reason: 'noSuchDay', day: 31, month: 4 });
    expect(say('15/13/2026')).toEqual({ ok: false, reason: 'noSuchDay', day: 15, month: 13 });
    expect(say('el 31 del mes que viene')).toEqual({ ok: false, reason: 'noSuchDay', day: 31, month: 4 });
    // 29 February exists in a leap year only.
    expect(say('29/02/2028')).toMatchObject({ ok: true, date: '2028-02-29' });
    expect(say('29/02/2027')).toEqual({ ok: false, reason: 'noSuchDay', day: 29, month: 2 });
  });

  it('forgives missing accents and common slips', () => {
    for (const [typed, date] of [
      ['mañna', '2026-03-03'],
      ['manana', '2026-03-03'],
      ['el proximo sabado', '2026-03-07'],
      ['el miercoles', '2026-03-04'],
      ['la semana q viene', '2026-03-09'],
      ['PASADO MAÑANA', '2026-03-04'],
    ]) {
      expect(say(typed as string), typed).toMatchObject({ ok: true, date });
    }
    expect(say('mañana a las 9h')).toMatchObject({ time: '09:00' });
    expect(say('mañana 9:30h')).toMatchObject({ time: '09:30' });
    expect(say('mañana a las 9 y media')).toMatchObject({ time: '09:30' });
    expect(say('mañana a mediodia')).toMatchObject({ time: '12:00' });
  });

  it('counts «today» in the user time zone', () => {
    // 04:30 UTC on Monday is still Sunday evening in Bogotá.
    const early = new Date('2026-03-02T04:30:00Z');
    expect(parseNaturalDate('hoy', 'es', 'America/Bogota', early)).toMatchObject({ date: '2026-03-01' });
    expect(parseNaturalDate('mañana a las 10', 'es', 'America/Bogota', early)).toMatchObject({
      date: '2026-03-02',
      time: '10:00',
      instant: new Date('2026-03-02T15:00:00Z'),
    });
  });
});

describe('a date said inside a sentence', () => {
  const phrase = (text: string, lang: 'es' | 'en') => datePhraseIn(text, lang, ZONE, NOW, 'past');

  it('finds the date wherever it is said and gives back the sentence without it', () => {
    expect(phrase('una llamada con la madre ayer', 'es')).toMatchObject({ reading: { date: '2026-11-22', hasTime: false }, rest: 'una llamada con la madre' });
    expect(phrase('ayer una visita con Ana', 'es')).toMatchObject({ reading: { date: '2026-11-22' }, rest: 'una visita con Ana' });
    expect(phrase('visita con Carmen y su hija el viernes a las 10', 'es')).toMatchObject({
      reading: { date: '2026-11-20', time: '10:00' },
      rest: 'visita con Carmen y su hija',
    });
    expect(phrase('llamada de anteayer por la tarde con el casero', 'es')).toMatchObject({ reading: { date: '2026-11-21' }, rest: 'llamada con el casero' });
    expect(phrase('a call with her sister last Friday at 3pm', 'en')).toMatchObject({
      reading: { date: '2026-11-20', time: '15:00' },
      rest: 'a call with her sister',
    });
    expect(phrase('visit on Friday with John', 'en')).toMatchObject({ reading: { date: '2026-11-20' }, rest: 'visit with John' });
  });

  it('takes out a date that cannot be taken, and says what is wrong with it', () => {
    expect(phrase('llamada con la vecina el 31 de noviembre', 'es')).toMatchObject({
      reading: { ok: false, reason: 'noSuchDay' },
      rest: 'llamada con la vecina',
    });
    expect(phrase('a call with Ana on 30 February', 'en')).toMatchObject({ reading: { ok: false, reason: 'noSuchDay' }, rest: 'a call with Ana' });
  });

  it('finds none where a number or a name only looks like one', () => {
    for (const [text, lang] of [
      ['llamada con la persona en C-0001', 'es'],
      ['visita a la calle Mayor 5', 'es'],
      ['con la madre de 3 hijos', 'es'],
      ['a call with Ana', 'en'],
    ] as const) {
      expect(phrase(text, lang), text).toBeUndefined();
    }
  });
});

describe('a review day', () => {
  it('is the day the days lead to on a working day, and the Monday after on a weekend', () => {
    // 23 November 2026 is a Monday.
    expect(reviewDayAfter('2026-11-23', 3)).toBe('2026-11-26');
    expect(reviewDayAfter('2026-11-23', 4)).toBe('2026-11-27');
    expect(reviewDayAfter('2026-11-23', 5)).toBe('2026-11-30');
    expect(reviewDayAfter('2026-11-23', 6)).toBe('2026-11-30');
    expect(reviewDayAfter('2026-11-23', 90)).toBe('2027-02-22');
  });
});
