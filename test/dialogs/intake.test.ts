import { afterEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../support/botHarness.js';

let harness: Harness;
afterEach(async () => harness?.close());

/** Answers up to (not including) the consent question, in Spanish. */
const INTAKE_ES = ['nueva apertura', '2', 'Familia García', '600 123 456', 'español', 'Europe/Madrid', 'Centro de salud Norte', 'ayer', 'sí'];

describe('intake dialog (Spanish)', () => {
  it('welcomes a worker on first contact with the worker options', async () => {
    harness = await createHarness();
    const replies = (await harness.send('hola')).join('\n');
    expect(replies).toContain('Hola, Lucía Martín');
    expect(replies).toMatch(/1\. Nueva apertura de caso/);
    expect(replies).toContain('Mis casos');
    expect(replies).not.toContain('Revisión de casos marcados');
  });

  it('opens a case with every field, confirming the date back', async () => {
    harness = await createHarness();
    await harness.send('hola');
    const dateQuestion = await harness.sendAll(INTAKE_ES.slice(0, 7));
    expect(dateQuestion.join()).toContain('Fecha de la apertura');
    const confirm = await harness.send('ayer');
    expect(confirm.join()).toContain('domingo, 22 de noviembre de 2026');
    await harness.send('sí');
    await harness.send('sí'); // data consent
    await harness.send('no'); // no messages
    await harness.send('fortalezas');
    const summary = (await harness.send('alta')).join('\n');
    expect(summary).toContain('Familia García');
    expect(summary).toContain('Basado en fortalezas');
    const done = (await harness.send('sí')).join('\n');
    const caseId = /Caso (C-[A-Z0-9]{6}) abierto/.exec(done)?.[1];
    expect(caseId).toBeDefined();

    const stored = await harness.store.repositories.cases.get(caseId!);
    expect(stored).toMatchObject({
      status: 'open',
      workerId: 'worker-1',
      team: 'norte',
      model: 'strengths',
      priority: 'high',
      intakeDate: '2026-11-22',
      referralSource: 'Centro de salud Norte',
      client: { kind: 'family', name: 'Familia García', contact: '600 123 456', language: 'es', timeZone: 'Europe/Madrid' },
      consent: { dataProcessing: true, messaging: false, recordedBy: 'worker-1' },
    });
    const audit = await harness.store.repositories.audit.readDay('2026-11-23');
    expect(audit).toContainEqual(expect.objectContaining({ actor: 'worker-1', action: 'case.create', caseId }));
  });

  it('re-asks on wrong input without losing earlier answers', async () => {
    harness = await createHarness();
    await harness.send('hola');
    const wrongKind = await harness.send('nueva apertura').then(() => harness.send('7'));
    expect(wrongKind.join()).toContain('Elige una opción');
    await harness.sendAll(['persona', 'Ana', 'no', 'english']);
    const badZone = await harness.send('Marte/Olympus');
    expect(badZone.join()).toContain('No reconozco esa zona horaria');
    await harness.sendAll(['Atlantic/Canary', 'Colegio']);
    const badDate = await harness.send('cuando pueda');
    expect(badDate.join()).toContain('No he entendido la fecha');
    const future = await harness.send('mañana');
    expect(future.join()).toContain('aún no ha llegado');
  });

  it('refuses to open a case without consent and saves nothing', async () => {
    harness = await createHarness();
    await harness.send('hola');
    await harness.sendAll(INTAKE_ES.slice(0, 8));
    await harness.send('sí'); // date confirmed
    const refusal = (await harness.send('no')).join();
    expect(refusal).toContain('Sin el consentimiento');
    expect(await harness.store.repositories.cases.all()).toHaveLength(0);
  });

  it('cancel discards the unsaved input and says so', async () => {
    harness = await createHarness();
    await harness.send('hola');
    await harness.sendAll(['nueva apertura', 'persona', 'Ana']);
    const cancelled = (await harness.send('cancelar')).join();
    expect(cancelled).toContain('Cancelado: apertura de caso');
    expect(cancelled).toContain('No se ha guardado nada');
    expect(await harness.store.repositories.cases.all()).toHaveLength(0);
    const after = (await harness.send('Familia')).join();
    expect(after).toContain('No te he entendido');
  });

  it('help explains the step and asks the same question again', async () => {
    harness = await createHarness();
    await harness.send('hola');
    await harness.sendAll(['nueva apertura', 'persona']);
    const help = await harness.send('ayuda');
    expect(help.join()).toContain('Apertura (paso 1 del proceso)');
    expect(help.at(-1)).toContain('Nombre o alias');
  });
});

describe('intake dialog (English)', () => {
  it('opens a case typed in English by an English-speaking worker', async () => {
    harness = await createHarness();
    const welcome = (await harness.send('hello', 'worker-en')).join();
    expect(welcome).toContain('Hello, Sarah Jones');
    const answers = [
      'new case',
      'individual',
      'John D.',
      'none',
      'english',
      'Europe/London',
      'GP surgery',
      'today',
      'yes',
      'yes',
      'yes',
      'brokerage',
      'medium',
    ];
    const summary = (await harness.sendAll(answers, 'worker-en')).join('\n');
    expect(summary).toContain('Intake summary');
    expect(summary).toContain('Monday, 23 November 2026');
    const done = (await harness.send('yes', 'worker-en')).join();
    expect(done).toMatch(/Case C-[A-Z0-9]{6} opened for John D\./);
    const stored = (await harness.store.repositories.cases.all())[0]!;
    expect(stored).toMatchObject({
      team: 'sur',
      model: 'brokerage',
      client: { contact: '', language: 'en', timeZone: 'Europe/London' },
      consent: { messaging: true },
    });
  });
});
