import { afterEach, describe, expect, it } from 'vitest';
import { errorText, readDateAnswer, readInput } from '../../dialogs/input.js';
import type { Goal } from '../../src/domain/schemas.js';
import { createHarness, type Harness } from '../support/botHarness.js';
import { caseRecord } from '../support/records.js';

let harness: Harness;
afterEach(async () => harness?.close());

const CASE_ES = caseRecord({ id: 'C-TESTES' });
const CASE_EN = caseRecord({ id: 'C-TESTEN', workerId: 'worker-en', team: 'sur', client: { ...CASE_ES.client, name: 'John D.', language: 'en' } });

describe('a date typed far away', () => {
  it('gets a clear answer in Spanish and the question again, then a near date goes on', async () => {
    harness = await createHarness({ cases: [CASE_ES] });
    await harness.send('hola');
    expect((await harness.send('contacto C-TESTES')).join()).toContain('Fecha del contacto');
    for (const [i, far] of ['en 10000 años', 'el año 1200', '15/03/1200'].entries()) {
      const replies = await harness.send(far);
      // The third refusal in a row also offers the way out.
      const wayOut = i === 2 ? 'Parece que no consigo entender la respuesta. Escribe «cancelar» para salir o «ayuda» para ver qué necesito.\n' : '';
      expect(replies, far).toEqual([
        `${wayOut}Esa fecha está demasiado lejos (a más de 100 años de hoy). Escribe otra, como «el martes» o «15/03/2027».`,
        'Fecha del contacto. Puedes escribir «hoy», «ayer», «el lunes» o una fecha:',
      ]);
    }
    expect((await harness.send('ayer')).join()).toContain('domingo, 22 de noviembre de 2026');
    expect((await harness.send('sí')).join('\n')).toContain('5. Acompañamiento');
  });

  it('gets a clear answer in English', async () => {
    harness = await createHarness({ cases: [CASE_EN] });
    await harness.send('hello', 'worker-en');
    expect((await harness.send('contact C-TESTEN', 'worker-en')).join()).toContain('Date of the contact');
    for (const far of ['in 5000 years', '3 March 12026']) {
      const replies = await harness.send(far, 'worker-en');
      expect(replies, far).toEqual([
        'That date is too far away (more than 100 years from today). Write another, like "Tuesday" or "15/03/2027".',
        'Date of the contact. You can type "today", "yesterday", "Monday" or a date:',
      ]);
    }
    expect((await harness.send('yesterday', 'worker-en')).join()).toContain('Sunday, 22 November 2026');
    expect((await harness.store.repositories.cases.get('C-TESTEN'))!.contacts).toEqual([]);
  });
});

describe('reading a date answer', () => {
  // Monday 2 March 2026, 10:00 in Madrid.
  const MONDAY = new Date('2026-03-02T09:00:00Z');
  const spec = (allow: 'future' | 'past' | 'any') => ({ kind: 'date', timeZone: 'Europe/Madrid', allow }) as const;

  it('gives the day alone to readInput and the time and period to readDateAnswer', () => {
    expect(readInput(spec('future'), 'pasado mañana a las 9', 'es', MONDAY)).toEqual({ ok: true, value: '2026-03-04' });
    expect(readDateAnswer(spec('future'), 'pasado mañana a las 9', 'es', MONDAY)).toEqual({ ok: true, answer: { date: '2026-03-04', time: '09:00' } });
    expect(readDateAnswer(spec('future'), 'a finales de enero', 'es', MONDAY)).toEqual({ ok: true, answer: { date: '2027-01-31', period: 'monthEnd' } });
    expect(readDateAnswer(spec('past'), 'hace tres días', 'es', MONDAY)).toEqual({ ok: true, answer: { date: '2026-02-27' } });
  });

  it('answers a past date where a future one is expected, and the reverse, naming the day read', () => {
    const past = readInput(spec('future'), 'hace dos días', 'es', MONDAY);
    expect(past).toEqual({ ok: false, error: 'common.errorDatePast', params: { date: 'sábado, 28 de febrero de 2026' } });
    if (!past.ok)
      expect(errorText(past, 'es')).toBe(
        'Esa fecha ya ha pasado (sábado, 28 de febrero de 2026). Aquí necesito un día de hoy en adelante, como «el viernes» o «en dos semanas».',
      );
    const future = readInput(spec('past'), 'next Friday', 'en', MONDAY);
    if (future.ok) throw new Error('a future date was taken as a past one');
    expect(errorText(future, 'en')).toBe(
      'That date has not come yet (Friday, 6 March 2026). Here I need a day that has already passed, like "yesterday" or "3 days ago".',
    );
  });

  it('names the problem with a day that does not exist or a weekday that does not match', () => {
    const refusal = (typed: string, lang: 'es' | 'en') => {
      const read = readInput(spec('any'), typed, lang, MONDAY);
      if (read.ok) throw new Error(`${typed} was taken`);
      return errorText(read, lang);
    };
    expect(refusal('30 de febrero', 'es')).toBe('Esa fecha no existe: febrero no tiene día 30. Escribe otra fecha.');
    expect(refusal('31/04', 'es')).toBe('Esa fecha no existe: abril no tiene día 31. Escribe otra fecha.');
    expect(refusal('February 30', 'en')).toBe('That date does not exist: February has no day 30. Type another date.');
    expect(refusal('15/13', 'es')).toBe('Esa fecha no existe: no hay mes 13. Escribe el día y luego el mes, como «15/04» o «15 de abril».');
    expect(refusal('el martes 8', 'es')).toBe(
      'El 8 de marzo es domingo, no martes. Escribe la fecha con su mes (como «8 de marzo») o solo el día de la semana (como «el martes»).',
    );
    expect(refusal('Tuesday the 8th', 'en')).toBe(
      '8 March is a Sunday, not a Tuesday. Type the date with its month (like "8 March") or just the weekday (like "Tuesday").',
    );
  });

  it('reads a time zone named by a city or country, and lists examples when it cannot', () => {
    expect(readInput({ kind: 'timeZone' }, 'Bogotá', 'es')).toEqual({ ok: true, value: 'America/Bogota' });
    expect(readInput({ kind: 'timeZone' }, 'Canarias', 'es')).toEqual({ ok: true, value: 'Atlantic/Canary' });
    expect(readInput({ kind: 'timeZone' }, 'europe/madrid', 'es')).toEqual({ ok: true, value: 'Europe/Madrid' });
    const unknown = readInput({ kind: 'timeZone' }, 'Marte', 'es');
    if (unknown.ok) throw new Error('an unknown place was taken');
    expect(errorText(unknown, 'es')).toContain('Madrid, Canarias, Bogotá, Ciudad de México o Buenos Aires');
  });
});

describe('a date confirmed back with its time and its default', () => {
  // The harness clock: Monday 23 November 2026, 10:00 in Madrid.
  it('in Spanish: refuses a future contact, an impossible day and a disagreeing weekday, then keeps the time', async () => {
    harness = await createHarness({ cases: [CASE_ES] });
    await harness.send('hola');
    await harness.send('contacto C-TESTES');
    const question = 'Fecha del contacto. Puedes escribir «hoy», «ayer», «el lunes» o una fecha:';
    expect(await harness.send('mañana')).toEqual([
      'Esa fecha aún no ha llegado (martes, 24 de noviembre de 2026). Aquí necesito un día que ya haya pasado, como «ayer» o «hace tres días».',
      question,
    ]);
    expect(await harness.send('30 de febrero')).toEqual(['Esa fecha no existe: febrero no tiene día 30. Escribe otra fecha.', question]);
    // The third refusal in a row also offers the way out.
    expect(await harness.send('el martes 8')).toEqual([
      'Parece que no consigo entender la respuesta. Escribe «cancelar» para salir o «ayuda» para ver qué necesito.\nEl 8 de noviembre es domingo, no martes. Escribe la fecha con su mes (como «8 de noviembre») o solo el día de la semana (como «el martes»).',
      question,
    ]);
    expect(await harness.send('la semana pasada')).toEqual([
      'Entiendo: lunes, 16 de noviembre de 2026 (tomo el lunes de esa semana; dime otro día si no es así). ¿Es correcto? (sí/no)',
    ]);
    expect(await harness.send('no')).toEqual([question]);
    expect(await harness.send('el jueves pasado a las 17:30')).toEqual(['Entiendo: jueves, 19 de noviembre de 2026, a las 17:30. ¿Es correcto? (sí/no)']);
    await harness.sendAll(['sí', 'visita', '45', 'Ana']);
    const summary = (await harness.send('Revisamos el plan')).join('\n');
    expect(summary).toContain('- Fecha: jueves, 19 de noviembre de 2026, a las 17:30');
    await harness.send('sí');
    const [contact] = (await harness.store.repositories.cases.get('C-TESTES'))!.contacts;
    expect(contact).toMatchObject({ date: '2026-11-19', time: '17:30', type: 'visit', minutes: 45 });
  });

  it('in Spanish: a contact typed without a time stores none', async () => {
    harness = await createHarness({ cases: [CASE_ES] });
    await harness.sendAll(['hola', 'contacto C-TESTES']);
    expect(await harness.send('hace tres días')).toEqual(['Entiendo: viernes, 20 de noviembre de 2026. ¿Es correcto? (sí/no)']);
    await harness.sendAll(['sí', 'llamada', '10', 'Ana', 'no', 'sí']);
    const [contact] = (await harness.store.repositories.cases.get('C-TESTES'))!.contacts;
    expect(contact).toMatchObject({ date: '2026-11-20' });
    expect(contact).not.toHaveProperty('time');
  });

  it('in English: a task due date says its default for a period, then keeps the time typed', async () => {
    const goal: Goal = {
      id: 'G-HOUSIN',
      domain: 'housing',
      text: 'John sends the housing application',
      actor: 'John',
      indicator: 'application sent',
      target: 'sent',
      deadline: '2027-02-28',
      support: 'caseworker',
      obstacles: 'none',
      dependsOnThirdParty: false,
      agreement: { at: '2026-11-20T10:00:00.000Z', recordedBy: 'worker-en' },
      status: 'active',
      createdAt: '2026-11-20T10:00:00.000Z',
      createdBy: 'worker-en',
    };
    harness = await createHarness({ cases: [{ ...CASE_EN, goals: [goal] }] });
    await harness.sendAll(['hello', 'new task', '1', 'Send the housing application', 'keep', 'the client'], 'worker-en');
    expect(await harness.send('end of the month', 'worker-en')).toEqual([
      'I understand: Monday, 30 November 2026 (I take the last day of the month; tell me another day if not). Is that right? (yes/no)',
    ]);
    expect(await harness.send('no', 'worker-en')).toEqual(['By when? The task due date:']);
    expect(await harness.send('Friday at 3pm', 'worker-en')).toEqual(['I understand: Friday, 27 November 2026, at 15:00. Is that right? (yes/no)']);
    const summary = (await harness.sendAll(['yes', 'none', '3'], 'worker-en')).join('\n');
    expect(summary).toContain('- Due: Friday, 27 November 2026, at 15:00');
    expect(summary).toContain('- What: Send the housing application');
    await harness.send('yes', 'worker-en');
    const [task] = (await harness.store.repositories.cases.get('C-TESTEN'))!.tasks;
    expect(task).toMatchObject({ dueDate: '2026-11-27', dueTime: '15:00' });
    // The case view shows the time kept with the due date.
    expect((await harness.send('view case C-TESTEN', 'worker-en')).join('\n')).toContain('Friday, 27 November 2026, at 15:00');
  });
});
