import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_SERVICES } from '../../src/demo/services.js';
import { ServiceSchema } from '../../src/domain/schemas.js';
import { createHarness, DEMO_STAFF, type Harness } from '../support/botHarness.js';
import { staffRecord } from '../support/records.js';

let harness: Harness;
afterEach(async () => harness?.close());

const ADMIN_EN = staffRecord({ id: 'admin-en', name: 'Alex Admin', role: 'admin', team: 'central', language: 'en' });

async function withDirectory(): Promise<Harness> {
  harness = await createHarness({ staff: [...DEMO_STAFF, ADMIN_EN] });
  for (const service of DEMO_SERVICES) await harness.store.repositories.services.put(service);
  return harness;
}

/** Replies joined, with the no-break spaces of formatted amounts ("180,00 €") made plain. */
const plain = (replies: string[]) => replies.join('\n').replace(/\u00a0/g, ' ');

const service = async (name: string) => (await harness.store.repositories.services.all()).find((s) => s.name === name);

describe('demo services', () => {
  it('are valid, distinct, realistic Spanish services with fictional 900 numbers', () => {
    expect(DEMO_SERVICES.length).toBeGreaterThanOrEqual(10);
    expect(DEMO_SERVICES.length).toBeLessThanOrEqual(14);
    for (const s of DEMO_SERVICES) {
      expect(ServiceSchema.safeParse(s).success).toBe(true);
      expect(s.contact).toMatch(/^900 000 0\d\d/);
    }
    expect(new Set(DEMO_SERVICES.map((s) => s.id)).size).toBe(DEMO_SERVICES.length);
    expect(DEMO_SERVICES.map((s) => s.name).join()).toContain('Ingreso Mínimo Vital');
    expect(DEMO_SERVICES.some((s) => s.cost > 0)).toBe(true);
  });
});

describe('service directory (Spanish)', () => {
  it('shows a worker the active services by category, without admin options', async () => {
    await withDirectory();
    await harness.store.repositories.services.put({ ...DEMO_SERVICES[0]!, id: 'SV-OLD', name: 'Servicio antiguo', active: false });
    await harness.send('hola');
    const list = plain(await harness.send('directorio'));
    expect(list).toContain('Directorio de servicios (14 activos)');
    expect(list).toContain('Ingresos y prestaciones:');
    expect(list).toContain('Banco de Alimentos');
    expect(list).toContain('Centro de Día para personas mayores');
    expect(list).toContain('180,00 €');
    expect(list).not.toContain('Servicio antiguo');
    expect(list).not.toContain('¿Qué quieres hacer en el directorio?');
    expect(list.indexOf('Ingresos y prestaciones:')).toBeLessThan(list.indexOf('Alimentación:'));
  });

  it('a worker cannot add a service', async () => {
    await withDirectory();
    await harness.send('hola');
    await harness.send('directorio');
    const after = (await harness.send('añadir')).join();
    expect(after).toContain('No te he entendido');
    await harness.sendAll(['Servicio nuevo', 'empleo']);
    expect(await harness.store.repositories.services.all()).toHaveLength(DEMO_SERVICES.length);
  });

  it('an admin adds a service asking every field, refusing wrong input', async () => {
    await withDirectory();
    await harness.send('hola', 'admin-1');
    const menu = (await harness.send('directorio', 'admin-1')).join('\n');
    expect(menu).toContain('¿Qué quieres hacer en el directorio?');
    await harness.send('añadir', 'admin-1');
    const category = (await harness.send('Punto de información para personas migrantes', 'admin-1')).join();
    expect(category).toContain('Categoría del servicio');
    expect((await harness.send('99', 'admin-1')).join()).toContain('Elige una opción');
    await harness.sendAll(['asesoría jurídica', 'Asociación Rumiñahui', '900 000 099'], 'admin-1');
    expect((await harness.send('depende', 'admin-1')).join()).toContain('Escribe el importe en euros');
    await harness.sendAll(['gratis', 'Personas extranjeras residentes en el municipio'], 'admin-1');
    const summary = (await harness.send('12', 'admin-1')).join('\n');
    expect(summary).toContain('- Categoría: Asesoría jurídica');
    expect(summary).toContain('- Coste: gratuito');
    expect(summary).toContain('- Plazas: 12');
    expect(await harness.store.repositories.services.all()).toHaveLength(DEMO_SERVICES.length);
    const done = (await harness.send('sí', 'admin-1')).join();
    expect(done).toMatch(/Servicio «Punto de información para personas migrantes» añadido al directorio \(SV-[A-Z0-9]{6}\)/);

    const added = (await service('Punto de información para personas migrantes'))!;
    expect(added).toEqual({
      id: added.id,
      name: 'Punto de información para personas migrantes',
      category: 'legal',
      provider: 'Asociación Rumiñahui',
      contact: '900 000 099',
      cost: 0,
      eligibility: 'Personas extranjeras residentes en el municipio',
      capacity: 12,
      active: true,
    });
    const audit = await harness.store.repositories.audit.readDay('2026-11-23');
    expect(audit).toContainEqual(expect.objectContaining({ actor: 'admin-1', action: 'directory.add' }));
  });

  it('an admin adds a service without optional details', async () => {
    await withDirectory();
    await harness.send('hola', 'admin-1');
    await harness.sendAll(['directorio', '1', 'Ropero solidario', 'alimentación', 'no', 'no', '0', 'no', 'no', 'sí'], 'admin-1');
    expect(await service('Ropero solidario')).toMatchObject({ category: 'food', provider: '', contact: '', eligibility: '', capacity: null, active: true });
  });

  it('an admin changes one detail of a service', async () => {
    await withDirectory();
    await harness.send('hola', 'admin-1');
    await harness.sendAll(['directorio', 'cambiar'], 'admin-1');
    const field = (await harness.send('Teleasistencia domiciliaria', 'admin-1')).join();
    expect(field).toContain('¿Qué dato quieres cambiar?');
    const value = plain(await harness.send('coste', 'admin-1'));
    expect(value).toContain('Coste de «Teleasistencia domiciliaria» ahora: 15,00 €');
    const confirm = plain(await harness.send('20', 'admin-1'));
    expect(confirm).toContain('15,00 € → 20,00 €');
    expect((await service('Teleasistencia domiciliaria'))!.cost).toBe(15);
    expect((await harness.send('sí', 'admin-1')).join()).toContain('Cambio guardado');
    expect(await service('Teleasistencia domiciliaria')).toEqual({ ...DEMO_SERVICES.find((s) => s.id === 'SV-TELEAS'), cost: 20 });
  });

  it("an admin deactivates and reactivates a service; a deactivated one leaves the workers' list", async () => {
    await withDirectory();
    await harness.send('hola', 'admin-1');
    await harness.sendAll(['directorio', 'desactivar'], 'admin-1');
    const confirm = (await harness.send('Comedor social', 'admin-1')).join();
    expect(confirm).toContain('¿Desactivo «Comedor social»?');
    expect((await harness.send('sí', 'admin-1')).join()).toContain('está desactivado');
    expect((await service('Comedor social'))!.active).toBe(false);

    await harness.send('hola');
    expect((await harness.send('directorio')).join()).not.toContain('Comedor social');

    const adminList = (await harness.send('directorio', 'admin-1')).join();
    expect(adminList).toContain('Comedor social (desactivado)');
    await harness.send('3', 'admin-1');
    expect((await harness.send('Comedor social', 'admin-1')).join()).toContain('¿Reactivo «Comedor social»?');
    await harness.send('sí', 'admin-1');
    expect((await service('Comedor social'))!.active).toBe(true);
  });

  it('answering no, or cancelling, leaves the directory unchanged', async () => {
    await withDirectory();
    await harness.send('hola', 'admin-1');
    await harness.sendAll(['directorio', '1', 'Servicio X', 'empleo'], 'admin-1');
    expect((await harness.send('cancelar', 'admin-1')).join()).toContain('¿Seguro que quieres cancelar');
    const cancelled = (await harness.send('cancelar', 'admin-1')).join();
    expect(cancelled).toContain('Cancelado: directorio de servicios');
    await harness.sendAll(['directorio', '2', 'Banco de Alimentos', 'plazas', '0'], 'admin-1');
    expect((await harness.send('no', 'admin-1')).join()).toContain('no he cambiado el directorio');
    expect(await harness.store.repositories.services.all()).toEqual(expect.arrayContaining(DEMO_SERVICES));
    expect(await harness.store.repositories.services.all()).toHaveLength(DEMO_SERVICES.length);
  });
});

describe('service directory (English)', () => {
  it('shows an English-speaking worker the directory in English', async () => {
    await withDirectory();
    await harness.send('hello', 'worker-en');
    const list = plain(await harness.send('services', 'worker-en'));
    expect(list).toContain('Service directory (14 active)');
    expect(list).toContain('Income and benefits:');
    expect(list).toContain('€180.00');
    expect(list).toContain('places: no limit');
  });

  it('an English-speaking admin adds a service', async () => {
    await withDirectory();
    await harness.send('hello', 'admin-en');
    await harness.sendAll(['directory', 'add', 'Community laundry', 'home care', 'Town council', 'none'], 'admin-en');
    expect((await harness.send('-5', 'admin-en')).join()).toContain('Type the amount in euros');
    const summary = (await harness.sendAll(['3', 'People over 65', 'no'], 'admin-en')).join('\n');
    expect(summary).toContain('- Category: Home care');
    expect(summary).toContain('- Places: no limit');
    await harness.send('yes', 'admin-en');
    expect(await service('Community laundry')).toMatchObject({
      category: 'homeCare',
      provider: 'Town council',
      contact: '',
      cost: 3,
      eligibility: 'People over 65',
      capacity: null,
      active: true,
    });
  });
});

describe('a long service directory', () => {
  const many = Array.from({ length: 30 }, (_, i) => ({
    ...DEMO_SERVICES[i % DEMO_SERVICES.length]!,
    id: `SV-MANY${String(i).padStart(2, '0')}`,
    name: `Servicio número ${i}`,
  }));

  it('shows how many services each category has, and one category when named', async () => {
    harness = await createHarness();
    for (const s of many) await harness.store.repositories.services.put(s);
    await harness.send('hola');
    const overview = plain(await harness.send('directorio'));
    expect(overview).toContain('Directorio de servicios (30 activos)');
    expect(overview).toMatch(/^\d+\. Vivienda: \d+$/m);
    expect(overview).toContain('¿Qué categoría quieres ver?');
    expect(overview).not.toContain('Servicio número');

    const housing = plain(await harness.send('vivienda'));
    const housingNames = many.filter((s) => s.category === 'housing').map((s) => s.name);
    expect(housingNames.length).toBeGreaterThan(0);
    for (const name of housingNames) expect(housing).toContain(`- ${name} —`);
    expect(housing.match(/^- Servicio número/gm)).toHaveLength(housingNames.length);

    await harness.send('directorio');
    const mental = plain(await harness.send('salud mental'));
    expect(mental).toContain('Salud mental:');
    expect(mental).not.toContain('Vivienda:');
  });
});
