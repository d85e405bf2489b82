// Rectification trail (SPEC §5): a corrected fact keeps its earlier value with who changed it
// and when; the case view shows the latest.
import { afterEach, describe, expect, it } from 'vitest';
import { CaseClosedError, DomainError } from '../../src/domain/errors.js';
import { DEMO_CASE_IDS } from '../../src/demo/demoData.js';
import type { Actor } from '../../src/domain/access.js';
import { correctionsOf } from '../../src/domain/rectification.js';
import { DataInputError, factOption, factValue } from '../../src/cli/dataCommands.js';
import { CaseAccessError } from '../../src/app/caseService.js';
import { createHarness, DEMO_STAFF, type Harness } from '../support/botHarness.js';
import { FULL_CASE, NOW, seedFullCase } from './seededCase.js';

let harness: Harness;
afterEach(async () => harness?.close());

const lucia = DEMO_STAFF[0]!;
const actor: Actor = { kind: 'staff', id: lucia.id, staff: lucia };

async function setup() {
  harness = await createHarness({ now: NOW });
  const record = await seedFullCase(harness.store.repositories);
  // Carmen's case is Lucía's in the demo; here the harness's Lucía works on it.
  await harness.store.repositories.cases.put({ ...record, workerId: lucia.id, corrections: [] });
  return (await harness.store.repositories.cases.get(FULL_CASE))!;
}

describe('correcting a recorded fact', () => {
  it('keeps the earlier goal text, rating and contact note, with who and when; the case holds the latest', async () => {
    const record = await setup();
    const goal = record.goals[0]!;
    const assessment = record.assessments[0]!;
    const contact = record.contacts[0]!;
    const rights = harness.services.dataRights;
    await rights.correct(actor, FULL_CASE, { kind: 'goal', id: goal.id, field: 'text' }, 'Carmen pedirá cita en la oficina de vivienda antes del viernes');
    harness.clock.now = new Date(NOW.getTime() + 60_000);
    await rights.correct(actor, FULL_CASE, { kind: 'rating', id: assessment.id, field: 'housing' }, 1);
    await rights.correct(actor, FULL_CASE, { kind: 'contact', id: contact.id, field: 'note' }, 'Nota corregida');

    const stored = (await harness.store.repositories.cases.get(FULL_CASE))!;
    expect(stored.goals[0]!.text).toBe('Carmen pedirá cita en la oficina de vivienda antes del viernes');
    expect(stored.assessments[0]!.ratings.housing).toBe(1);
    expect(stored.contacts[0]!.note).toBe('Nota corregida');
    expect(correctionsOf(stored, 'goal', goal.id, 'text')).toEqual([
      { at: NOW.toISOString(), by: lucia.id, target: { kind: 'goal', id: goal.id, field: 'text' }, previous: goal.text },
    ]);
    expect(correctionsOf(stored, 'rating', assessment.id)).toEqual([
      {
        at: new Date(NOW.getTime() + 60_000).toISOString(),
        by: lucia.id,
        target: { kind: 'rating', id: assessment.id, field: 'housing' },
        previous: assessment.ratings.housing ?? null,
      },
    ]);
    expect(correctionsOf(stored, 'contact', contact.id, 'note')[0]!.previous).toBe(contact.note);

    // A second correction of the same fact keeps both earlier values, oldest first.
    await rights.correct(actor, FULL_CASE, { kind: 'contact', id: contact.id, field: 'note' }, 'Nota corregida otra vez');
    const again = (await harness.store.repositories.cases.get(FULL_CASE))!;
    expect(correctionsOf(again, 'contact', contact.id, 'note').map((c) => c.previous)).toEqual([contact.note, 'Nota corregida']);

    const audit = await harness.store.repositories.audit.readDay('2026-12-01');
    expect(audit.filter((e) => e.action === 'case.rectify').map((e) => [e.actor, e.caseId])).toEqual(Array(4).fill([lucia.id, FULL_CASE]));

    await harness.send('hola', lucia.id);
    const view = (await harness.send(`ver caso ${FULL_CASE}`, lucia.id)).join('\n');
    expect(view).toContain('Carmen pedirá cita en la oficina de vivienda antes del viernes');
    expect(view).not.toContain(goal.text);
  });

  it('refuses a missing fact, an invalid value, the same value and a closed case, changing nothing', async () => {
    const record = await setup();
    const rights = harness.services.dataRights;
    const contact = record.contacts[0]!;
    await expect(rights.correct(actor, FULL_CASE, { kind: 'contact', id: 'CT-NONE00', field: 'note' }, 'x')).rejects.toMatchObject({ code: 'factNotFound' });
    await expect(rights.correct(actor, FULL_CASE, { kind: 'contact', id: contact.id, field: 'minutes' }, 5000)).rejects.toMatchObject({ code: 'invalidValue' });
    await expect(rights.correct(actor, FULL_CASE, { kind: 'rating', id: record.assessments[0]!.id, field: 'housing' }, 9)).rejects.toBeInstanceOf(DomainError);
    await expect(rights.correct(actor, FULL_CASE, { kind: 'contact', id: contact.id, field: 'note' }, contact.note)).rejects.toMatchObject({
      code: 'sameValue',
    });
    expect((await harness.store.repositories.cases.get(FULL_CASE))!.corrections).toEqual([]);
    expect((await harness.store.repositories.cases.get(FULL_CASE))!.contacts[0]).toEqual(contact);

    const closed = (await harness.store.repositories.cases.get(DEMO_CASE_IDS.clinical))!;
    await harness.store.repositories.cases.put({ ...closed, workerId: lucia.id });
    await expect(rights.correct(actor, closed.id, { kind: 'goal', id: closed.goals[0]!.id, field: 'text' }, 'Otro texto')).rejects.toBeInstanceOf(
      CaseClosedError,
    );
  });

  it('applies a correction the client asked for from the command line, on a closed case too, never on a blocked one', async () => {
    await setup();
    const repos = harness.store.repositories;
    const closed = (await repos.cases.get(DEMO_CASE_IDS.clinical))!;
    const admin = DEMO_STAFF.find((s) => s.role === 'admin')!;
    const fact = factOption(`contact:${closed.contacts[0]!.id}:minutes`);
    expect(factValue(fact, '45')).toBe(45);
    const corrected = await harness.services.dataRights.correctOnRequest(admin, closed.id, fact, 45);
    expect(corrected.contacts[0]!.minutes).toBe(45);
    expect(correctionsOf(corrected, 'contact', closed.contacts[0]!.id)).toEqual([
      { at: NOW.toISOString(), by: admin.id, target: { kind: 'contact', id: closed.contacts[0]!.id, field: 'minutes' }, previous: closed.contacts[0]!.minutes },
    ]);
    await repos.cases.put({ ...corrected, blocked: { at: NOW.toISOString(), by: admin.id } });
    await expect(harness.services.dataRights.correctOnRequest(admin, closed.id, fact, 50)).rejects.toBeInstanceOf(CaseAccessError);
    expect((await repos.cases.get(closed.id))!.contacts[0]!.minutes).toBe(45);

    expect(factValue(factOption('rating:A-1:housing'), 'none')).toBeNull();
    expect(() => factOption('goal:G-1:colour')).toThrow(DataInputError);
    expect(() => factOption('task:T-1:text')).toThrow(/--fact must be/);
    expect(() => factValue(factOption('rating:A-1:housing'), 'dos')).toThrow(/whole number/);
    expect(factValue(factOption('goal:G-1:text'), ' Nuevo texto ')).toBe('Nuevo texto');
  });
});
