import { describe, expect, it } from 'vitest';
import { draftFromSentence, readGoalSentence, rewriteGoal } from '../../src/domain/smart.js';
import type { Language, LifeDomain } from '../../src/domain/schemas.js';

// Monday 23 November 2026, 10:00 in Madrid.
const reading = (lang: Language) => ({ lang, timeZone: 'Europe/Madrid', now: new Date('2026-11-23T09:00:00Z') });
const NEEDS: LifeDomain[] = ['employment', 'housing', 'income'];

describe('readGoalSentence', () => {
  it('reads actor, indicator, target, deadline and need from a complete Spanish goal', () => {
    expect(readGoalSentence('Ana enviará 3 currículos por semana hasta el 31 de enero', reading('es'))).toEqual({
      actor: 'Ana',
      indicator: 'número de currículos enviados',
      target: '3 currículos por semana',
      deadline: '2027-01-31',
      domain: 'employment',
    });
  });

  it('reads a complete English goal the same way', () => {
    expect(readGoalSentence('Ana will send 3 CVs a week until 31 January', reading('en'))).toEqual({
      actor: 'Ana',
      indicator: 'number of CVs sent',
      target: '3 CVs a week',
      deadline: '2027-01-31',
      domain: 'employment',
    });
  });

  it('takes a document the action is about as a checkable target', () => {
    const read = readGoalSentence('Marta renovará la tarjeta de demanda de empleo antes del 10 de diciembre', reading('es'));
    expect(read).toMatchObject({
      actor: 'Marta',
      indicator: 'tarjeta de demanda de empleo',
      target: 'tarjeta de demanda de empleo renovada',
      deadline: '2026-12-10',
    });
    expect(readGoalSentence('Request the registration certificate at the town hall by 15 December', reading('en'))).toMatchObject({
      indicator: 'registration certificate',
      target: 'registration certificate requested',
    });
  });

  it('names no actor for an infinitive, and no institution as the actor', () => {
    expect(readGoalSentence('Presentar la solicitud de vivienda antes del 20 de diciembre', reading('es')).actor).toBeUndefined();
    expect(readGoalSentence('Que el juzgado le dé la custodia de sus hijos', reading('es')).actor).toBeUndefined();
    expect(readGoalSentence('La familia acudirá a 3 sesiones de la escuela de padres', reading('es')).actor).toBe('La familia');
  });

  it('leaves out what the sentence does not say: an activity has no indicator, a change verb no target', () => {
    expect(readGoalSentence('buscar trabajo', reading('es'))).toEqual({ domain: 'employment' });
    expect(readGoalSentence('look for a job', reading('en'))).toEqual({ domain: 'employment' });
    const reduce = readGoalSentence('Reducir las deudas con el banco antes de junio', reading('es'));
    expect(reduce).toMatchObject({ indicator: 'deudas con el banco', deadline: '2027-06-01' });
    expect(reduce.target).toBeUndefined();
  });

  it('does not take a number inside a date, a time or «a las 4 citas» wrongly', () => {
    expect(readGoalSentence('Que Ana acuda a las 4 citas con la orientadora antes del 15 de febrero', reading('es'))).toMatchObject({
      target: '4 citas',
      deadline: '2027-02-15',
    });
    expect(readGoalSentence('Presentar la solicitud antes del 20 de diciembre', reading('es')).target).not.toMatch(/20/);
  });

  it('reads a past deadline as it is, for the check to refuse', () => {
    expect(readGoalSentence('Renovar el DNI antes del 15 de noviembre de 2026', reading('es')).deadline).toBe('2026-11-15');
  });
});

describe('draftFromSentence and rewriteGoal', () => {
  it('gives the goal to the client when it names nobody, and the need only when it is assessed', () => {
    const draft = draftFromSentence('Pedir cita en el centro de salud antes del 4 de diciembre', reading('es'), 'Ana P.', NEEDS);
    expect(draft.actor).toBe('Ana P.');
    expect(draft.domain).toBeUndefined();
    expect(draftFromSentence('Ana enviará 3 currículos por semana', reading('es'), 'Ana P.', NEEDS).domain).toBe('employment');
  });

  it('drops the indicator and target when the action changes, and keeps them when it does not', () => {
    const draft = { ...draftFromSentence('Ana buscará piso', reading('es'), 'Ana P.', NEEDS), indicator: 'pisos visitados', target: '2 por semana' };
    const sameAction = rewriteGoal(draft, 'Ana buscará piso hasta el 15 de enero', reading('es'), NEEDS);
    expect(sameAction).toMatchObject({ indicator: 'pisos visitados', target: '2 por semana', deadline: '2027-01-15' });

    const otherAction = rewriteGoal(draft, 'Ana irá a la oficina de vivienda', reading('es'), NEEDS);
    expect(otherAction.indicator).toBeUndefined();
    expect(otherAction.target).toBeUndefined();

    const saysItsOwn = rewriteGoal(draft, 'Ana irá a 2 talleres de empleo', reading('es'), NEEDS);
    expect(saysItsOwn).toMatchObject({ indicator: 'número de talleres', target: '2 talleres' });
  });

  it('asks the third-party question again for a new sentence', () => {
    const kept = { ...draftFromSentence('obtener vivienda', reading('es'), 'Ana P.', NEEDS), thirdPartyAcknowledged: true };
    expect(rewriteGoal(kept, 'conseguir un piso', reading('es'), NEEDS).thirdPartyAcknowledged).toBe(false);
  });
});
