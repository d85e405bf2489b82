import { spawn } from 'node:child_process';
import { access, cp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { inflateRawSync, inflateSync } from 'node:zlib';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { MENU } from '../../dialogs/menu.js';
import { TeamsPackageError, buildTeamsPackage, commandTextErrors, fillTemplate, teamsSettings } from '../../src/cli/teamsPackage.js';
import { matchesWord } from '../../src/i18n/catalog.js';
import { tempDir } from '../support/tempDir.js';

const ROOT = join(import.meta.dirname, '../..');
const APP_PACKAGE = join(ROOT, 'appPackage');
const APP_ID = '6f1c2a7e-93b4-4d0a-b1a2-3c4d5e6f7a8b';
const AGENCY = {
  MicrosoftAppId: APP_ID,
  TEAMS_DEVELOPER_NAME: 'Servicios Sociales Norte',
  TEAMS_DEVELOPER_WEBSITE_URL: 'https://ssnorte.example/',
  TEAMS_DEVELOPER_PRIVACY_URL: 'https://ssnorte.example/privacidad',
  TEAMS_DEVELOPER_TERMS_URL: 'https://ssnorte.example/condiciones',
};

// --- A small zip reader and PNG decoder, written apart from the code under test. ---

/** CRC-32 bit by bit (the writer uses a table). */
function crcOf(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** Every entry of a zip, by name, read through the central directory; checks sizes and CRCs. */
function readZip(zip: Buffer): Map<string, Buffer> {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  expect(end).toBeGreaterThan(0);
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  expect(at + zip.readUInt32LE(end + 12)).toBe(end);
  const entries = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    expect(zip.readUInt32LE(at)).toBe(0x02014b50);
    const [method, crc, compressed, size] = [zip.readUInt16LE(at + 10), zip.readUInt32LE(at + 16), zip.readUInt32LE(at + 20), zip.readUInt32LE(at + 24)];
    const nameLength = zip.readUInt16LE(at + 28);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const local = zip.readUInt32LE(at + 42);
    expect(zip.readUInt32LE(local)).toBe(0x04034b50);
    expect(zip.readUInt32LE(local + 14)).toBe(crc);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const body = zip.subarray(start, start + compressed);
    expect(method === 0 || method === 8).toBe(true);
    const data = method === 8 ? inflateRawSync(body) : body;
    expect(data.length).toBe(size);
    expect(crcOf(data)).toBe(crc);
    entries.set(name, data);
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}

interface Png {
  width: number;
  height: number;
  colorType: number;
  pixels: Buffer;
}

/** Decodes an 8-bit RGBA PNG (the only kind Teams icons need), checking every chunk's CRC. */
function decodePng(png: Buffer): Png {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const chunks: { type: string; data: Buffer }[] = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    const typed = png.subarray(at + 4, at + 8 + length);
    expect(png.readUInt32BE(at + 8 + length)).toBe(crcOf(typed));
    chunks.push({ type: typed.toString('latin1', 0, 4), data: typed.subarray(4) });
    at += 12 + length;
  }
  const ihdr = chunks[0]!;
  expect(ihdr.type).toBe('IHDR');
  expect(chunks.at(-1)!.type).toBe('IEND');
  const [width, height, bitDepth, colorType] = [ihdr.data.readUInt32BE(0), ihdr.data.readUInt32BE(4), ihdr.data[8], ihdr.data[9]!];
  expect([bitDepth, colorType, ihdr.data[12]]).toEqual([8, 6, 0]); // 8-bit RGBA, not interlaced
  const raw = inflateSync(Buffer.concat(chunks.filter((c) => c.type === 'IDAT').map((c) => c.data)));
  const stride = width * 4;
  const pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    for (let x = 0; x < stride; x++) {
      const left = x >= 4 ? pixels[y * stride + x - 4]! : 0;
      const up = y > 0 ? pixels[(y - 1) * stride + x]! : 0;
      const upLeft = x >= 4 && y > 0 ? pixels[(y - 1) * stride + x - 4]! : 0;
      const paeth = () => {
        const p = left + up - upLeft;
        const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
        return pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
      };
      const predictor = [0, left, up, (left + up) >> 1, paeth()][filter]!;
      pixels[y * stride + x] = (raw[y * (stride + 1) + 1 + x]! + predictor) & 0xff;
    }
  }
  return { width, height, colorType, pixels };
}

function alphas(png: Png): number[] {
  return Array.from({ length: png.width * png.height }, (_, i) => png.pixels[i * 4 + 3]!);
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

async function buildInTemp(env: Record<string, string> = AGENCY) {
  const output = join(await tempDir(), 'out', 'enlace-teams.zip');
  const settings = await buildTeamsPackage(env, output);
  const entries = readZip(await readFile(output));
  const manifest = JSON.parse(entries.get('manifest.json')!.toString('utf8'));
  return { output, settings, entries, manifest };
}

// --- The tests. ---

describe('teamsSettings', () => {
  it.each([
    [{}, 'set MicrosoftAppId in .env'],
    [{ MicrosoftAppId: '   ' }, 'set MicrosoftAppId in .env'],
    [{ MicrosoftAppId: 'enlace-bot' }, 'MicrosoftAppId "enlace-bot" is not a GUID'],
    [{ MicrosoftAppId: `${APP_ID}0` }, 'is not a GUID'],
    [{ ...AGENCY, TEAMS_DEVELOPER_PRIVACY_URL: 'http://ssnorte.example/privacidad' }, 'TEAMS_DEVELOPER_PRIVACY_URL must be an https:// address'],
    [{ ...AGENCY, TEAMS_DEVELOPER_WEBSITE_URL: 'ssnorte.example' }, 'TEAMS_DEVELOPER_WEBSITE_URL must be an https:// address'],
    [{ ...AGENCY, TEAMS_DEVELOPER_NAME: 'Ayuntamiento de Villanueva del Río' }, 'TEAMS_DEVELOPER_NAME can have at most 32 characters'],
    [{ ...AGENCY, TEAMS_APP_VERSION: 'v2' }, 'TEAMS_APP_VERSION must look like 1.2.3'],
  ])('refuses %o with a clear message', (env, message) => {
    expect(() => teamsSettings(env, '0.1.0')).toThrow(TeamsPackageError);
    expect(() => teamsSettings(env, '0.1.0')).toThrow(message);
  });

  it('takes the agency details from the environment, and the version from package.json unless TEAMS_APP_VERSION is set', () => {
    expect(teamsSettings({ ...AGENCY, MicrosoftAppId: ` ${APP_ID} ` }, '0.1.0')).toEqual({
      values: {
        APP_ID,
        APP_VERSION: '0.1.0',
        DEVELOPER_NAME: 'Servicios Sociales Norte',
        WEBSITE_URL: 'https://ssnorte.example/',
        PRIVACY_URL: 'https://ssnorte.example/privacidad',
        TERMS_OF_USE_URL: 'https://ssnorte.example/condiciones',
      },
      unset: [],
    });
    expect(teamsSettings({ ...AGENCY, TEAMS_APP_VERSION: '1.4.2' }, '0.1.0').values.APP_VERSION).toBe('1.4.2');
  });

  it('falls back to placeholders, and says which variables were not set', () => {
    const { values, unset } = teamsSettings({ MicrosoftAppId: APP_ID, TEAMS_DEVELOPER_NAME: 'SS Norte' }, '0.1.0');
    expect(values).toMatchObject({ DEVELOPER_NAME: 'SS Norte', WEBSITE_URL: 'https://example.org/', PRIVACY_URL: 'https://example.org/privacidad' });
    expect(unset).toEqual(['TEAMS_DEVELOPER_WEBSITE_URL', 'TEAMS_DEVELOPER_PRIVACY_URL', 'TEAMS_DEVELOPER_TERMS_URL']);
  });
});

describe('fillTemplate', () => {
  it('fills placeholders in nested strings and leaves everything else alone', () => {
    const template = { id: '{{APP_ID}}', bots: [{ botId: '{{APP_ID}}', scopes: ['personal'], supportsFiles: false }], n: 3, url: 'https://x/{{V}}/y' };
    expect(fillTemplate(template, { APP_ID, V: '2' })).toEqual({
      id: APP_ID,
      bots: [{ botId: APP_ID, scopes: ['personal'], supportsFiles: false }],
      n: 3,
      url: 'https://x/2/y',
    });
  });

  it('refuses a placeholder it has no value for', () => {
    expect(() => fillTemplate({ name: '{{DEVELOPR_NAME}}' }, { APP_ID })).toThrow('unknown placeholder {{DEVELOPR_NAME}}');
  });
});

describe('buildTeamsPackage', () => {
  it('zips the manifest, both icons and the English strings at the root of the package', async () => {
    const { entries } = await buildInTemp();
    expect([...entries.keys()].sort()).toEqual(['color.png', 'en.json', 'manifest.json', 'outline.png']);
    for (const file of ['color.png', 'outline.png', 'en.json']) {
      expect(entries.get(file)).toEqual(await readFile(join(APP_PACKAGE, file)));
    }
  });

  it('writes a manifest for a personal-scope bot whose app id and bot id are MicrosoftAppId', async () => {
    const { manifest } = await buildInTemp();
    const { version } = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8'));
    expect(manifest.$schema).toBe(`https://developer.microsoft.com/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.schema.json`);
    expect(Number(manifest.manifestVersion)).toBeGreaterThanOrEqual(1.17);
    expect(manifest).toMatchObject({
      version,
      id: APP_ID,
      developer: {
        name: 'Servicios Sociales Norte',
        websiteUrl: 'https://ssnorte.example/',
        privacyUrl: 'https://ssnorte.example/privacidad',
        termsOfUseUrl: 'https://ssnorte.example/condiciones',
      },
      localizationInfo: { defaultLanguageTag: 'es', additionalLanguages: [{ languageTag: 'en', file: 'en.json' }] },
      icons: { color: 'color.png', outline: 'outline.png' },
      validDomains: [],
    });
    expect(manifest.accentColor).toMatch(/^#[0-9A-Fa-f]{6}$/);
    expect(manifest.defaultInstallScope).toBe('personal');
    expect(manifest.bots).toHaveLength(1);
    // Personal only: in group chats and teams the bot would only say to write in the personal chat.
    expect(manifest.bots[0]).toMatchObject({ botId: APP_ID, scopes: ['personal'], supportsFiles: false, isNotificationOnly: false });
    expect(manifest.bots[0].commandLists).toEqual([expect.objectContaining({ scopes: ['personal'] })]);
    expect(JSON.stringify(manifest)).not.toContain('{{');
  });

  it('keeps names, descriptions and commands within the limits that Teams shows and validates', async () => {
    const { manifest } = await buildInTemp();
    expect(manifest.name.short.length).toBeLessThanOrEqual(30);
    expect(manifest.name.full.length).toBeLessThanOrEqual(100);
    expect(manifest.description.short.length).toBeLessThanOrEqual(80);
    expect(manifest.description.full.length).toBeLessThanOrEqual(4000);
    const commands: { title: string; description: string }[] = manifest.bots[0].commandLists[0].commands;
    expect(commands.length).toBeGreaterThanOrEqual(4);
    expect(commands.length).toBeLessThanOrEqual(12);
    for (const command of commands) {
      expect(command.title.length).toBeLessThanOrEqual(32);
      expect(command.description.length).toBeLessThanOrEqual(128);
    }
    // Each role finds its own work: workers and supervisors their cases, supervisors the alerts, clients their tasks.
    expect(commands.map((c) => c.title)).toEqual(
      expect.arrayContaining(['mis casos', 'nueva apertura', 'ver caso', 'decidir aviso', 'mis tareas', 'cómo va', 'ayuda', 'idioma']),
    );
  });

  it('translates the name, the descriptions and every command into English, and nothing that does not exist', async () => {
    const { manifest, entries } = await buildInTemp();
    const english: Record<string, string> = JSON.parse(entries.get('en.json')!.toString('utf8'));
    expect(english).toMatchObject({ 'name.short': 'Enlace', 'description.short': expect.any(String), 'description.full': expect.any(String) });
    expect(english['description.short']!.length).toBeLessThanOrEqual(80);
    const commands: unknown[] = manifest.bots[0].commandLists[0].commands;
    const commandKeys = commands.flatMap((_, i) => [0, 1].map((part) => `bots[0].commandLists[0].commands[${i}].${part ? 'description' : 'title'}`));
    const translated = Object.keys(english).filter((key) => key.startsWith('bots['));
    expect(translated.sort()).toEqual(commandKeys.sort());
    for (const key of translated) expect(english[key]!.length).toBeLessThanOrEqual(key.endsWith('title') ? 32 : 128);
    expect(commands.map((_, i) => english[`bots[0].commandLists[0].commands[${i}].title`])).toEqual(
      expect.arrayContaining(['my cases', 'new case', 'help', 'language']),
    );
  });

  it('offers only commands the bot understands, in Spanish and in English', async () => {
    const { manifest, entries } = await buildInTemp();
    const english: Record<string, string> = JSON.parse(entries.get('en.json')!.toString('utf8'));
    const commands: { title: string }[] = manifest.bots[0].commandLists[0].commands;
    const titles = [...commands.map((c) => c.title), ...commands.map((_, i) => english[`bots[0].commandLists[0].commands[${i}].title`]!)];
    const understood = (title: string) =>
      matchesWord(title, 'common.helpWords') || matchesWord(title, 'common.languageWords') || MENU.some((entry) => matchesWord(title, entry.words));
    expect(titles.filter((title) => !understood(title))).toEqual([]);
  });

  it('ships a 192×192 colour icon and a 32×32 outline icon that is white on transparent', async () => {
    const { entries } = await buildInTemp();
    const color = decodePng(entries.get('color.png')!);
    expect([color.width, color.height]).toEqual([192, 192]);
    expect(alphas(color).every((a) => a === 255)).toBe(true);

    const outline = decodePng(entries.get('outline.png')!);
    expect([outline.width, outline.height]).toEqual([32, 32]);
    const visible = alphas(outline)
      .map((a, i) => [a, i] as const)
      .filter(([a]) => a > 0);
    expect(visible.length).toBeGreaterThan(50);
    expect(visible.length).toBeLessThan(32 * 32 - 200);
    for (const [, i] of visible) expect([...outline.pixels.subarray(i * 4, i * 4 + 3)]).toEqual([255, 255, 255]);
    expect([0, 31, 32 * 31, 32 * 32 - 1].map((corner) => outline.pixels[corner * 4 + 3])).toEqual([0, 0, 0, 0]);
  });

  it('writes nothing when the app id is missing', async () => {
    const output = join(await tempDir(), 'enlace-teams.zip');
    await expect(buildTeamsPackage({ ...AGENCY, MicrosoftAppId: '' }, output)).rejects.toThrow(TeamsPackageError);
    expect(await exists(output)).toBe(false);
  });
});

// biome-ignore lint/suspicious/noExplicitAny: parsed JSON of any shape, changed on purpose
type Json = any;

/** A copy of appPackage/ in a temporary folder, changed by `change`, and the zip path a build would write. */
async function corruptedPackage(change: (dir: string) => Promise<void>): Promise<{ dir: string; output: string }> {
  const root = await tempDir();
  const dir = join(root, 'appPackage');
  await cp(APP_PACKAGE, dir, { recursive: true });
  await change(dir);
  return { dir, output: join(root, 'enlace-teams.zip') };
}

async function editJson(path: string, edit: (json: Json) => void): Promise<void> {
  const json = JSON.parse(await readFile(path, 'utf8'));
  edit(json);
  await writeFile(path, JSON.stringify(json));
}

describe('buildTeamsPackage refuses a broken appPackage/ and writes nothing', () => {
  const longTitle = 'casos que esperan una decisión hoy'; // 34 characters
  it.each([
    [
      'a command title over 32 characters',
      (dir: string) =>
        editJson(join(dir, 'manifest.json'), (m) => {
          m.bots[0].commandLists[0].commands[0].title = longTitle;
        }),
      `manifest.json: the command title "${longTitle}" has 34 characters, at most 32`,
    ],
    [
      'an English command description over 128 characters',
      (dir: string) =>
        editJson(join(dir, 'en.json'), (en) => {
          en['bots[0].commandLists[0].commands[1].description'] = 'x'.repeat(129);
        }),
      'en.json: the description of "new case" has 129 characters, at most 128',
    ],
    ['a missing outline icon', (dir: string) => rm(join(dir, 'outline.png')), 'appPackage/outline.png is missing (manifest.json names it)'],
    ['a missing English file', (dir: string) => rm(join(dir, 'en.json')), 'appPackage/en.json is missing (manifest.json names it)'],
    [
      'a colour icon of the wrong size',
      (dir: string) => cp(join(dir, 'outline.png'), join(dir, 'color.png')),
      'appPackage/color.png must be a 192×192 PNG (the color icon)',
    ],
  ])('%s', async (_, change, message) => {
    const { dir, output } = await corruptedPackage(change);
    const build = buildTeamsPackage(AGENCY, output, dir);
    await expect(build).rejects.toThrow(TeamsPackageError);
    await expect(build).rejects.toThrow(message);
    expect(await exists(output)).toBe(false);
  });

  it('names every command text that is too long, and none of the shipped ones', async () => {
    const manifest = JSON.parse(await readFile(join(APP_PACKAGE, 'manifest.json'), 'utf8'));
    const english = JSON.parse(await readFile(join(APP_PACKAGE, 'en.json'), 'utf8'));
    expect(commandTextErrors(manifest, { 'en.json': english })).toEqual([]);
    english['bots[0].commandLists[0].commands[2].title'] = 'y'.repeat(33);
    manifest.bots[0].commandLists[0].commands[3].description = 'z'.repeat(130);
    expect(commandTextErrors(manifest, { 'en.json': english })).toEqual([
      `en.json: the command title "${'y'.repeat(33)}" has 33 characters, at most 32`,
      'manifest.json: the description of "valoración" has 130 characters, at most 128',
    ]);
  });
});

// --- The official schemas of the manifest's version, vendored in appPackage/schema/ (origin in its README). ---

const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

/** Keywords whose draft-04 form differs from draft-07's, anywhere a schema is (not a property name). */
function draft04OnlyForms(schema: unknown, inSchemaMap = false): string[] {
  if (Array.isArray(schema)) return schema.flatMap((item) => draft04OnlyForms(item));
  if (!schema || typeof schema !== 'object') return [];
  return Object.entries(schema).flatMap(([key, value]) => {
    const here = inSchemaMap
      ? []
      : [key === 'id' && typeof value === 'string' ? 'id' : '', typeof value === 'boolean' && key.startsWith('exclusiveM') ? key : ''];
    const isMap = !inSchemaMap && ['properties', 'patternProperties', 'definitions', 'dependencies'].includes(key);
    return [...here.filter(Boolean), ...draft04OnlyForms(value, isMap)];
  });
}

async function officialValidator(file: string): Promise<ValidateFunction> {
  const schema = JSON.parse(await readFile(join(APP_PACKAGE, 'schema', file), 'utf8'));
  expect(schema.$schema).toBe('http://json-schema.org/draft-04/schema#');
  // Written as draft-04 but with draft-06/07 keywords (const, if/then), which draft-07 checks too.
  expect(draft04OnlyForms(schema)).toEqual([]);
  delete schema.$schema;
  // Its patterns are ECMAScript regular expressions without the unicode flag; some are invalid with it.
  const ajv = new Ajv({ allErrors: true, strictTypes: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(schema);
}

function errorsOf(validate: ValidateFunction, data: unknown): string[] {
  validate(data);
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`);
}

describe('the package against the official Teams schemas', () => {
  it('the manifest the build writes is valid against the schema of its version, vendored with its origin', async () => {
    const { manifest } = await buildInTemp();
    expect(manifest.manifestVersion).toBe('1.29');
    expect(await readFile(join(APP_PACKAGE, 'schema', 'README.md'), 'utf8')).toContain(
      'https://github.com/OfficeDev/microsoft-teams-app-schema/blob/a2a2ebc36df721a55ffbf8542f003fb4343952bd/MicrosoftTeams.schema.json',
    );
    const validate = await officialValidator('MicrosoftTeams.schema.json');
    const versionOfSchema = JSON.parse(await readFile(join(APP_PACKAGE, 'schema', 'MicrosoftTeams.schema.json'), 'utf8')).properties.manifestVersion.const;
    expect(versionOfSchema).toBe(manifest.manifestVersion);
    expect(errorsOf(validate, manifest)).toEqual([]);
  });

  it('finds draft-04 forms in a schema, but not in property names', () => {
    const schema = { id: 'urn:x', properties: { id: { type: 'string' }, n: { maximum: 3, exclusiveMaximum: true } } };
    expect(draft04OnlyForms(schema)).toEqual(['id', 'exclusiveMaximum']);
    expect(draft04OnlyForms({ properties: { id: { type: 'string', maximum: 3 } } })).toEqual([]);
  });

  it('the English strings are valid against the localization schema', async () => {
    const { entries } = await buildInTemp();
    const validate = await officialValidator('MicrosoftTeams.Localization.schema.json');
    expect(errorsOf(validate, JSON.parse(entries.get('en.json')!.toString('utf8')))).toEqual([]);
  });

  it.each([
    [
      'no outline icon',
      (m: Json) => {
        delete m.icons.outline;
      },
      "/icons must have required property 'outline'",
    ],
    [
      'a bot id that is not a GUID',
      (m: Json) => {
        m.bots[0].botId = 'enlace-bot';
      },
      '/bots/0/botId must match pattern',
    ],
    [
      'a scope Teams does not know',
      (m: Json) => {
        m.bots[0].scopes = ['channel'];
      },
      '/bots/0/scopes/0 must be equal to one of the allowed values',
    ],
    [
      'a developer name over 32 characters',
      (m: Json) => {
        m.developer.name = 'x'.repeat(33);
      },
      '/developer/name must NOT have more than 32 characters',
    ],
    [
      'an older manifest version',
      (m: Json) => {
        m.manifestVersion = '1.17';
      },
      '/manifestVersion must be equal to constant',
    ],
    [
      'a field the schema does not have',
      (m: Json) => {
        m.bots[0].commandLists[0].commands[0].hint = 'x';
      },
      'must NOT have additional properties',
    ],
  ])('refuses a manifest with %s', async (_, corrupt, expected) => {
    const { manifest } = await buildInTemp();
    corrupt(manifest);
    const validate = await officialValidator('MicrosoftTeams.schema.json');
    expect(errorsOf(validate, manifest).join('\n')).toContain(expected);
  });

  it('refuses English strings that are too long or that name no part of a manifest', async () => {
    const validate = await officialValidator('MicrosoftTeams.Localization.schema.json');
    const english = JSON.parse(await readFile(join(APP_PACKAGE, 'en.json'), 'utf8'));
    expect(errorsOf(validate, { ...english, 'name.short': 'Enlace: case management for social work' })).toContain(
      '/name.short must NOT have more than 30 characters',
    );
    expect(errorsOf(validate, { ...english, 'bots[0].commandLists[0].commands[12].title': 'more' }).join('\n')).toContain(
      'must NOT have additional properties',
    );
  });
});

function runCli(env: Record<string, string>, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  // Every variable is given (empty when unset) so that a developer's own .env cannot change the outcome.
  const blank = {
    MicrosoftAppId: '',
    TEAMS_DEVELOPER_NAME: '',
    TEAMS_DEVELOPER_WEBSITE_URL: '',
    TEAMS_DEVELOPER_PRIVACY_URL: '',
    TEAMS_DEVELOPER_TERMS_URL: '',
    TEAMS_APP_VERSION: '',
  };
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/teamsPackage.ts'), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...blank, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

// Each run starts Node and tsx, which takes seconds on a busy machine.
describe('npm run teams:package', { timeout: 90_000 }, () => {
  it('builds the package where --out says and prints its path', async () => {
    const output = join(await tempDir(), 'enlace-teams.zip');
    const result = await runCli({ MicrosoftAppId: APP_ID }, ['--out', output]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Teams app package written to ${output} (app id ${APP_ID}`);
    expect(result.stderr).toContain('TEAMS_DEVELOPER_NAME, TEAMS_DEVELOPER_WEBSITE_URL, TEAMS_DEVELOPER_PRIVACY_URL, TEAMS_DEVELOPER_TERMS_URL not set');
    const manifest = JSON.parse(
      readZip(await readFile(output))
        .get('manifest.json')!
        .toString('utf8'),
    );
    expect([manifest.id, manifest.bots[0].botId]).toEqual([APP_ID, APP_ID]);
  });

  it.each([
    ['missing', '', 'Error: set MicrosoftAppId in .env'],
    ['not a GUID', 'my-bot', 'Error: MicrosoftAppId "my-bot" is not a GUID'],
  ])('exits with code 2 and writes nothing when MicrosoftAppId is %s', async (_, appId, message) => {
    const output = join(await tempDir(), 'enlace-teams.zip');
    const result = await runCli({ MicrosoftAppId: appId }, ['--out', output]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stdout).toBe('');
    expect(await exists(output)).toBe(false);
  });

  it('exits with code 2 on an option it does not take', async () => {
    const result = await runCli({ MicrosoftAppId: APP_ID }, ['--output', 'x.zip']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("Unknown option '--output'");
  });
});
