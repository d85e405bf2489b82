import { afterEach, describe, expect, it } from 'vitest';
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
