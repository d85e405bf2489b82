// `npm start`'s prestart builds dist/ only when the sources changed: the fingerprint of the
// sources changes with any file's content, a file added or removed, and with nothing else.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildIsCurrent, FINGERPRINT_FILE, sourcesFingerprint } from '../../src/cli/build.js';

const SOURCES = ['src', 'tsconfig.json'];
const roots: string[] = [];

async function sourceTree(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'enlace-build-'));
  roots.push(root);
  await mkdir(join(root, 'src', 'app'), { recursive: true });
  await writeFile(join(root, 'src', 'index.ts'), "import './app/a.js';\n");
  await writeFile(join(root, 'src', 'app', 'a.ts'), 'export const a = 1;\n');
  await writeFile(join(root, 'tsconfig.json'), '{}\n');
  return root;
}

afterEach(async () => {
  for (const root of roots.splice(0)) await rm(root, { recursive: true, force: true });
});

describe('the sources fingerprint', () => {
  it('stays the same while nothing changes', async () => {
    const root = await sourceTree();
    expect(await sourcesFingerprint(root, SOURCES)).toBe(await sourcesFingerprint(root, SOURCES));
  });

  it("changes with a file's content, a file added, a file removed, and the configuration", async () => {
    const root = await sourceTree();
    const seen = new Set([await sourcesFingerprint(root, SOURCES)]);
    await writeFile(join(root, 'src', 'app', 'a.ts'), 'export const a = 2;\n');
    seen.add(await sourcesFingerprint(root, SOURCES));
    await writeFile(join(root, 'src', 'app', 'b.ts'), 'export const b = 1;\n');
    seen.add(await sourcesFingerprint(root, SOURCES));
    await rm(join(root, 'src', 'app', 'a.ts'));
    seen.add(await sourcesFingerprint(root, SOURCES));
    await writeFile(join(root, 'tsconfig.json'), '{ "compilerOptions": {} }\n');
    seen.add(await sourcesFingerprint(root, SOURCES));
    expect(seen.size).toBe(5);
  });

  it('tells a build of the current sources from a stale or missing one', async () => {
    const root = await sourceTree();
    const outDir = join(root, 'dist');
    expect(await buildIsCurrent(root, outDir, SOURCES)).toBe(false);
    await mkdir(outDir);
    await writeFile(join(outDir, FINGERPRINT_FILE), await sourcesFingerprint(root, SOURCES));
    expect(await buildIsCurrent(root, outDir, SOURCES)).toBe(true);
    await writeFile(join(root, 'src', 'index.ts'), "import './app/a.js';\nconsole.log(1);\n");
    expect(await buildIsCurrent(root, outDir, SOURCES)).toBe(false);
  });
});
