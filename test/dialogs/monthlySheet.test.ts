import { afterEach, describe, expect, it } from 'vitest';
import { parseMonth } from '../../dialogs/monthlySheetDialog.js';
import type { Contact } from '../../src/domain/schemas.js';
import { createHarness, type Harness } from '../support/botHarness.js';
import { caseRecord } from '../support/records.js';

let harness: Harness;
afterEach(async () => harness?.close());

function contact(id: string, date: string, minutes: number, by = 'worker-1'): Contact {
  return { id, date, type: 'visit', minutes, withWhom: 'la persona usuaria', note: '', by, at: `${date}T10:00:00.000Z` };
}

const CASES = [
  caseRecord({
    id: 'C-ANAPER',
    intensity: 'intensive',
    intakeDate: '2026-09-01',
    contacts: [contact('K-1', '2026-10-30', 60), contact('K-2', '2026-11-03', 45), contact('K-3', '2026-11-20', 30)],
  }),
  caseRecord({
    id: 'C-LUISGR',
    intensity: 'basic',
    intakeDate: '2026-10-10',
    client: { ...caseRecord().client, name: 'Luis G.' },
    contacts: [contact('K-4', '2026-10-12', 20)],
  }),
  caseRecord({ id: 'C-OTHERW', workerId: 'worker-2', contacts: [contact('K-5', '2026-11-05', 999, 'worker-2')] }),
  caseRecord({
    id: 'C-ENGLSH',
    workerId: 'worker-en',
    team: 'sur',
    intensity: 'moderate',
    intakeDate: '2026-10-01',
    contacts: [contact('K-6', '2026-10-15', 50, 'worker-en')],
  }),
];

describe('parseMonth', () => {
  const now = new Date('2026-11-23T09:00:00Z');
  it.each([
    ['', '2026-11'],
    ['este mes', '2026-11'],
    ['this month', '2026-11'],
    ['el mes pasado', '2026-10'],
    ['last month', '2026-10'],
    ['octubre 2026', '2026-10'],
    ['Octubre de 2026', '2026-10'],
    ['October 2026', '2026-10'],
    ['2026-10', '2026-10'],
    ['10/2026', '2026-10'],
    ['oct', '2026-10'],
    ['diciembre', '2025-12'],
    ['mayo 2025', '2025-05'],
  ])('reads "%s" as %s', (typed, month) => {
    expect(parseMonth(typed, now, 'Europe/Madrid')).toBe(month);
  });
  it.each(['hola', '2026-13', '13/2026', 'ju'])('does not read "%s"', (typed) => {
    expect(parseMonth(typed, now, 'Europe/Madrid')).toBeUndefined();
  });
  it('takes last month across a year boundary', () => {
    expect(parseMonth('el mes pasado', new Date('2027-01-10T09:00:00Z'), 'Europe/Madrid')).toBe('2026-12');
  });
});

describe('monthly contact sheet (Spanish)', () => {
  it('shows this month by default: contacts and minutes per case against the estimate, and totals', async () => {
    harness = await createHarness({ cases: CASES });
    await harness.send('hola');
    expect((await harness.send('ficha mensual')).join()).toContain('¿De qué mes');
    const sheet = (await harness.send('-')).join('\n');
    expect(sheet).toContain('Ficha mensual de Lucía Martín · noviembre de 2026');
    expect(sheet).toContain('- C-ANAPER · Ana P. · contactos: 2 · tiempo: 75 min de 240 min estimados');
    expect(sheet).toContain('- C-LUISGR · Luis G. · contactos: 0 · tiempo: 0 min de 60 min estimados');
    expect(sheet).toContain('Total · contactos: 2 · tiempo: 75 min (1,3 h) de 300 min estimados (5 h).');
    expect(sheet).not.toContain('C-OTHERW');
    expect(sheet).not.toContain('999');
  });

  it('reads "el mes pasado" and "octubre 2026" as October', async () => {
    harness = await createHarness({ cases: CASES });
    await harness.send('hola');
    const lastMonth = (await harness.sendAll(['ficha mensual', 'el mes pasado'])).join('\n');
    expect(lastMonth).toContain('octubre de 2026');
    expect(lastMonth).toContain('- C-ANAPER · Ana P. · contactos: 1 · tiempo: 60 min de 240 min estimados');
    expect(lastMonth).toContain('- C-LUISGR · Luis G. · contactos: 1 · tiempo: 20 min de 60 min estimados');
    const named = (await harness.sendAll(['ficha', 'octubre 2026'])).join('\n');
    expect(named).toBe(lastMonth);
  });

  it('asks again on a month it cannot read or that has not come', async () => {
    harness = await createHarness({ cases: CASES });
    await harness.send('hola');
    await harness.send('ficha mensual');
    const wrong = await harness.send('el mes de las flores');
    expect(wrong.join()).toContain('No he entendido el mes');
    expect(wrong.at(-1)).toContain('¿De qué mes');
    const future = await harness.send('diciembre 2026');
    expect(future.join()).toContain('Ese mes aún no ha llegado');
    expect((await harness.send('2026-09')).join()).toContain('- C-ANAPER · Ana P. · contactos: 0 · tiempo: 0 min de 240 min estimados');
  });

  it('says so when there is nothing in the month', async () => {
    harness = await createHarness({ cases: CASES });
    await harness.send('hola');
    expect((await harness.sendAll(['ficha mensual', 'enero 2025'])).join()).toContain('No tienes casos abiertos ni contactos registrados en enero de 2025');
  });
});

describe('monthly contact sheet (English)', () => {
  it('shows last month to an English-speaking worker', async () => {
    harness = await createHarness({ cases: CASES });
    await harness.send('hello', 'worker-en');
    const sheet = (await harness.sendAll(['monthly sheet', 'last month'], 'worker-en')).join('\n');
    expect(sheet).toContain('Monthly contact sheet of Sarah Jones · October 2026');
    expect(sheet).toContain('- C-ENGLSH · Ana P. · contacts: 1 · time: 50 min of 120 min estimated');
    expect(sheet).toContain('Total · contacts: 1 · time: 50 min (0.8 h) of 120 min estimated (2 h).');
    expect(sheet).not.toContain('C-ANAPER');
  });
});
