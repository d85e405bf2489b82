// `npm run bench:encrypted`: the price of encryption at rest on a change. One case change,
// acknowledged on disk, at 10,000 cases: the same store in plain JSON, then encrypted under a
// fresh key (ENLACE_DATA_KEY), measured one after the other in one run. Last line: JSON.
// A smaller store for development: BENCH_CASES.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { forgetDataKeys, parseDataKey, useDataKeys } from '../src/store/encryption.js';
import { convertStore } from '../src/store/encryptionConversion.js';
import { agencyStore, copyOf } from './agencyStore.js';
import { measureChanges } from './changes.js';
import { percentile } from './turns.js';

process.env.ENLACE_QUIET = '1';
const CASES = Number(process.env.BENCH_CASES ?? 10_000);
const CHANGES = 500;
const loadAverage = loadavg()[0]!;
const say = (line: string) => console.log(line);

const store = await agencyStore(CASES, say);
const work = await mkdtemp(join(tmpdir(), 'enlace-bench-encrypted-'));
try {
  const plainDir = await copyOf(store, join(work, 'plain'));
  const sealedDir = await copyOf(store, join(work, 'sealed'));
  const key = parseDataKey(randomBytes(32).toString('base64'));
  const converted = await convertStore(sealedDir, key, []);
  say(`encrypted a copy of the ${CASES.toLocaleString('en')}-case store: ${converted.converted} files`);
  const plain = (await measureChanges([{ size: CASES, dataDir: plainDir }], CHANGES)).get(CASES)!;
  useDataKeys(key);
  const sealed = (await measureChanges([{ size: CASES, dataDir: sealedDir }], CHANGES)).get(CASES)!;
  forgetDataKeys();
  const row = (name: string, samples: number[]) =>
    say(`${name.padEnd(10)} p50 ${percentile(samples, 0.5).toFixed(2)} ms   p99 ${percentile(samples, 0.99).toFixed(2)} ms`);
  say(`one change at ${CASES.toLocaleString('en')} cases (load average ${loadAverage.toFixed(2)} at start)`);
  row('plain', plain);
  row('encrypted', sealed);
  say(
    JSON.stringify({
      changeP99Ms10000Plain: percentile(plain, 0.99),
      changeP99Ms10000Encrypted: percentile(sealed, 0.99),
      encryptedToPlainP99: percentile(sealed, 0.99) / percentile(plain, 0.99),
      loadAverage,
    }),
  );
} finally {
  await rm(work, { recursive: true, force: true });
}
