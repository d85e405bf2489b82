// Phrases of intent and commands that carry their answers, read by plain functions.
import { describe, expect, it } from 'vitest';
import { contactTypeChoices } from '../../dialogs/contactLogDialog.js';
import { categoryChoices } from '../../dialogs/directoryDialog.js';
import {
  leadingChoice,
  linesOf,
  listNumberIn,
  minutesIn,
  readCommand,
  readContactRequest,
  readReferralRequest,
  readTaskLine,
  taggedLine,
} from '../../dialogs/intents.js';
import { MENU, type Audience } from '../../dialogs/menu.js';
import { REFERRAL_STATUSES } from '../../src/domain/schemas.js';
import { catalogChoices } from '../../dialogs/choices.js';
import type { MessageKey } from '../../src/i18n/catalog.js';

const entriesOf = (audience: Audience) => MENU.filter((e) => e.audiences.includes(audience));
const dialogOf = (typed: string, audience: Audience = 'worker') => readCommand(typed, entriesOf(audience))?.entry.dialogId;
const statuses = (lang: 'es' | 'en') =>
  catalogChoices(
    lang,
    REFERRAL_STATUSES.map((s) => [s, `services.status_${s}`, `services.statusWords_${s}`] as [string, MessageKey, MessageKey]),
  );
const owners = (lang: 'es' | 'en') =>
  catalogChoices(lang, [
    ['client', 'tasks.ownerClient', 'tasks.ownerWords_client'],
    ['worker', 'tasks.ownerWorker', 'tasks.ownerWords_worker'],
    ['professional', 'tasks.ownerProfessional', 'tasks.ownerWords_professional'],
  ]);
const kinds = (lang: 'es' | 'en') =>
  catalogChoices(lang, [
    ['internal', 'tasks.obstacleInternal', 'tasks.obstacleWords_internal'],
    ['external', 'tasks.obstacleExternal', 'tasks.obstacleWords_external'],
  ]);
const NOW = new Date('2026-11-23T09:00:00Z');

describe('phrases of intent reach the option they name', () => {
  it.each([
    ['quiero apuntar una visita', 'contactLog'],
    ['apunta una llamada de 20 minutos con Carmen', 'contactLog'],
    ['registrar avance', 'taskProgress'],
    ['quiero registrar avance de la tarea 2', 'taskProgress'],
    ['nueva tarea', 'task'],
    ['derivar a vivienda', 'referral'],
    ['derivación nueva vivienda C-7K3QPA', 'referral'],
    ['nueva apertura Carmen Ortega Ruiz', 'intake'],
    ['quiero hacer la valoración del caso C-7K3QPA', 'assessment'],
  ])('in Spanish: «%s» → %s', (typed, dialogId) => {
    expect(dialogOf(typed)).toBe(dialogId);
  });

  it.each([
    ["I'd like to log a visit", 'contactLog'],
    ['log a call of 20 minutes with Carmen', 'contactLog'],
    ['record progress on task 2', 'taskProgress'],
    ['new task', 'task'],
    ['refer to housing', 'referral'],
    ['I want to view case C-7K3QPA', 'caseSummary'],
  ])('in English: "%s" → %s', (typed, dialogId) => {
    expect(dialogOf(typed)).toBe(dialogId);
  });

  it('lets a client tell how it is going, in either language', () => {
    expect(dialogOf('quiero contar cómo me va', 'client')).toBe('checkIn');
    expect(dialogOf('I want to check in', 'client')).toBe('checkIn');
    // A worker's option is not a client's.
    expect(dialogOf('apunta una visita', 'client')).toBeUndefined();
  });

  it('keeps what the command said beyond the option, as typed', () => {
    expect(readCommand('nueva apertura Carmen Ortega Ruiz', entriesOf('worker'))?.request).toEqual({ word: 'nueva apertura', rest: 'Carmen Ortega Ruiz' });
    expect(readCommand('apunta en C-7K3QPA una visita con Ana', entriesOf('worker'))?.request).toEqual({ word: 'visita', rest: 'con Ana' });
  });

  it('names nothing when the message is not a command', () => {
    expect(dialogOf('Familia')).toBeUndefined();
    expect(dialogOf('quiero')).toBeUndefined();
    expect(dialogOf('tengo una duda sobre la visita')).toBeUndefined();
    expect(dialogOf('the weather is nice')).toBeUndefined();
  });
});

describe('a contact named in a command', () => {
  it('reads type, minutes and with whom in Spanish', () => {
    expect(readContactRequest({ word: 'llamada', rest: 'de 20 minutos con Carmen' }, contactTypeChoices('es'))).toEqual({
      type: 'call',
      minutes: 20,
      withWhom: 'Carmen',
    });
    expect(readContactRequest({ word: 'contacto', rest: 'visita con Carmen y su hija, una hora' }, contactTypeChoices('es'))).toEqual({
      type: 'visit',
      minutes: 60,
      withWhom: 'Carmen y su hija',
    });
    expect(readContactRequest({ word: 'visita', rest: '' }, contactTypeChoices('es'))).toEqual({ type: 'visit' });
  });

  it('reads type, minutes and with whom in English', () => {
    expect(readContactRequest({ word: 'contact', rest: 'meeting with the school for half an hour' }, contactTypeChoices('en'))).toEqual({
      type: 'meeting',
      minutes: 30,
      withWhom: 'the school',
    });
    expect(readContactRequest({ word: 'call', rest: '15 min' }, contactTypeChoices('en'))).toEqual({ type: 'call', minutes: 15 });
  });

  it('reads minutes in a sentence and leaves the rest', () => {
    expect(minutesIn('visita de 45 minutos con Ana')).toEqual({ minutes: 45, rest: 'visita con Ana' });
    expect(minutesIn('media hora')).toEqual({ minutes: 30, rest: '' });
    expect(minutesIn('2 hours with John')).toEqual({ minutes: 120, rest: 'with John' });
    expect(minutesIn('con Ana')).toBeUndefined();
  });
});

describe('a referral command', () => {
  it('reads a new referral with its category, in either language', () => {
    expect(readReferralRequest({ word: 'derivacion', rest: 'nueva vivienda' }, categoryChoices('es'), statuses('es'))).toEqual({
      action: 'new',
      category: 'housing',
    });
    expect(readReferralRequest({ word: 'derivar', rest: 'a vivienda' }, categoryChoices('es'), statuses('es'))).toEqual({ action: 'new', category: 'housing' });
    expect(readReferralRequest({ word: 'refer', rest: 'to housing' }, categoryChoices('en'), statuses('en'))).toEqual({ action: 'new', category: 'housing' });
    expect(readReferralRequest({ word: 'derivacion', rest: 'nueva' }, categoryChoices('es'), statuses('es'))).toEqual({ action: 'new' });
  });

  it('reads a step along the lifecycle, with its number and note when given', () => {
    expect(readReferralRequest({ word: 'derivacion', rest: 'aceptada' }, categoryChoices('es'), statuses('es'))).toEqual({
      action: 'advance',
      status: 'accepted',
    });
    expect(readReferralRequest({ word: 'derivacion', rest: 'avanzar 2 aceptada' }, categoryChoices('es'), statuses('es'))).toEqual({
      action: 'advance',
      number: 2,
      status: 'accepted',
    });
    expect(readReferralRequest({ word: 'derivacion', rest: 'derivada: enviada con el informe social' }, categoryChoices('es'), statuses('es'))).toEqual({
      action: 'advance',
      status: 'referred',
      note: 'enviada con el informe social',
    });
    expect(readReferralRequest({ word: 'referral', rest: 'declined, no places left' }, categoryChoices('en'), statuses('en'))).toEqual({
      action: 'advance',
      status: 'declined',
      note: 'no places left',
    });
  });

  it('reads nothing from a plain command or an unknown word', () => {
    expect(readReferralRequest({ word: 'derivacion', rest: '' }, categoryChoices('es'), statuses('es'))).toEqual({});
    expect(readReferralRequest({ word: 'referral', rest: 'whatever' }, categoryChoices('en'), statuses('en'))).toEqual({});
  });
});

describe('answers several at once', () => {
  it('reads a task with who does it and by when, keeping commas of the description', () => {
    const es = readTaskLine('Reunir el padrón, las nóminas y el contrato, la persona usuaria, para el 15/12/2026', owners('es'), 'es', 'Europe/Madrid', NOW);
    expect(es).toEqual({ description: 'Reunir el padrón, las nóminas y el contrato', owner: 'client', dueDate: '2026-12-15' });
    const en = readTaskLine('Call the landlord, me, by Friday', owners('en'), 'en', 'Europe/London', NOW);
    expect(en).toEqual({ description: 'Call the landlord', owner: 'worker', dueDate: '2026-11-27' });
    expect(readTaskLine('Pedir cita, para el médico', owners('es'), 'es', 'Europe/Madrid', NOW)).toEqual({ description: 'Pedir cita, para el médico' });
  });

  it('reads a choice followed by more', () => {
    const ratings = catalogChoices('es', [
      ['3', 'tasks.rating_3'],
      ['noOpportunity', 'tasks.rating_noOpportunity', 'tasks.ratingWords_noOpportunity'],
    ]);
    expect(leadingChoice('1, le faltaba una nómina; la pidió', ratings)).toEqual({ value: '3', rest: 'le faltaba una nómina; la pidió' });
    expect(leadingChoice('sin oportunidad: cerrado por obras', ratings)).toEqual({ value: 'noOpportunity', rest: 'cerrado por obras' });
    expect(
      leadingChoice(
        'no opportunity - office closed',
        catalogChoices('en', [['noOpportunity', 'tasks.rating_noOpportunity', 'tasks.ratingWords_noOpportunity']]),
      ),
    ).toEqual({
      value: 'noOpportunity',
      rest: 'office closed',
    });
    expect(leadingChoice('quizá, no sé', ratings)).toBeUndefined();
  });

  it('reads lines and bracketed kinds', () => {
    expect(linesOf('- Deudas de alquiler\n\n2) Aislamiento')).toEqual(['Deudas de alquiler', 'Aislamiento']);
    expect(taggedLine('Se agobia con los trámites (interno)', kinds('es'))).toEqual({ text: 'Se agobia con los trámites', value: 'internal' });
    expect(taggedLine('No bus on Sundays (external)', kinds('en'))).toEqual({ text: 'No bus on Sundays', value: 'external' });
    expect(taggedLine('Vive lejos (a 20 km)', kinds('es'))).toEqual({ text: 'Vive lejos (a 20 km)' });
  });

  it('reads a list number after a word', () => {
    expect(listNumberIn('tarea 2')).toBe(2);
    expect(listNumberIn('task 1')).toBe(1);
    expect(listNumberIn('3')).toBe(3);
    expect(listNumberIn('')).toBeUndefined();
    expect(listNumberIn('la del padrón')).toBeUndefined();
  });
});
