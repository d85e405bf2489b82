// Team outcomes for a supervisor (SPEC §3): figures of their own team only, a CSV attached
// when the message stays under the size limit, refusals for anyone else.
import { afterEach, describe, expect, it } from 'vitest';
import type { Activity, Attachment } from 'botbuilder';
import { MESSAGE_LIMIT_BYTES } from '../../dialogs/teamOutcomesDialog.js';
import type { AuditEntry, Case, Service } from '../../src/domain/schemas.js';
import { createHarness, type Harness } from '../support/botHarness.js';
import { ALL_CASES, referral, SERVICES } from '../support/outcomesFixtures.js';
import { caseRecord } from '../support/records.js';

let harness: Harness;
afterEach(async () => harness?.close());

const NOW = new Date('2026-12-05T09:00:00Z');

async function setup(cases: Case[] = ALL_CASES, services: Service[] = SERVICES): Promise<Harness> {
  harness = await createHarness({ now: NOW, cases });
  for (const service of services) await harness.store.repositories.services.put(service);
  return harness;
}

async function ask(user: string, typed: string): Promise<{ text: string; attachments: Attachment[]; activities: Partial<Activity>[] }> {
  await harness.send('hola', user);
  const replies = await harness.send(typed, user);
  const activities = harness.lastReplies;
  return { text: replies.join('\n'), attachments: activities.flatMap((a) => a.attachments ?? []), activities };
}

const csvOf = (attachment: Attachment) => {
  const [prefix, data] = (attachment.contentUrl ?? '').split(',');
  expect(prefix).toBe('data:text/csv;base64');
  return Buffer.from(data ?? '', 'base64').toString('utf8');
};

async function auditOf(actor: string): Promise<AuditEntry[]> {
  return (await harness.store.repositories.audit.readDay('2026-12-05')).filter((e) => e.actor === actor);
}

describe('team outcomes, in Spanish', () => {
  it('gives a supervisor the figures of their team for the months typed, with the CSV', async () => {
    await setup();
    const { text, attachments } = await ask('super-1', 'resultados septiembre a noviembre');
    expect(text).toContain(
      'Resultados del equipo norte, del martes, 1 de septiembre de 2026 al lunes, 30 de noviembre de 2026. Casos activos en el periodo: 3.',
    );
    expect(text).toMatch(/- Ingresos: cambio medio \+1,5; mejoran 2, igual 0, empeoran 0 \(de 2\)/i);
    expect(text).toMatch(/- Alimentación: cambio medio -1,0; mejoran 0, igual 0, empeoran 1 \(de 1\)/i);
    expect(text).toMatch(/Objetivos terminados en el periodo: 4\. Logrados 2 \(50\s%\), en parte 1, no logrados 1\./);
    expect(text).toContain('Grado de logro medio de las tareas: 2,5 sobre 4. Valoraciones: 4; sin oportunidad, que no cuentan: 1.');
    expect(text).toContain('- Banco de alimentos "La Esperanza", Norte: completadas 1, rechazadas 1, terminadas con el cierre del caso 0');
    expect(text).toContain('- Orientación laboral: completadas 0, rechazadas 0, terminadas con el cierre del caso 1');
    expect(text).toContain('Revisiones hechas en el periodo: 1 a tiempo, 2 con retraso, 1 sin fecha prevista.');
    expect(text).toContain('Te envío los datos en CSV: resultados-norte-2026-09-01-2026-11-30.csv.');
    // Lists are Markdown lists after a blank line.
    expect(text).toMatch(/:\n\n- /);
    expect(attachments).toHaveLength(1);
    expect(attachments[0]).toMatchObject({ contentType: 'text/csv', name: 'resultados-norte-2026-09-01-2026-11-30.csv' });
    const csv = csvOf(attachments[0]!);
    expect(csv.startsWith('\uFEFF"team","period_start","period_end","metric","subject","value","count"\r\n')).toBe(true);
    expect(csv).toContain('"norte","2026-09-01","2026-11-30","referrals_completed","Banco de alimentos ""La Esperanza"", Norte","1",""\r\n');
    expect(csv).toContain('"Orientación laboral"');
  });

  it('never counts another team’s cases, and audits only its own team’s as read', async () => {
    await setup();
    const { text, attachments } = await ask('super-1', 'resultados septiembre a noviembre');
    // The other team's case rated safety and was closed with an achieved goal in the period.
    expect(text).not.toMatch(/Seguridad/i);
    expect(csvOf(attachments[0]!)).not.toContain('"safety"');
    expect(csvOf(attachments[0]!)).toContain('"goals_ended","achieved","2","4"');
    const reads = (await auditOf('super-1')).filter((e) => e.action === 'team.outcomes');
    expect(reads.every((e) => e.outcome === 'ok')).toBe(true);
    expect(new Set(reads.map((e) => e.caseId))).toEqual(new Set(['C-OPEN01', 'C-CLOSE1', 'C-EARLY1', 'C-LATER1', 'C-NODUE1']));
  });

  it('takes the last 3 months when no period is typed', async () => {
    await setup();
    const { text, attachments } = await ask('super-1', 'resultados del equipo');
    expect(text).toContain('del domingo, 6 de septiembre de 2026 al sábado, 5 de diciembre de 2026');
    expect(attachments[0]?.name).toBe('resultados-norte-2026-09-06-2026-12-05.csv');
  });

  it('says how to type a period it does not understand, and shows nothing', async () => {
    await setup();
    const { text, attachments } = await ask('super-1', 'resultados de la luna');
    expect(text).toContain('No entiendo el periodo «de la luna»');
    expect(text).not.toContain('Resultados del equipo norte');
    expect(attachments).toEqual([]);
  });

  it('refuses a worker, and audits the refusal like other supervisor commands', async () => {
    await setup();
    const { text, attachments } = await ask('worker-1', 'resultados');
    expect(text).not.toContain('Resultados del equipo');
    expect(attachments).toEqual([]);
    const denied = (await auditOf('worker-1')).filter((e) => e.outcome === 'denied');
    expect(denied).toEqual([expect.objectContaining({ action: 'menu.teamOutcomes', reason: 'notOnMenu' })]);
    expect((await auditOf('worker-1')).some((e) => e.action === 'team.outcomes' && e.outcome === 'ok')).toBe(false);
  });

  it('sends the summary alone, saying so, when the CSV would not fit in one message', async () => {
    const services = Array.from({ length: 150 }, (_, i) => ({
      ...SERVICES[0]!,
      id: `S-${String(i).padStart(3, '0')}`,
      name: `Servicio municipal de acompañamiento número ${i}, «atención integral» ${'x'.repeat(120)}`,
    }));
    const busy = caseRecord({
      id: 'C-BUSY01',
      intakeDate: '2026-06-01',
      referrals: services.map((s, i) => referral(`R-${i}`, s.id, 'declined', '2026-10-01T09:00:00.000Z')),
    });
    await setup([busy], services);
    const { text, attachments, activities } = await ask('super-1', 'resultados septiembre a noviembre');
    expect(attachments).toEqual([]);
    expect(text).toMatch(/Los datos en CSV ocupan \d+ KB, más de lo que cabe en un mensaje: te envío solo el resumen\./);
    expect(text).toContain('- y 138 servicios más (están en el CSV)');
    for (const activity of activities) expect(Buffer.byteLength(JSON.stringify(activity), 'utf8')).toBeLessThan(MESSAGE_LIMIT_BYTES);
  });
});

describe('team outcomes, in English', () => {
  it('gives a supervisor of another team their own figures only', async () => {
    await setup();
    const { text, attachments } = await ask('super-sur', 'outcomes september to november');
    expect(text).toContain('Outcomes of team sur, from Tuesday, 1 September 2026 to Monday, 30 November 2026. Cases active in the period: 1.');
    expect(text).toMatch(/- Safety: average change -4\.0; improved 0, same 0, worse 1 \(of 1\)/i);
    expect(text).toContain('Goals ended in the period: 1. Achieved 1 (100%), partly 0, not achieved 0.');
    expect(text).toContain('Average task rating: 1.0 out of 4. Ratings: 1; with no opportunity, left out: 0.');
    expect(text).toContain('- Banco de alimentos "La Esperanza", Norte: completed 1, declined 0, ended with the case\'s closure 0');
    expect(text).not.toContain('Orientación laboral');
    expect(text).toContain('Reviews held in the period: 0 on time, 0 late, 1 with no due date.');
    expect(attachments[0]).toMatchObject({ contentType: 'text/csv', name: 'resultados-sur-2026-09-01-2026-11-30.csv' });
    expect(csvOf(attachments[0]!)).not.toContain('"norte"');
    const reads = (await auditOf('super-sur')).filter((e) => e.action === 'team.outcomes');
    expect(reads.map((e) => e.caseId)).toEqual(['C-SUR001']);
  });

  it('refuses a worker in English too', async () => {
    await setup();
    const { text, attachments } = await ask('worker-en', 'outcomes');
    expect(text).not.toContain('Outcomes of team');
    expect(attachments).toEqual([]);
    expect((await auditOf('worker-en')).filter((e) => e.outcome === 'denied')).toEqual([
      expect.objectContaining({ action: 'menu.teamOutcomes', reason: 'notOnMenu' }),
    ]);
  });
});

describe('team outcomes, the periods a supervisor types', () => {
  for (const [user, typed, from, to] of [
    ['super-1', 'resultados enero a marzo', '2026-01-01', '2026-03-31'],
    ['super-1', 'resultados últimos 6 meses', '2026-06-06', '2026-12-05'],
    ['super-1', 'resultados del 1/09/2026 al 30/11/2026', '2026-09-01', '2026-11-30'],
    ['super-sur', 'outcomes last 6 months', '2026-06-06', '2026-12-05'],
  ] as const) {
    it(`reads «${typed}»`, async () => {
      await setup();
      const { attachments } = await ask(user, typed);
      expect(attachments.map((a) => a.name)).toEqual([`resultados-${user === 'super-1' ? 'norte' : 'sur'}-${from}-${to}.csv`]);
    });
  }
});
