// «Exportar datos» in chat: a supervisor receives the case's export as files; anyone else,
// and a blocked case, is refused.
import { afterEach, describe, expect, it } from 'vitest';
import type { Attachment } from 'botbuilder';
import { MESSAGE_LIMIT_BYTES } from '../../dialogs/teamOutcomesDialog.js';
import { createHarness, type Harness } from '../support/botHarness.js';
import { FULL_CASE, NOW, seedFullCase } from './seededCase.js';

let harness: Harness;
afterEach(async () => harness?.close());

async function setup(): Promise<Harness> {
  harness = await createHarness({ now: NOW });
  await seedFullCase(harness.store.repositories);
  return harness;
}

const contentOf = (attachment: Attachment) => Buffer.from((attachment.contentUrl ?? '').split(',')[1] ?? '', 'base64').toString('utf8');

describe('data export in chat', () => {
  it('sends a supervisor of the team the summary and the JSON as files, and audits it', async () => {
    await setup();
    await harness.send('hola', 'super-1');
    const replies = await harness.send(`exportar datos ${FULL_CASE}`, 'super-1');
    expect(replies.join('\n')).toContain(
      `Datos del caso ${FULL_CASE}: te envío el resumen para la persona (enlace-${FULL_CASE}-2026-12-01.txt) y los datos completos (enlace-${FULL_CASE}-2026-12-01.json).`,
    );
    const attachments = harness.lastReplies.flatMap((a) => a.attachments ?? []);
    expect(attachments.map((a) => [a.name, a.contentType])).toEqual([
      [`enlace-${FULL_CASE}-2026-12-01.txt`, 'text/plain'],
      [`enlace-${FULL_CASE}-2026-12-01.json`, 'application/json'],
    ]);
    expect(contentOf(attachments[0]!)).toContain('- Nombre: Carmen R.');
    expect(JSON.parse(contentOf(attachments[1]!)).case.id).toBe(FULL_CASE);
    for (const reply of harness.lastReplies) expect(Buffer.byteLength(JSON.stringify(reply))).toBeLessThanOrEqual(MESSAGE_LIMIT_BYTES);
    const audit = await harness.store.repositories.audit.readDay('2026-12-01');
    expect(audit.some((e) => e.actor === 'super-1' && e.action === 'case.export' && e.caseId === FULL_CASE && e.outcome === 'ok')).toBe(true);
  });

  it('is not offered to a worker, and a blocked case is refused to its supervisor', async () => {
    await setup();
    await harness.send('hola', 'worker-1');
    const worker = await harness.send(`exportar datos ${FULL_CASE}`, 'worker-1');
    expect(harness.lastReplies.flatMap((a) => a.attachments ?? [])).toEqual([]);
    expect(worker.join('\n')).not.toContain('Datos del caso');

    const repos = harness.store.repositories;
    const record = (await repos.cases.get(FULL_CASE))!;
    await repos.cases.put({ ...record, blocked: { at: NOW.toISOString(), by: 'admin-1' } });
    await harness.send('hola', 'super-1');
    const refused = await harness.send(`exportar datos ${FULL_CASE}`, 'super-1');
    expect(refused.join('\n')).toContain(`El caso ${FULL_CASE} está bloqueado`);
    expect(harness.lastReplies.flatMap((a) => a.attachments ?? [])).toEqual([]);
  });
});
