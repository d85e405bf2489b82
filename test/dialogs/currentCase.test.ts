// The current case, cases named by client or list number, failed picks, a language change
// mid-dialog, answers refused three times, cancelling after several answers and a link code
// typed inside a sentence.
import { afterEach, describe, expect, it } from 'vitest';
import { caseRecord } from '../support/records.js';
import { createHarness, type Harness } from '../support/botHarness.js';

let harness: Harness;
afterEach(async () => harness?.close());

const joined = (replies: string[]) => replies.join('\n');
const client = (name: string) => ({ ...caseRecord().client, name });
const CARMEN = caseRecord({ id: 'C-CARMEN', client: client('Carmen Ortega Ruiz') });
const CARMELA = caseRecord({ id: 'C-CARMLA', client: client('Carmen López') });
const ANA = caseRecord({ id: 'C-ANAPRZ', client: client('Ana Pérez') });
/** Pablo's case, which Lucía may not see. */
const OTHER = caseRecord({ id: 'C-OTHERS', workerId: 'worker-2', client: client('Rosa Ortega') });

async function start(cases = [CARMEN, CARMELA, ANA, OTHER]) {
  harness = await createHarness({ cases });
  await harness.send('hola');
}

describe('the current case', () => {
  it('is used by the next command, which says so, until another case is named by id', async () => {
    await start();
    await harness.send('contacto C-CARMEN');
    await harness.send('cancelar');
    const task = await harness.send('tarea');
    expect(task[0]).toBe('Caso C-CARMEN · Carmen Ortega Ruiz');
    expect(joined(task)).toContain('¿Qué hay que hacer?');
    expect(joined(task)).not.toContain('¿Con qué caso?');
    await harness.send('cancelar');
    expect((await harness.send('valoración C-ANAPRZ'))[0]).toBe('Caso C-ANAPRZ · Ana Pérez');
    await harness.send('cancelar');
    expect((await harness.send('contacto'))[0]).toBe('Caso C-ANAPRZ · Ana Pérez');
  });

  it('says the case in English too', async () => {
    harness = await createHarness({ cases: [caseRecord({ id: 'C-JOHNDO', workerId: 'worker-en', team: 'sur', client: client('John Doe') })] });
    await harness.send('hello', 'worker-en');
    expect((await harness.send('log contact john', 'worker-en'))[0]).toBe('Case C-JOHNDO · John Doe');
  });
});

describe('a case named with the command', () => {
  it('by the client name or part of it, without accents or capitals', async () => {
    await start();
    expect((await harness.send('contacto ortega'))[0]).toBe('Caso C-CARMEN · Carmen Ortega Ruiz');
    await harness.send('cancelar');
    expect((await harness.send('valoración ana perez'))[0]).toBe('Caso C-ANAPRZ · Ana Pérez');
    await harness.send('cancelar');
    expect((await harness.send('tarea para lopez'))[0]).toBe('Caso C-CARMLA · Carmen López');
  });

  it('lists the matches to pick from when several clients share the name', async () => {
    await start();
    const both = joined(await harness.send('contacto carmen'));
    expect(both).toContain('2 casos coinciden con «carmen»');
    expect(both).toContain('1. C-CARMEN · Carmen Ortega Ruiz');
    expect(both).toContain('2. C-CARMLA · Carmen López');
    expect(both).not.toContain('Ana Pérez');
    const picked = await harness.send('2');
    expect(picked[0]).toBe('Caso C-CARMLA · Carmen López');
    expect(joined(picked)).toContain('Fecha del contacto');
  });

  it('by its number in the last list shown', async () => {
    await start();
    const list = joined(await harness.send('mis casos'));
    const second = /2\. (C-[A-Z]+) · ([^·]+) ·/.exec(list);
    expect(second).not.toBeNull();
    const picked = await harness.send('tarea 2');
    expect(picked[0]).toBe(`Caso ${second![1]} · ${second![2]!.trim()}`);
  });

  it('never finds a case the worker may not see, by name or by id', async () => {
    await start();
    const rosa = joined(await harness.send('contacto rosa'));
    expect(rosa).toContain('No encuentro «rosa» entre tus casos');
    expect(rosa).not.toContain('C-OTHERS');
    // «ortega» holds only Lucía's Carmen: Pablo's Rosa Ortega is not among the matches.
    expect((await harness.send('cancelar')).join()).toContain('Cancelado');
    expect((await harness.send('contacto ortega'))[0]).toBe('Caso C-CARMEN · Carmen Ortega Ruiz');
    await harness.send('cancelar');
    expect(joined(await harness.send('contacto C-OTHERS'))).toContain('No encuentro el caso C-OTHERS');
  });
});

describe('a failed pick', () => {
  it('asks again, and a number after it picks from the list instead of opening the menu', async () => {
    await start();
    await harness.send('contacto');
    const failed = joined(await harness.send('C-ZZZZZZ'));
    expect(failed).toContain('No encuentro el caso C-ZZZZZZ');
    expect(failed).toContain('¿Con qué caso?');
    const one = joined(await harness.send('1'));
    expect(one).not.toContain('Nueva apertura');
    expect(one).toMatch(/^Caso C-[A-Z]+ · /);
    expect(one).toContain('Fecha del contacto');
  });

  it('after a name that matches nothing asks again, and offers a way out after three', async () => {
    await start();
    await harness.send('contacto');
    expect(joined(await harness.send('la del desahucio'))).toContain('¿Con qué caso?');
    await harness.send('la de ayer');
    const third = joined(await harness.send('no me acuerdo'));
    expect(third).toContain('Parece que no consigo entender la respuesta. Escribe «cancelar» para salir');
    expect(third).toContain('1. C-');
    expect(joined(await harness.send('cancelar'))).toContain('Cancelado: registro de contacto');
  });
});

describe('inside a dialog', () => {
  it('«idioma» switches the language and asks the same question again in the new one', async () => {
    await start([]);
    await harness.sendAll(['nueva apertura', 'persona']);
    const switched = joined(await harness.send('idioma'));
    expect(switched).toContain('I will speak English');
    expect(switched).toContain('name or alias');
    expect(switched).not.toContain('Algo ha fallado');
    expect(switched).not.toContain('Nombre o alias');
    // The answer goes on in English, and a choice comes with English labels.
    await harness.send('Carmen O.');
    const language = joined(await harness.send('no'));
    expect(language).toContain('1. Spanish');
    const back = joined(await harness.send('idioma español'));
    expect(back).toContain('1. Español');
    expect(back).not.toContain('Spanish');
  });

  it('«idioma» while picking the case asks which case again in the new language', async () => {
    await start();
    await harness.send('contacto');
    const picking = joined(await harness.send('idioma'));
    expect(picking).toContain('Which case? Type its number in the list or the case id.');
    expect(picking).toContain('1. C-CARMEN · Carmen Ortega Ruiz · open');
    const picked = joined(await harness.send('1'));
    expect(picked).toContain('Case C-CARMEN · Carmen Ortega Ruiz');
    expect(picked).toContain('Date of the contact');
  });

  it('«idioma» at a date question asks for the date again in the new language and reads it there', async () => {
    await start();
    expect(joined(await harness.send('contacto C-CARMEN'))).toContain('Fecha del contacto');
    const switched = joined(await harness.send('idioma'));
    expect(switched).toContain('Date of the contact');
    expect(switched).not.toContain('Fecha del contacto');
    expect(joined(await harness.send('yesterday'))).toContain('I understand:');
  });

  it('an answer refused three times offers a way out, with the choices again', async () => {
    await start([]);
    await harness.send('nueva apertura');
    expect(joined(await harness.send('perro'))).toContain('Elige una opción');
    await harness.send('gato');
    const third = joined(await harness.send('pez'));
    expect(third).toContain('Parece que no consigo entender la respuesta. Escribe «cancelar» para salir o «ayuda»');
    expect(third).toContain('1. Persona');
    expect(joined(await harness.send('2'))).toContain('Nombre o alias');
  });

  it('cancelling after three answers asks first: «no» goes on with the same question, «sí» cancels', async () => {
    await start([]);
    await harness.sendAll(['nueva apertura', 'persona', 'Carmen O.', 'no']);
    const asked = joined(await harness.send('cancelar'));
    expect(asked).toBe('Llevas 3 respuestas en: apertura de caso. ¿Seguro que quieres cancelar y perderlas? (sí/no)');
    const goOn = joined(await harness.send('no'));
    expect(goOn).toContain('¿En qué idioma prefiere');
    expect(goOn).not.toContain('Cancelado');
    await harness.send('cancelar');
    expect(joined(await harness.send('sí'))).toContain('Cancelado: apertura de caso');
    expect(await harness.store.repositories.cases.all()).toEqual([]);
  });

  it('«cancelar» twice cancels; with fewer than three answers it cancels at once', async () => {
    await start([]);
    await harness.sendAll(['nueva apertura', 'persona', 'Carmen O.', 'no', 'cancelar']);
    expect(joined(await harness.send('cancelar'))).toContain('Cancelado: apertura de caso');
    await harness.sendAll(['nueva apertura', 'persona']);
    expect(joined(await harness.send('cancelar'))).toContain('Cancelado: apertura de caso');
  });
});

describe('a link code inside a sentence', () => {
  it('links the client', async () => {
    await start([CARMEN]);
    const created = joined(await harness.send('código C-CARMEN'));
    const code = /([A-Z2-9]{4}-[A-Z2-9]{4})/.exec(created)?.[1];
    expect(code).toBeDefined();
    const linked = joined(await harness.send(`hola, mi código es ${code!.toLowerCase()}, gracias`, 'client-phone'));
    expect(linked).toContain('Ya estamos en contacto');
    expect((await harness.store.repositories.clientLinks.get('client-phone'))?.caseId).toBe('C-CARMEN');
  });
});
