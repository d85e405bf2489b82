import { it } from 'vitest';
import { caseRecord } from '../support/records.js';
import { createHarness } from '../support/botHarness.js';

it('probe', async () => {
  const h = await createHarness({ cases: [caseRecord({ id: 'C-AAAAAA', client: { ...caseRecord().client, name: 'Carmen Ortega Ruiz' } }), caseRecord({ id: 'C-BBBBBB' })] });
  for (const m of ['hola', 'contacto', 'C-ZZZZZZ', '1', 'contacto', '1', 'idioma', 'xx', 'cancelar', 'tarea', 'C-AAAAAA']) {
    console.log('>>', m, '\n', (await h.send(m)).join('\n---\n'));
  }
  await h.close();
});
