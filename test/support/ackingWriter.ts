// Writes cases without end, printing each id once its write is acknowledged; killed by the test.
import { JsonStore } from '../../src/store/jsonStore.js';
import { caseRecord } from './records.js';

const store = await JsonStore.open(process.argv[2]!);
for (let n = 0; ; n++) {
  const batch = Array.from({ length: 4 }, (_, i) => `C-K${String(n * 4 + i).padStart(5, '0')}`);
  await Promise.all(
    batch.map(async (id) => {
      await store.repositories.cases.put(caseRecord({ id }));
      process.stdout.write(`${id}\n`);
    }),
  );
}
