import { it } from 'vitest';
import { caseRecord } from '../support/records.js';
import { createHarness } from '../support/botHarness.js';

it('probe', async () => {
  const h = await createHarness({ cases: [caseRecord({ id: 'C-AAAAAA', client: { ...caseRecord().client, name: 'Carmen Ortega Ruiz' } }), caseRecord({ id: 'C-BBBBBB' }), caseRecord({ id: 'C-CCCCCC', client: { ...caseRecord().client, name: 'Carmen López' } })] });
  for (const m of ['hola', 'contacto', 'C-ZZZZZZ', '1', 'cancelar', 'contacto ortega', 'cancelar', 'tarea carmen', '2', 'cancelar', 'mis casos', 'tarea 2', 'cancelar', 'valoración', 'xx', 'yy', 'zz', 'cancelar', 'nueva apertura', 'familia', 'idioma', 'Ana', 'no', 'cancel', 'no', 'cancel', 'yes']) {
    console.log('>>', m, '\n', (await h.send(m)).join('\n---\n'));
  }
  await h.close();
});
