import { describe, expect, it } from 'vitest';
import { linkCodeIn, readAmount, readCadenceDays, readMinutes } from '../../src/domain/answerReaders.js';

describe('minutes as typed', () => {
  it.each([
    ['45 minutos', 45],
    ['45', 45],
    ['una hora', 60],
    ['1 hora', 60],
    ['hora y media', 90],
    ['una hora y media', 90],
    ['Hora y media', 90],
    ['1h', 60],
    ['1h30', 90],
    ['1 h 30 min', 90],
    ['2 horas y 15 minutos', 135],
    ['una hora y cuarto', 75],
    ['1,5 horas', 90],
    ['unos 20', 20],
    ['20 min', 20],
    ['20min', 20],
    ['media hora', 30],
    ['un cuarto de hora', 15],
    ['tres cuartos de hora', 45],
    ['veinte minutos', 20],
    ['cuarenta y cinco minutos', 45],
    ['dos horas', 120],
    ['an hour', 60],
    ['half an hour', 30],
    ['an hour and a half', 90],
    ['one and a half hours', 90],
    ['about 20 minutes', 20],
    ['90 mins', 90],
    ['1.5h', 90],
    ['2 hours', 120],
  ])('«%s» is %i minutes', (typed, minutes) => {
    expect(readMinutes(typed)).toBe(minutes);
  });

  it.each(['mucho rato', 'no sé', 'ayer', 'h y h', '', 'dos semanas'])('«%s» is not a duration', (typed) => {
    expect(readMinutes(typed)).toBeUndefined();
  });
});

describe('amounts as typed', () => {
  it.each([
    ['gratis', 0],
    ['Gratuito', 0],
    ['gratuita', 0],
    ['free', 0],
    ['sin coste', 0],
    ['50 €', 50],
    ['50€', 50],
    ['€50', 50],
    ['50 euros', 50],
    ['50 EUR', 50],
    ['12,50', 12.5],
    ['12.50 €', 12.5],
    ['12,5', 12.5],
    ['1.200 €', 1200],
    ['1.200,50 €', 1200.5],
    ['300', 300],
    ['0', 0],
    ['unos 40 euros', 40],
  ])('«%s» is %d €', (typed, amount) => {
    expect(readAmount(typed)).toBe(amount);
  });

  it.each(['caro', 'depende', '12,5,5', 'cincuenta y tantos', '-5', '50 dólares'])('«%s» is not an amount', (typed) => {
    expect(readAmount(typed)).toBeUndefined();
  });
});

describe('cadence in days', () => {
  it.each([
    ['cada 3 días', 3],
    ['cada tres dias', 3],
    ['3', 3],
    ['3 días', 3],
    ['cada semana', 7],
    ['semanal', 7],
    ['una vez a la semana', 7],
    ['cada dos semanas', 14],
    ['quincenal', 14],
    ['cada 15 días', 15],
    ['cada día', 1],
    ['a diario', 1],
    ['cada mes', 30],
    ['mensual', 30],
    ['dos veces por semana', 3],
    ['every 3 days', 3],
    ['every three days', 3],
    ['weekly', 7],
    ['every week', 7],
    ['once a week', 7],
    ['every two weeks', 14],
    ['every other week', 14],
    ['fortnightly', 14],
    ['twice a week', 3],
    ['daily', 1],
  ])('«%s» is every %i days', (typed, days) => {
    expect(readCadenceDays(typed)).toBe(days);
  });

  it.each(['a veces', 'semana', 'cuando pueda', 'sometimes', 'cada', 'every'])('«%s» is not a cadence', (typed) => {
    expect(readCadenceDays(typed)).toBeUndefined();
  });
});

describe('a link code inside a sentence', () => {
  it.each([
    ['mi código es ABC3-EF7H, gracias', 'ABC3-EF7H'],
    ['hola! me dieron este: abc3ef7h', 'ABC3-EF7H'],
    ['my code is ABC3 EF7H thanks', 'ABC3-EF7H'],
    ['ABCD-EFGH', 'ABCD-EFGH'],
    ['código: 2345-6789.', '2345-6789'],
  ])('«%s» holds %s', (typed, code) => {
    expect(linkCodeIn(typed)).toBe(code);
  });

  it.each(['quiero una apertura', 'hola para todo', 'mis casos', 'ABC3-EF7', 'ABC3-EF7HJ', 'para casa'])('«%s» holds no code', (typed) => {
    expect(linkCodeIn(typed)).toBeUndefined();
  });
});
