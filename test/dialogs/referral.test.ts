import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_SERVICES } from '../../src/demo/services.js';
import type { Case, Referral } from '../../src/domain/schemas.js';
import { createHarness, type Harness } from '../support/botHarness.js';
import { caseRecord } from '../support/records.js';

let harness: Harness;
afterEach(async () => harness?.close());

const NOW = '2026-11-23T09:00:00.000Z';

async function withCases(...cases: Case[]): Promise<Harness> {
  harness = await createHarness({ cases });
  for (const service of DEMO_SERVICES) await harness.store.repositories.services.put(service);
  return harness;
}

/** Replies joined, with the no-break spaces of formatted amounts ("180,00 €") made plain. */
const plain = (replies: string[]) => replies.join('\n').replace(/\u00a0/g, ' ');
// Case ids here are ones the menu recognises typed with a command (no 0/O, 1/I/L).
const stored = async (caseId = 'C-TESTES') => (await harness.store.repositories.cases.get(caseId))!;

function referral(overrides: Partial<Referral>): Referral {
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

describe('referral dialog (Spanish)', () => {
  it('proposes a referral to a service picked by category and number', async () => {
    await withCases(caseRecord({ id: 'C-TESTES' }));
    await harness.send('hola');
    const overview = plain(await harness.send('derivación C-TESTES'));
    expect(overview).toContain('El caso C-TESTES no tiene derivaciones todavía.');
    expect(overview).toContain('El caso no tiene presupuesto asignado.');
    expect(overview).not.toContain('Avanzar una derivación');
    const categories = (await harness.send('nueva')).join('\n');
    expect(categories).toContain('1. Todas las categorías');
    expect((await harness.send('quince')).join()).toContain('Elige una opción');
    const servicesList = plain(await harness.send('alimentación'));
    expect(servicesList).toContain('1. Banco de Alimentos');
    expect(servicesList).toContain('2. Comedor social');
    expect(servicesList).not.toContain('Ingreso Mínimo Vital');
    const confirm = (await harness.send('1')).join();
    expect(confirm).toContain('¿Propongo la derivación a «Banco de Alimentos» (gratuito)?');
    expect((await stored()).referrals).toHaveLength(0);
    const done = plain(await harness.send('sí'));
    const id = /Derivación (R-[A-Z0-9]{6}) a «Banco de Alimentos» guardada como propuesta/.exec(done)?.[1];
    expect(id).toBeDefined();
    expect(done).toContain('Coste comprometido en derivaciones: 0,00 €');

    expect((await stored()).referrals).toEqual([
      {
        id,
        serviceId: 'SV-BANALI',
        category: 'food',
        status: 'proposed',
        cost: 0,
        history: [{ status: 'proposed', at: NOW, by: 'worker-1' }],
        createdAt: NOW,
        createdBy: 'worker-1',
      },
    ]);
    const audit = await harness.store.repositories.audit.readDay('2026-11-23');
    expect(audit).toContainEqual(expect.objectContaining({ actor: 'worker-1', action: 'referral.create', caseId: 'C-TESTES' }));
  });

  it('warns about a possible duplication before saving and flags the new referral', async () => {
    await withCases(caseRecord({ id: 'C-TESTES', referrals: [referral({ status: 'accepted' })] }));
    await harness.send('hola');
    await harness.sendAll(['derivación C-TESTES', 'nueva', 'todas']);
    const warning = (await harness.send('Comedor social')).join();
    expect(warning).toContain('posible duplicidad');
    expect(warning).toContain('Banco de Alimentos (Aceptada, R-EXIST1)');
    expect((await stored()).referrals).toHaveLength(1);
    const done = (await harness.send('sí')).join();
    expect(done).toContain('Queda marcada como posible duplicidad de R-EXIST1');
    const [, added] = (await stored()).referrals;
    expect(added).toMatchObject({ serviceId: 'SV-COMEDO', category: 'food', status: 'proposed', possibleDuplicateOf: 'R-EXIST1' });
    const overview = (await harness.send('derivación C-TESTES')).join();
    expect(overview).toContain('Comedor social · Alimentación · Propuesta · gratuito · posible duplicidad de R-EXIST1');
  });

  it('saves nothing when the worker declines after the duplication warning', async () => {
    await withCases(caseRecord({ id: 'C-TESTES', referrals: [referral({})] }));
    await harness.send('hola');
    await harness.sendAll(['derivación C-TESTES', 'nueva', 'alimentación', '2']);
    expect((await harness.send('no')).join()).toContain('no he guardado nada');
    expect((await stored()).referrals).toEqual([referral({})]);
  });

  it('no duplication warning when the earlier referral of the category is finished', async () => {
    await withCases(caseRecord({ id: 'C-TESTES', referrals: [referral({ status: 'declined' })] }));
    await harness.send('hola');
    const confirm = (await harness.sendAll(['derivación C-TESTES', 'nueva', 'alimentación', '2'])).join();
    expect(confirm).toContain('¿Propongo la derivación a «Comedor social»');
    await harness.send('sí');
    expect((await stored()).referrals[1]!.possibleDuplicateOf).toBeUndefined();
  });

  it('offers only the legal next statuses and records the step with its note', async () => {
    await withCases(caseRecord({ id: 'C-TESTES', referrals: [referral({ status: 'referred' })] }));
    await harness.send('hola');
    await harness.send('derivación C-TESTES');
    const which = (await harness.send('avanzar')).join();
    expect(which).toContain('1. Banco de Alimentos · Derivada · R-EXIST1');
    const next = (await harness.send('1')).join('\n');
    expect(next).toContain('Estado actual: Derivada');
    expect(next).toContain('1. Aceptada');
    expect(next).toContain('2. Rechazada');
    expect(next).not.toMatch(/Completada|En curso|\d\. Propuesta|\d\. Derivada/);
    expect((await harness.send('completada')).join()).toContain('Elige una opción');
    await harness.send('aceptada');
    const confirm = (await harness.send('Confirmado por teléfono con la coordinadora')).join();
    expect(confirm).toContain('de «Derivada» a «Aceptada»');
    const done = (await harness.send('sí')).join();
    expect(done).toContain('Derivación R-EXIST1 actualizada: Aceptada');
    expect((await stored()).referrals[0]).toMatchObject({
      status: 'accepted',
      history: [
        { status: 'proposed', at: '2026-11-02T09:00:00.000Z', by: 'worker-1' },
        { status: 'accepted', at: NOW, by: 'worker-1', note: 'Confirmado por teléfono con la coordinadora' },
      ],
    });
  });

  it('does not offer to advance finished referrals', async () => {
    await withCases(caseRecord({ id: 'C-TESTES', referrals: [referral({ status: 'completed' })] }));
    await harness.send('hola');
    const overview = (await harness.send('derivación C-TESTES')).join();
    expect(overview).not.toContain('Avanzar una derivación');
    expect((await harness.send('avanzar')).join()).toContain('Elige una opción');
  });

  it('sets the case budget and shows when the committed costs go over it', async () => {
    await withCases(caseRecord({ id: 'C-TESTES', referrals: [referral({ id: 'R-SAD001', serviceId: 'SV-SAD', category: 'homeCare', cost: 90 })] }));
    await harness.send('hola');
    await harness.sendAll(['derivación C-TESTES', 'presupuesto']);
    expect((await harness.send('cincuenta y tantos')).join()).toContain('Escribe el importe en euros');
    const confirm = plain(await harness.send('50 €'));
    expect(confirm).toContain('¿Fijo el presupuesto del caso C-TESTES en 50,00 €?');
    expect((await stored()).budget).toBeUndefined();
    const done = plain(await harness.send('sí'));
    expect(done).toContain('Presupuesto del caso C-TESTES: 50,00 €');
    expect(done).toContain('⚠ Por encima del presupuesto: 90,00 € comprometidos frente a un presupuesto de 50,00 € (40,00 € de más)');
    expect((await stored()).budget).toBe(50);
  });

  it('shows the costs against the budget after a new referral, and removes a budget', async () => {
    await withCases(
      caseRecord({ id: 'C-TESTES', budget: 200, referrals: [referral({ id: 'R-SAD001', serviceId: 'SV-SAD', category: 'homeCare', cost: 90 })] }),
    );
    await harness.send('hola');
    const overview = plain(await harness.send('derivación C-TESTES'));
    expect(overview).toContain('90,00 € de un presupuesto de 200,00 € (quedan 110,00 €)');
    await harness.sendAll(['nueva', 'centro de día']);
    const done = plain(await harness.sendAll(['1', 'sí']));
    expect(done).toContain('⚠ Por encima del presupuesto: 270,00 € comprometidos frente a un presupuesto de 200,00 € (70,00 € de más)');
    expect((await stored()).referrals[1]).toMatchObject({ serviceId: 'SV-DIAMAY', cost: 180 });

    await harness.sendAll(['derivación C-TESTES', 'presupuesto']);
    expect((await harness.send('no')).join()).toContain('¿Quito el presupuesto del caso C-TESTES?');
    expect((await harness.send('sí')).join()).toContain('ya no tiene presupuesto');
    expect((await stored()).budget).toBeUndefined();
  });

  it('cancel in the middle of a new referral stores nothing', async () => {
    await withCases(caseRecord({ id: 'C-TESTES' }));
    await harness.send('hola');
    await harness.sendAll(['derivación C-TESTES', 'nueva', 'empleo', '1']);
    expect((await harness.send('cancelar')).join()).toContain('Llevas 3 respuestas en: derivación');
    const cancelled = (await harness.send('cancelar')).join();
    expect(cancelled).toContain('Cancelado: derivación');
    expect((await stored()).referrals).toEqual([]);
  });

  it('does not offer inactive services', async () => {
    await withCases(caseRecord({ id: 'C-TESTES' }));
    await harness.store.repositories.services.update('SV-COMEDO', (s) => s && { ...s, active: false });
    await harness.send('hola');
    const list = (await harness.sendAll(['derivación C-TESTES', 'nueva', 'alimentación'])).join();
    expect(list).toContain('Banco de Alimentos');
    expect(list).not.toContain('Comedor social');
  });
});

describe('referral dialog (English)', () => {
  it('proposes a referral and flags a possible duplication', async () => {
    await withCases(
      caseRecord({ id: 'C-TESTEN', workerId: 'worker-en', team: 'sur', budget: 100, referrals: [referral({ category: 'employment', serviceId: 'SV-SEPE' })] }),
    );
    await harness.send('hello', 'worker-en');
    const overview = plain(await harness.send('referral C-TESTEN', 'worker-en'));
    expect(overview).toContain('Referrals of case C-TESTEN:');
    expect(overview).toContain('1. Servicio de orientación laboral · Employment · Proposed · free');
    expect(overview).toContain('Cost committed in referrals: €0.00 of a budget of €100.00 (€100.00 left).');
    await harness.sendAll(['new', 'employment'], 'worker-en');
    const warning = (await harness.send('Cruz Roja: plan de empleo', 'worker-en')).join();
    expect(warning).toContain('Warning, possible duplication');
    const done = (await harness.send('yes', 'worker-en')).join();
    expect(done).toContain('It is flagged as a possible duplicate of R-EXIST1');
    expect((await stored('C-TESTEN')).referrals[1]).toMatchObject({
      serviceId: 'SV-CREMPL',
      status: 'proposed',
      possibleDuplicateOf: 'R-EXIST1',
      createdBy: 'worker-en',
    });
  });

  it('declines a referral with no note', async () => {
    await withCases(caseRecord({ id: 'C-TESTEN', workerId: 'worker-en', team: 'sur', referrals: [referral({ status: 'inProgress' })] }));
    await harness.send('hello', 'worker-en');
    await harness.sendAll(['referral C-TESTEN', 'move', '1'], 'worker-en');
    const options = (await harness.send('help', 'worker-en')).join('\n');
    expect(options).toContain('Referral (linking to services, step 5)');
    expect(options).toContain('1. Completed');
    expect(options).toContain('2. Declined');
    await harness.sendAll(['declined', 'no'], 'worker-en');
    const done = (await harness.send('yes', 'worker-en')).join();
    expect(done).toContain('Referral R-EXIST1 updated: Declined');
    expect((await stored('C-TESTEN')).referrals[0]!.status).toBe('declined');
    expect((await stored('C-TESTEN')).referrals[0]!.history.at(-1)).toEqual({ status: 'declined', at: NOW, by: 'worker-en' });
  });
});
