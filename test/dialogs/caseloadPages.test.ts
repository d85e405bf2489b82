import { afterEach, describe, expect, it } from 'vitest';
import { CASELOAD_PAGE_SIZE } from '../../src/domain/caseload.js';
import { READABLE_ALPHABET } from '../../src/domain/ids.js';
import type { Case } from '../../src/domain/schemas.js';
import { createHarness, type Harness } from '../support/botHarness.js';
import { caseRecord } from '../support/records.js';

let harness: Harness;
afterEach(async () => harness?.close());

/** Teams takes about 28 KB of text per message; each reply stays well below. */
const MAX_REPLY_BYTES = 25 * 1024;
const CASES = 250;
/** Every seventh case has its review overdue (the harness's today is 23 November 2026). */
const OVERDUE_EVERY = 7;

function caseId(index: number): string {
  let rest = index;
  let chars = '';
  for (let i = 0; i < 6; i++) {
    chars = READABLE_ALPHABET[rest % READABLE_ALPHABET.length] + chars;
    rest = Math.floor(rest / READABLE_ALPHABET.length);
  }
  return `C-${chars}`;
}

function bigCaseload(workerId: string): Case[] {
  return Array.from({ length: CASES }, (_, i) =>
    caseRecord({
      id: caseId(i),
      workerId,
      intensity: (['intensive', 'moderate', 'basic'] as const)[i % 3],
      nextReviewDate: i % OVERDUE_EVERY === 0 ? '2026-11-10' : '2027-01-15',
      status: i % 50 === 49 ? 'closed' : 'open',
      client: { kind: 'individual', name: `Persona Número ${i} con un nombre bastante largo`, contact: '', language: 'es', timeZone: 'Europe/Madrid' },
    }),
  );
}

const bytes = (reply: string) => Buffer.byteLength(reply, 'utf8');
const idsIn = (replies: string[]) => new Set(replies.join('\n').match(/C-[A-Z2-9]{6}/g) ?? []);

/** Pages through «mis casos» with «más» until no more is offered; every reply of every turn. */
async function allPages(user: string, command: string): Promise<string[][]> {
  const turns = [await harness.send(command, user)];
  while (turns.at(-1)!.join('\n').includes('«más»')) {
    turns.push(await harness.send('más', user));
    if (turns.length > CASES) throw new Error('the pages never end');
  }
  return turns;
}

describe('a 250-case caseload', () => {
  it('comes as a summary and pages of 20, overdue first, each reply below 25 KB, every case reachable', async () => {
    const cases = bigCaseload('worker-1');
    harness = await createHarness({ cases });
    await harness.send('hola');
    const turns = await allPages('worker-1', 'mis casos');
    const replies = turns.flat();
    for (const reply of replies) expect(bytes(reply)).toBeLessThanOrEqual(MAX_REPLY_BYTES);
    expect(turns).toHaveLength(Math.ceil(CASES / CASELOAD_PAGE_SIZE));
    expect(idsIn(replies)).toEqual(new Set(cases.map((c) => c.id)));

    const first = turns[0]!.join('\n');
    const overdue = cases.filter((c, i) => i % OVERDUE_EVERY === 0 && c.status === 'open');
    const closed = cases.filter((c) => c.status === 'closed').length;
    expect(first).toContain(`Tus casos: ${CASES} (abiertos: ${CASES - closed}, cerrados: ${closed}). Revisiones vencidas: ${overdue.length}.`);
    expect(first).toMatch(/Tiempo estimado: [\d.]+ h al mes para tus casos abiertos, frente a 120 h disponibles/);
    expect(first).toContain(`Casos 1–20 de ${CASES}, primero las revisiones vencidas:`);
    // The first page is all overdue reviews (there are more than 20 of them).
    const firstPageLines = first.split('\n').filter((line) => /^\d+\. C-/.test(line));
    expect(firstPageLines).toHaveLength(CASELOAD_PAGE_SIZE);
    for (const line of firstPageLines) expect(line).toContain('(vencida)');
    expect(turns[1]!.join('\n')).toContain(`Casos 21–40 de ${CASES}`);
    expect((await harness.send('más')).join('\n')).toContain('No hay más casos: esta es la última página.');
    // The last page ends the listing: no «más» and the usual way to open a case.
    expect(turns.at(-1)!.join('\n')).toContain('Para ver uno escribe su número, o «ver caso»');
  });

  it('opens a case by its list number from a later page, and lets another command through', async () => {
    harness = await createHarness({ cases: bigCaseload('worker-1') });
    await harness.send('hola');
    await harness.send('mis casos');
    const second = (await harness.send('siguiente')).join('\n');
    const line25 = second.split('\n').find((line) => line.startsWith('25. '))!;
    const id = /C-[A-Z2-9]{6}/.exec(line25)![0];
    expect((await harness.send('25')).join('\n')).toContain(`Caso ${id} · abierto`);

    await harness.send('mis casos');
    const other = (await harness.send('directorio')).join('\n');
    expect(other).not.toContain('No te he entendido');
    expect(other).not.toMatch(/^\d+\. C-/m);

    await harness.send('mis casos');
    expect((await harness.send('mis casos')).join('\n')).toContain(`Casos 1–20 de ${CASES}`);
    const greeted = (await harness.send('buenos días')).join('\n');
    expect(greeted).toContain('¿Qué quieres hacer?');
    expect(greeted).not.toContain('No te he entendido');
    expect((await harness.send('más')).join('\n')).not.toContain('Casos 21–40');
  });

  it('audits the cases each page shows, not the whole caseload', async () => {
    const cases = bigCaseload('worker-1');
    harness = await createHarness({ cases });
    await harness.send('hola');
    const listedIds = async () =>
      (await harness.store.repositories.audit.readDay('2026-11-23')).filter((e) => e.actor === 'worker-1' && e.action === 'case.list').map((e) => e.caseId);
    const shownOn = (replies: string[]) =>
      replies
        .join('\n')
        .split('\n')
        .filter((line) => /^\d+\. C-/.test(line))
        .map((line) => /C-[A-Z2-9]{6}/.exec(line)![0]);

    const first = shownOn(await harness.send('mis casos'));
    expect(first).toHaveLength(CASELOAD_PAGE_SIZE);
    expect((await listedIds()).sort()).toEqual([...first].sort());

    const second = shownOn(await harness.send('más'));
    expect(second).toHaveLength(CASELOAD_PAGE_SIZE);
    expect((await listedIds()).sort()).toEqual([...first, ...second].sort());
  });

  it('pages a supervisor’s team caseload the same way', async () => {
    const cases = bigCaseload('worker-2');
    harness = await createHarness({ cases });
    await harness.send('hola', 'super-1');
    const turns = await allPages('super-1', 'casos del equipo');
    const replies = turns.flat();
    for (const reply of replies) expect(bytes(reply)).toBeLessThanOrEqual(MAX_REPLY_BYTES);
    expect(idsIn(replies)).toEqual(new Set(cases.map((c) => c.id)));
    expect(turns[0]!.join('\n')).toContain(`Casos del equipo: ${CASES} (`);
    expect(turns[0]!.join('\n')).toContain('Pablo Ruiz');
  });
});

describe('a caseload that fits on one page', () => {
  const few = (workerId: string, from = 0) =>
    [from, from + 1, from + 2].map((i) =>
      caseRecord({
        id: caseId(i),
        workerId,
        client: { kind: 'individual', name: `Persona ${i}`, contact: '', language: 'es', timeZone: 'Europe/Madrid' },
      }),
    );
  const numbered = (replies: string[], n: number) =>
    /C-[A-Z2-9]{6}/.exec(
      replies
        .join('\n')
        .split('\n')
        .find((line) => line.startsWith(`${n}. `))!,
    )![0];

  it('opens a case by its list number, in Spanish and in English, rather than a menu option of that number', async () => {
    harness = await createHarness({ cases: [...few('worker-1'), ...few('worker-en', 10)] });
    await harness.send('hola');
    const listed = await harness.send('mis casos');
    const opened = (await harness.send('2')).join('\n');
    expect(opened).toContain(`Caso ${numbered(listed, 2)} · abierto`);
    expect(opened).not.toContain('Nuevo caso');

    await harness.send('hello', 'worker-en');
    const listedEn = await harness.send('my cases', 'worker-en');
    expect((await harness.send('1', 'worker-en')).join('\n')).toContain(`Case ${numbered(listedEn, 1)} · open`);
  });

  it('answers a number not in the list, or «más» past the last page, and still opens a case by its number after', async () => {
    harness = await createHarness({ cases: [...few('worker-1'), ...few('worker-en', 10)] });
    await harness.send('hola');
    const listed = await harness.send('mis casos');
    const wrong = (await harness.send('7')).join('\n');
    expect(wrong).toContain('No hay un caso 7 en la lista: escribe un número del 1 al 3.');
    expect(wrong).not.toContain('¿Con qué caso?');
    expect((await harness.send('más')).join('\n')).toContain('No hay más casos: esta es la última página.');
    expect((await harness.send('3')).join('\n')).toContain(`Caso ${numbered(listed, 3)} · abierto`);

    await harness.send('hello', 'worker-en');
    const listedEn = await harness.send('my cases', 'worker-en');
    expect((await harness.send('more', 'worker-en')).join('\n')).toContain('There are no more cases: this is the last page.');
    expect((await harness.send('0', 'worker-en')).join('\n')).toContain('There is no case 0 in the list: type a number from 1 to 3.');
    expect((await harness.send('2', 'worker-en')).join('\n')).toContain(`Case ${numbered(listedEn, 2)} · open`);
  });

  it('reads anything else as if no list were shown: a command with its details, a greeting, a menu number later', async () => {
    harness = await createHarness({ cases: few('worker-1') });
    await harness.send('hola');
    await harness.send('mis casos');
    const contact = (await harness.send(`apunta una llamada de 15 minutos con Carmen en ${caseId(0)}`)).join('\n');
    expect(contact).toContain('Nota del contacto');
    await harness.sendAll(['Confirma la cita', 'sí']);
    expect((await harness.store.repositories.cases.get(caseId(0)))!.contacts).toMatchObject([{ type: 'call', minutes: 15, withWhom: 'Carmen' }]);

    await harness.send('mis casos');
    const greeted = (await harness.send('buenos días')).join('\n');
    expect(greeted).toContain('¿Qué quieres hacer?');
    expect(greeted).not.toContain('No te he entendido');
    expect((await harness.send('1')).join('\n')).not.toContain(`Caso ${caseId(0)}`);
  });
});
