import { describe, expect, it } from 'vitest';
import { parseChoice, parseYesNo, readInput } from '../../dialogs/input.js';
import { caseIdIn, MENU, pickEntry } from '../../dialogs/menu.js';

const choices = [
  { value: 'individual', label: 'Persona', words: ['individual'] },
  { value: 'family', label: 'Familia', words: ['family'] },
  { value: 'group', label: 'Grupo' },
];
const NOW = new Date('2026-11-23T09:00:00Z');

describe('typed answers', () => {
  it('pick a choice by number, label, other-language word or a unique start', () => {
    expect(parseChoice('2', choices)?.value).toBe('family');
    expect(parseChoice('2.', choices)?.value).toBe('family');
    expect(parseChoice('FAMILIA', choices)?.value).toBe('family');
    expect(parseChoice('family', choices)?.value).toBe('family');
    expect(parseChoice('gru', choices)?.value).toBe('group');
    expect(parseChoice('4', choices)).toBeUndefined();
    expect(parseChoice('xyz', choices)).toBeUndefined();
  });

  it('read yes and no in both languages, and nothing else', () => {
    expect(['sí', 'si', 'Vale', 'yes', 'OK'].map(parseYesNo)).toEqual([true, true, true, true, true]);
    expect(['no', 'N', 'nope'].map(parseYesNo)).toEqual([false, false, false]);
    expect(parseYesNo('tal vez')).toBeUndefined();
    expect(['sí, por favor', 'sí por favor', 'sí, lo ha firmado hoy', 'claro que sí', 'yes please', 'vale, gracias'].map(parseYesNo)).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(['no, gracias', 'no hace falta', 'nope, not now', 'No. Ya lo hablo yo'].map(parseYesNo)).toEqual([false, false, false, false]);
    // Sentences that merely start with "no" or "si", and a lone "y" inside a sentence, answer nothing.
    expect(['no sé', 'no encuentro ofertas cerca', "I don't know", 'si me llaman, sí', 'y entonces no', 'n'].map(parseYesNo)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      false,
    ]);
  });

  it('refuse bad numbers, empty and over-long text with the reason', () => {
    expect(readInput({ kind: 'integer', min: 0, max: 1440 }, '90', 'es', NOW)).toEqual({ ok: true, value: 90 });
    expect(readInput({ kind: 'integer', min: 0, max: 1440 }, '2000', 'es', NOW)).toMatchObject({ ok: false, error: 'common.errorInteger' });
    expect(readInput({ kind: 'integer', min: 0, max: 10 }, '3.5', 'es', NOW)).toMatchObject({ ok: false });
    expect(readInput({ kind: 'text' }, '   ', 'es', NOW)).toMatchObject({ ok: false, error: 'common.errorEmpty' });
    expect(readInput({ kind: 'text', maxLength: 5 }, 'demasiado', 'es', NOW)).toMatchObject({ ok: false, error: 'common.errorTooLong' });
    expect(readInput({ kind: 'text', optional: true }, 'ninguno', 'es', NOW)).toEqual({ ok: true, value: '' });
  });

  it('read dates in the user language and zone, and keep them on the right side of today', () => {
    const zone = 'Europe/Madrid';
    expect(readInput({ kind: 'date', timeZone: zone, allow: 'future' }, 'el martes', 'es', NOW)).toEqual({ ok: true, value: '2026-11-24' });
    expect(readInput({ kind: 'date', timeZone: zone, allow: 'future' }, 'in two weeks', 'en', NOW)).toEqual({ ok: true, value: '2026-12-07' });
    expect(readInput({ kind: 'date', timeZone: zone, allow: 'past' }, 'ayer', 'es', NOW)).toEqual({ ok: true, value: '2026-11-22' });
    expect(readInput({ kind: 'date', timeZone: zone, allow: 'future' }, 'ayer', 'es', NOW)).toMatchObject({ ok: false, error: 'common.errorDatePast' });
    expect(readInput({ kind: 'date', timeZone: zone, allow: 'any' }, 'pronto', 'es', NOW)).toMatchObject({ ok: false, error: 'common.errorDate' });
  });

  it('count a late-evening message in the user time zone', () => {
    // 23:30 UTC is already the next day in Madrid.
    const lateEvening = new Date('2026-11-23T23:30:00Z');
    expect(readInput({ kind: 'date', timeZone: 'Europe/Madrid', allow: 'any' }, 'hoy', 'es', lateEvening)).toEqual({ ok: true, value: '2026-11-24' });
  });
});

describe('menu commands', () => {
  const worker = MENU.filter((e) => e.audiences.includes('worker'));

  it('pick an option by words in either language or by its number', () => {
    expect(pickEntry('nueva apertura', worker, 'es')?.dialogId).toBe('intake');
    expect(pickEntry('My cases', worker, 'en')?.dialogId).toBe('caseload');
    expect(pickEntry('2', worker, 'es')?.dialogId).toBe(worker[1]!.dialogId);
    expect(pickEntry('valoración C-7K3QPA', worker, 'es')?.dialogId).toBe('assessment');
    expect(pickEntry('buenos días', worker, 'es')).toBeUndefined();
  });

  it('find a case id typed with a command', () => {
    expect(caseIdIn('ver caso c-7k3qpa por favor')).toBe('C-7K3QPA');
    expect(caseIdIn('ver caso')).toBeUndefined();
  });
});

describe('forgiving answers', () => {
  const priorities = [
    { value: 'high', label: 'Alta' },
    { value: 'medium', label: 'Media' },
    { value: 'low', label: 'Baja' },
  ];
  const services = [
    { value: 'SV-VIV', label: 'Oficina de Vivienda: alquiler social (Ayuntamiento) · gratuito', words: ['Oficina de Vivienda: alquiler social'] },
    { value: 'SV-EMP', label: 'Servicio de Empleo: orientación laboral · gratuito', words: ['Servicio de Empleo: orientación laboral'] },
    { value: 'SV-SAD', label: 'Ayuda a domicilio · 90 €', words: ['Ayuda a domicilio'] },
  ];

  it('takes a yes or a no that opens a sentence', () => {
    expect(parseYesNo('sí, lo ha firmado hoy')).toBe(true);
    expect(parseYesNo('Si, ya lo firmó')).toBe(true);
    expect(parseYesNo('no, todavía no')).toBe(false);
    expect(parseYesNo('yes, she signed it today')).toBe(true);
    expect(parseYesNo('no sé')).toBeUndefined();
  });

  it('takes an option named first and then explained', () => {
    expect(parseChoice('alta, tiene un desahucio pendiente', priorities)?.value).toBe('high');
    expect(parseChoice('Media - sin urgencia de momento', priorities)?.value).toBe('medium');
    expect(parseChoice('baja porque ya tiene apoyo', priorities)?.value).toBe('low');
    expect(parseChoice('familia: la madre y dos hijos', choices)?.value).toBe('family');
    expect(parseChoice('no sé, alta o media', priorities)).toBeUndefined();
  });

  it('finds a service by any word of its name, only where asked and only when one holds it', () => {
    expect(parseChoice('vivienda', services, false, true)?.value).toBe('SV-VIV');
    expect(parseChoice('alquiler', services, false, true)?.value).toBe('SV-VIV');
    expect(parseChoice('Alquiler social', services, false, true)?.value).toBe('SV-VIV');
    expect(parseChoice('empleo', services, false, true)?.value).toBe('SV-EMP');
    expect(parseChoice('domicilio', services, false, true)?.value).toBe('SV-SAD');
    // «gratuito» is in two services: which one is not for the bot to guess.
    expect(parseChoice('gratuito', services, false, true)).toBeUndefined();
    expect(parseChoice('vivienda', services)).toBeUndefined();
    expect(parseChoice('de', services, false, true)).toBeUndefined();
  });

  it('reads minutes, amounts and cadences through their specs, with clear errors', () => {
    expect(readInput({ kind: 'minutes', max: 1440 }, 'hora y media', 'es')).toEqual({ ok: true, value: 90 });
    expect(readInput({ kind: 'minutes', max: 1440 }, '2000', 'es')).toMatchObject({ ok: false, error: 'common.errorMinutes' });
    expect(readInput({ kind: 'amount', max: 100000 }, '12,50 €', 'es')).toEqual({ ok: true, value: 12.5 });
    expect(readInput({ kind: 'amount', max: 100000 }, 'gratis', 'es')).toEqual({ ok: true, value: 0 });
    expect(readInput({ kind: 'amount', max: 100, optional: true }, 'no', 'es')).toEqual({ ok: true, value: null });
    expect(readInput({ kind: 'amount', max: 100 }, '150 €', 'es')).toMatchObject({ ok: false, error: 'common.errorAmount', params: { max: 100 } });
    expect(readInput({ kind: 'cadence', min: 1, max: 90 }, 'cada dos semanas', 'es')).toEqual({ ok: true, value: 14 });
    expect(readInput({ kind: 'cadence', min: 1, max: 90 }, 'weekly', 'en')).toEqual({ ok: true, value: 7 });
    expect(readInput({ kind: 'cadence', min: 1, max: 90 }, 'cada 100 días', 'es')).toMatchObject({ ok: false, error: 'common.errorCadence' });
  });
});
