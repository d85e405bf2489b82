import { describe, expect, it } from 'vitest';
import { CSV_HEADER, outcomesCsv, outcomesFileName, outcomesRows, quoteField } from '../../src/domain/outcomesCsv.js';
import { teamOutcomes } from '../../src/domain/teamOutcomes.js';
import { ALL_CASES, PERIOD, SERVICES, TIME_ZONE } from '../support/outcomesFixtures.js';

/** A strict RFC 4180 reader: quoted or bare fields, doubled quotes, CRLF after every record. */
function parseCsv(file: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let at = 0;
  while (at < file.length) {
    let field = '';
    if (file[at] === '"') {
      at++;
      for (;;) {
        if (at >= file.length) throw new Error('Unclosed quote');
        if (file[at] === '"' && file[at + 1] === '"') {
          field += '"';
          at += 2;
        } else if (file[at] === '"') {
          at++;
          break;
        } else field += file[at++];
      }
    } else {
      while (at < file.length && file[at] !== ',' && file[at] !== '\r') field += file[at++];
    }
    record.push(field);
    if (file[at] === ',') at++;
    else if (file.startsWith('\r\n', at)) {
      records.push(record);
      record = [];
      at += 2;
    } else throw new Error(`Unexpected character at ${at}: ${JSON.stringify(file[at])}`);
  }
  if (record.length > 0) throw new Error('Last record without CRLF');
  return records;
}

const outcomes = teamOutcomes({
  team: 'norte',
  period: PERIOD,
  cases: ALL_CASES,
  serviceNames: new Map(SERVICES.map((s) => [s.id, s.name])),
  timeZone: TIME_ZONE,
});

describe('team outcomes as CSV', () => {
  it('starts with a byte-order mark and ends every record with CRLF', () => {
    const csv = outcomesCsv(outcomes);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.slice(1).replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
    // The mark is the UTF-8 bytes EF BB BF once encoded.
    expect([...Buffer.from(csv, 'utf8').subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('reads back, through a strict reader, to the same rows', () => {
    const csv = outcomesCsv(outcomes);
    const records = parseCsv(csv.slice(1));
    expect(records).toEqual(outcomesRows(outcomes));
    expect(records[0]).toEqual([...CSV_HEADER]);
    expect(records.every((r) => r.length === CSV_HEADER.length)).toBe(true);
  });

  it('keeps commas, quotes and accents in service names', () => {
    const records = parseCsv(outcomesCsv(outcomes).slice(1));
    const food = records.filter((r) => r[4] === 'Banco de alimentos "La Esperanza", Norte');
    expect(food.map((r) => [r[3], r[5]])).toEqual([
      ['referrals_completed', '1'],
      ['referrals_declined', '1'],
      ['referrals_other_ends', '0'],
    ]);
    expect(records.some((r) => r[4] === 'Orientación laboral' && r[3] === 'referrals_other_ends' && r[5] === '1')).toBe(true);
    expect(outcomesCsv(outcomes)).toContain('"Banco de alimentos ""La Esperanza"", Norte"');
    expect(Buffer.from(outcomesCsv(outcomes), 'utf8').toString('utf8')).toContain('Orientación');
  });

  it('has one row per figure with the team and the period on each', () => {
    const records = parseCsv(outcomesCsv(outcomes).slice(1)).slice(1);
    expect(records.every((r) => r[0] === 'norte' && r[1] === '2026-09-01' && r[2] === '2026-11-30')).toBe(true);
    const find = (metric: string, subject = '') => records.find((r) => r[3] === metric && r[4] === subject);
    expect(find('active_cases')?.slice(5)).toEqual(['3', '']);
    expect(find('domain_change_avg', 'income')?.slice(5)).toEqual(['1.50', '2']);
    expect(find('domain_worse', 'food')?.slice(5)).toEqual(['1', '1']);
    // Domains no case can compare are left out.
    expect(find('domain_change_avg', 'health')).toBeUndefined();
    expect(find('goals_ended', 'achieved')?.slice(5)).toEqual(['2', '4']);
    expect(find('goals_achieved_share')?.slice(5)).toEqual(['0.50', '4']);
    expect(find('task_rating_avg')?.slice(5)).toEqual(['2.50', '4']);
    expect(find('task_no_opportunity')?.slice(5)).toEqual(['1', '']);
    expect(find('reviews', 'on_time')?.[5]).toBe('1');
    expect(find('reviews', 'late')?.[5]).toBe('2');
    expect(find('reviews', 'no_due_date')?.[5]).toBe('1');
  });

  it('leaves a mean empty when there is nothing to average', () => {
    const empty = teamOutcomes({ team: 'norte', period: PERIOD, cases: [], serviceNames: new Map(), timeZone: TIME_ZONE });
    const records = parseCsv(outcomesCsv(empty).slice(1));
    expect(records.find((r) => r[3] === 'task_rating_avg')?.slice(5)).toEqual(['', '0']);
    expect(records.find((r) => r[3] === 'goals_achieved_share')?.slice(5)).toEqual(['', '0']);
  });

  it('quotes every field and doubles its quotes', () => {
    expect(quoteField('a "b", c')).toBe('"a ""b"", c"');
    expect(quoteField('')).toBe('""');
  });

  it('names the file by team and period, the team in safe characters', () => {
    expect(outcomesFileName(outcomes)).toBe('resultados-norte-2026-09-01-2026-11-30.csv');
    expect(outcomesFileName({ team: 'Equipo Málaga / Sur', period: PERIOD })).toBe('resultados-equipo-malaga-sur-2026-09-01-2026-11-30.csv');
  });
});
