// The follow-up steps as forms in Teams: a contact, a new referral, a referral's new status
// and an advocacy action are each one card saved with one press after the command — shown
// by the dialog, or offered on the case card as a form that runs the command itself.
import { afterEach, describe, expect, it } from 'vitest';
import { CASE_FORMS, type CaseForm } from '../../dialogs/cards/caseForms.js';
import { DEMO_SERVICES } from '../../src/demo/services.js';
import type { Case, Referral } from '../../src/domain/schemas.js';
import { createHarness, type Harness } from '../support/botHarness.js';
import { TEAMS, TEAMS_MESSAGE_BYTES, actionTitled, inputIds, lastCard, press, replyBytes } from '../support/cardDriver.js';
import { caseRecord } from '../support/records.js';

let h: Harness;
afterEach(async () => h?.close());

// The harness clock: Monday 23 November 2026, 10:00 in Madrid.
const NOW = '2026-11-23T09:00:00.000Z';
const CASE_ES = caseRecord({ id: 'C-TESTES' });
const CASE_EN = caseRecord({ id: 'C-TESTEN', workerId: 'worker-en', team: 'sur', client: { ...CASE_ES.client, name: 'John D.', language: 'en' } });

async function withCases(...cases: Case[]): Promise<Harness> {
  h = await createHarness({ cases });
  for (const service of DEMO_SERVICES) await h.store.repositories.services.put(service);
  await h.send('hola', 'worker-1', TEAMS);
  await h.send('hello', 'worker-en', TEAMS);
  return h;
}

const stored = async (caseId = 'C-TESTES') => (await h.store.repositories.cases.get(caseId))!;
const teams = (text: string, user = 'worker-1') => h.send(text, user, TEAMS);
/** What the last replies show, their cards included. */
const shown = () => h.lastReplies.map((r) => r.text ?? '').join('\n') + JSON.stringify(h.lastReplies.map((r) => r.attachments ?? []));
const formNamed = (id: string): CaseForm => CASE_FORMS.find((f) => f.id === id)!;

/** Presses a case-card form's «Guardar» as the card sends it: its command, once, with yes to the final question. */
function submitCaseForm(form: CaseForm, record: Case, inputs: Record<string, string>, once: string, user = 'worker-1') {
  return h.send('', user, { ...TEAMS, value: { enlace: { command: form.command(record), once, also: { confirm: 'Sí' } }, ...inputs } });
}

/** The ids of a case form's inputs, as the case card would show them. */
function formInputIds(form: CaseForm, record: Case, directory = DEMO_SERVICES): string[] {
  return form
    .body('es', record, 'Europe/Madrid', new Date(NOW), directory)
    .filter((e) => e.type.startsWith('Input.'))
    .map((e) => String(e.id));
}

function activeReferral(overrides: Partial<Referral> = {}): Referral {
  return {
    id: 'R-EXIST1',
    serviceId: 'SV-BANALI',
    category: 'food',
    status: 'proposed',
    cost: 0,
    history: [{ status: 'proposed', at: '2026-11-02T09:00:00.000Z', by: 'worker-1' }],
    createdAt: '2026-11-02T09:00:00.000Z',
    createdBy: 'worker-1',
    ...overrides,
  };
}

describe('the contact as one form', () => {
  it('saves a whole contact, its time of day included, with one press after the command', async () => {
    await withCases(CASE_ES);
    await teams('contacto C-TESTES');
    const form = lastCard(h);
    expect(inputIds(form)).toEqual(['type', 'date', 'time', 'minutes', 'withWhom', 'note']);
    expect(JSON.stringify(form)).toContain('Registrar un contacto');
    for (const bytes of replyBytes(h.lastReplies)) expect(bytes).toBeLessThan(TEAMS_MESSAGE_BYTES);
    const replies = await press(h, form, 'Guardar', {
      type: 'call',
      date: '2026-11-20',
      time: '17:30',
      minutes: '20',
      withWhom: 'Ana',
      note: 'Confirma la cita del centro de salud',
    });
    expect(replies.join('\n')).toMatch(/Contacto K-[A-Z0-9]{6} guardado en el caso C-TESTES/);
    expect((await stored()).contacts).toEqual([
      {
        id: expect.stringMatching(/^K-[A-Z0-9]{6}$/),
        date: '2026-11-20',
        time: '17:30',
        type: 'call',
        minutes: 20,
        withWhom: 'Ana',
        note: 'Confirma la cita del centro de salud',
        by: 'worker-1',
        at: NOW,
      },
    ]);
  });

  it('says what was wrong on the form, asks that alone, takes the rest as sent and confirms before saving', async () => {
    await withCases(CASE_ES);
    await teams('contacto C-TESTES');
    const replies = await press(h, lastCard(h), 'Guardar', { type: 'visit', date: '2026-11-30', minutes: '30', withWhom: 'Ana', note: '' });
    expect(replies.join('\n')).toContain('aún no ha llegado');
    // The day is asked again; nothing stored.
    expect(inputIds(lastCard(h))).toEqual(['answer']);
    expect((await stored()).contacts).toEqual([]);
    // Put right, the rest of the form is taken as it was sent; what is saved is confirmed first.
    await press(h, lastCard(h), 'Enviar', { answer: '2026-11-20' });
    expect((await stored()).contacts).toEqual([]);
    const saved = await press(h, lastCard(h), 'Sí');
    expect(saved.join('\n')).toMatch(/Contacto K-[A-Z0-9]{6} guardado/);
    expect((await stored()).contacts).toEqual([expect.objectContaining({ date: '2026-11-20', type: 'visit', minutes: 30, withWhom: 'Ana', note: '' })]);
  });

  it('saves the contact from the case card in one submit, once, a note left empty counting as none', async () => {
    await withCases(CASE_ES);
    const form = formNamed('contact');
    expect(form.applies(CASE_ES)).toBe(true);
    expect(form.applies({ ...CASE_ES, status: 'closed' })).toBe(false);
    expect(formInputIds(form, CASE_ES)).toEqual(['type', 'date', 'time', 'minutes', 'withWhom', 'note']);
    const inputs = { type: 'visit', date: '2026-11-23', minutes: '45', withWhom: 'Ana y su hija' };
    const replies = await submitCaseForm(form, CASE_ES, inputs, 'form-contact');
    expect(replies.join('\n')).toMatch(/Contacto K-[A-Z0-9]{6} guardado en el caso C-TESTES/);
    expect((await stored()).contacts).toEqual([
      expect.objectContaining({ date: '2026-11-23', type: 'visit', minutes: 45, withWhom: 'Ana y su hija', note: '' }),
    ]);
    expect((await stored()).contacts[0]).not.toHaveProperty('time');
    // Pressed again: the same form is not saved twice.
    const again = await submitCaseForm(form, CASE_ES, inputs, 'form-contact');
    expect(again).toEqual([expect.stringMatching(/ya se respondió/)]);
    expect((await stored()).contacts).toHaveLength(1);
  });

  it('keeps the typed contact outside Teams', async () => {
    await withCases(CASE_ES);
    const replies = await h.send('contacto C-TESTES');
    expect(replies.join()).toContain('Fecha del contacto');
    expect(h.lastReplies.every((r) => !r.attachments?.length)).toBe(true);
  });
});

describe('referrals as forms', () => {
  it('proposes a referral to a service picked from the directory on one form', async () => {
    await withCases(CASE_ES);
    await teams('derivación C-TESTES');
    await press(h, lastCard(h), 'Nueva derivación');
    const form = lastCard(h);
    expect(inputIds(form)).toEqual(['service']);
    const listed = JSON.stringify(form);
    // Every active service, by category: «Vivienda: Oficina de Vivienda… (gratuito)».
    expect(listed).toContain('Vivienda: Oficina de Vivienda');
    expect(listed).toContain('Alimentación: Banco de Alimentos');
    for (const bytes of replyBytes(h.lastReplies)) expect(bytes).toBeLessThan(TEAMS_MESSAGE_BYTES);
    const replies = await press(h, form, 'Guardar', { service: 'SV-VIVIEN' });
    expect(replies.join('\n')).toMatch(/Derivación R-[A-Z0-9]{6} a «Oficina de Vivienda[^»]*» guardada como propuesta/);
    expect((await stored()).referrals).toEqual([
      expect.objectContaining({ serviceId: 'SV-VIVIEN', category: 'housing', status: 'proposed', createdBy: 'worker-1' }),
    ]);
  });

  it('asks before saving a possible duplicate, though the form said save', async () => {
    await withCases(caseRecord({ id: 'C-TESTES', referrals: [activeReferral()] }));
    await submitCaseForm(formNamed('referral'), CASE_ES, { service: 'SV-COMEDO' }, 'form-dup');
    expect(shown()).toContain('R-EXIST1');
    expect((await stored()).referrals).toHaveLength(1);
    await press(h, lastCard(h), 'Sí');
    expect((await stored()).referrals.map((r) => r.possibleDuplicateOf)).toEqual([undefined, 'R-EXIST1']);
  });

  it('offers the categories on the case card when it has no directory at hand, then asks the service', async () => {
    await withCases(CASE_ES);
    const form = formNamed('referral');
    const body = form.body('es', CASE_ES, 'Europe/Madrid', new Date(NOW));
    expect(body.map((e) => e.id)).toEqual(['category']);
    await submitCaseForm(form, CASE_ES, { category: 'employment' }, 'form-cat');
    expect(shown()).toContain('¿A qué servicio?');
    await press(h, lastCard(h), 'Servicio de orientación laboral · Servicio Público de Empleo (SEPE y agencia de colocación autonómica) · gratuito');
    // The yes of the form was for a form that named no service: the referral is confirmed.
    expect(shown()).toContain('¿Propongo la derivación a «Servicio de orientación laboral»');
    expect((await stored()).referrals).toEqual([]);
  });

  it('confirms the only service of a category the form named, which the form did not show', async () => {
    await withCases(CASE_ES);
    await submitCaseForm(formNamed('referral'), CASE_ES, { category: 'housing' }, 'form-one');
    expect(shown()).toContain('¿Propongo la derivación a «Oficina de Vivienda');
    expect((await stored()).referrals).toEqual([]);
    await press(h, lastCard(h), 'Sí');
    expect((await stored()).referrals).toEqual([expect.objectContaining({ serviceId: 'SV-VIVIEN' })]);
  });

  it('moves a referral on, with its note, from the case card in one submit', async () => {
    await withCases(caseRecord({ id: 'C-TESTES', referrals: [activeReferral({ status: 'referred' })] }));
    const form = formNamed('referralUpdate');
    const record = await stored();
    expect(form.applies(record)).toBe(true);
    expect(form.applies(CASE_ES)).toBe(false);
    expect(formInputIds(form, record)).toEqual(['referral', 'status', 'note']);
    const replies = await submitCaseForm(form, record, { referral: 'R-EXIST1', status: 'accepted', note: 'Confirmado por teléfono' }, 'form-adv');
    expect(replies.join('\n')).toContain('Derivación R-EXIST1 actualizada: Aceptada');
    expect((await stored()).referrals[0]!.history.at(-1)).toEqual({ status: 'accepted', at: NOW, by: 'worker-1', note: 'Confirmado por teléfono' });
  });

  it('moves a referral on from the form the dialog shows, a status it cannot take said and asked again, then confirmed', async () => {
    await withCases(caseRecord({ id: 'C-TESTES', referrals: [activeReferral({ status: 'referred' })] }));
    await teams('derivación C-TESTES');
    await press(h, lastCard(h), 'Avanzar una derivación');
    const form = lastCard(h);
    expect(inputIds(form)).toEqual(['referral', 'status', 'note']);
    // The only active referral comes chosen.
    expect(JSON.stringify(form)).toContain('"value":"R-EXIST1"');
    const refused = await press(h, form, 'Guardar', { status: 'completed', note: '' });
    expect(refused.join('\n')).toContain('Elige una opción');
    expect((await stored()).referrals[0]!.status).toBe('referred');
    // The status put right, the rest of the form is taken as it was sent, and the update confirmed.
    await press(h, lastCard(h), 'Aceptada');
    expect((await stored()).referrals[0]!.status).toBe('referred');
    const saved = await press(h, lastCard(h), 'Sí');
    expect(saved.join('\n')).toContain('Derivación R-EXIST1 actualizada: Aceptada');
    expect((await stored()).referrals[0]!.history.at(-1)).toEqual({ status: 'accepted', at: NOW, by: 'worker-1' });
  });
});

describe('a referral named with the command', () => {
  it('takes its new status and note on one form', async () => {
    await withCases(caseRecord({ id: 'C-TESTES', referrals: [activeReferral({ status: 'referred' })] }));
    await teams('derivación C-TESTES actualizar');
    const form = lastCard(h);
    expect(inputIds(form)).toEqual(['status', 'note']);
    expect(JSON.stringify(form)).toContain('Banco de Alimentos · Derivada (R-EXIST1)');
    const replies = await press(h, form, 'Guardar', { status: 'accepted', note: 'Plaza confirmada' });
    expect(replies.join('\n')).toContain('Derivación R-EXIST1 actualizada: Aceptada');
    expect((await stored()).referrals[0]!.history.at(-1)).toEqual({ status: 'accepted', at: NOW, by: 'worker-1', note: 'Plaza confirmada' });
  });
});

describe('advocacy as one form', () => {
  it('records the action, the barrier, its type and level with one press after the command', async () => {
    await withCases(CASE_ES);
    await teams('defensa C-TESTES');
    const form = lastCard(h);
    expect(inputIds(form)).toEqual(['action', 'barrierType', 'barrier', 'level', 'outcome']);
    const replies = await press(h, form, 'Guardar', {
      action: 'Reclamación ante la Oficina de Vivienda',
      barrierType: 'eligibility',
      barrier: 'Dos años de empadronamiento para el alquiler social',
      level: 'macro',
    });
    expect(replies.join('\n')).toContain('informe de barreras estructurales');
    expect((await stored()).advocacy).toEqual([
      {
        id: expect.stringMatching(/^A-[A-Z0-9]{6}$/),
        date: '2026-11-23',
        action: 'Reclamación ante la Oficina de Vivienda',
        barrierType: 'eligibility',
        barrier: 'Dos años de empadronamiento para el alquiler social',
        level: 'macro',
        by: 'worker-1',
        at: NOW,
      },
    ]);
  });

  it('records an action from the case card in one submit, the outcome with it', async () => {
    await withCases(CASE_ES);
    const form = formNamed('advocacy');
    expect(formInputIds(form, CASE_ES)).toEqual(['action', 'barrierType', 'barrier', 'level', 'outcome']);
    const inputs = {
      action: 'Escrito al ayuntamiento',
      barrierType: 'procedure',
      barrier: 'Cita previa solo por internet',
      level: 'meso',
      outcome: 'Dan cita presencial',
    };
    await submitCaseForm(form, CASE_ES, inputs, 'form-advocacy');
    expect((await stored()).advocacy).toEqual([expect.objectContaining({ barrierType: 'procedure', level: 'meso', outcome: 'Dan cita presencial' })]);
  });
});

describe('the forms in English', () => {
  it('labels every form in the worker’s language', async () => {
    await withCases(CASE_EN);
    await teams('contact C-TESTEN', 'worker-en');
    const contact = lastCard(h);
    expect(JSON.stringify(contact)).toContain('Log a contact');
    expect(actionTitled(contact, 'Save').type).toBe('Action.Submit');
    await press(h, contact, 'Save', { type: 'meeting', date: '2026-11-23', minutes: '60', withWhom: 'John', note: 'Budget plan' }, 'worker-en');
    expect((await stored('C-TESTEN')).contacts).toEqual([expect.objectContaining({ type: 'meeting', minutes: 60, note: 'Budget plan' })]);
    // The case card's commands are read in English too.
    const inputs = { action: 'Letter to the council', barrierType: 'policy', barrier: 'Online appointments only', level: 'macro', outcome: '' };
    await submitCaseForm(formNamed('advocacy'), CASE_EN, inputs, 'form-en', 'worker-en');
    expect((await stored('C-TESTEN')).advocacy).toEqual([expect.objectContaining({ action: 'Letter to the council', barrierType: 'policy', level: 'macro' })]);
    await submitCaseForm(formNamed('referral'), CASE_EN, { service: 'SV-SEPE' }, 'form-en-referral', 'worker-en');
    expect((await stored('C-TESTEN')).referrals).toEqual([expect.objectContaining({ serviceId: 'SV-SEPE', status: 'proposed' })]);
    for (const form of CASE_FORMS) {
      // The labels, and the choices but the directory's own names.
      const inputs = form.body('en', { ...CASE_EN, referrals: [activeReferral()] }, 'Europe/Madrid', new Date(NOW), DEMO_SERVICES);
      const words = inputs.flatMap((e) => [
        String(e.label),
        ...((e.choices as { title: string }[] | undefined) ?? []).map((c) => c.title.split(':')[0]!.replace(/Banco de Alimentos · /, '')),
      ]);
      expect(words.join(' | '), form.id).not.toMatch(/Tipo|Fecha|Hora|Servicio|Derivación|Acción|Nivel|Nota|Visita|Propuesta|Aceptada/);
      expect(form.title('en')).not.toEqual(form.title('es'));
    }
  });
});
