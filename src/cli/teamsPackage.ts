// `npm run teams:package [-- --out <file>]`: writes dist/enlace-teams.zip, the Teams app package
// (appPackage/: manifest, its English localization, icons) that a tenant admin uploads. The app id and the bot
// id are MicrosoftAppId from .env; the developer details shown on the app's page come from the
// TEAMS_DEVELOPER_* variables. A missing or wrong setting exits with code 2 and writes nothing.
import 'dotenv/config';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { zip, type ZipEntry } from './zip.js';

const ROOT = resolve(import.meta.dirname, '../..');
const APP_PACKAGE_DIR = join(ROOT, 'appPackage');
const MANIFEST = 'manifest.json';
const DEFAULT_OUTPUT = join(ROOT, 'dist', 'enlace-teams.zip');

export class TeamsPackageError extends Error {}

type Env = Record<string, string | undefined>;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const VERSION = /^\d+\.\d+\.\d+$/;
const DEVELOPER_NAME_MAX = 32; // the manifest schema's limit

/** The agency's details; the fallbacks are placeholders to replace before the package goes to the tenant admin. */
const DEVELOPER_SETTINGS = [
  { placeholder: 'DEVELOPER_NAME', variable: 'TEAMS_DEVELOPER_NAME', fallback: 'Entidad de servicios sociales', url: false },
  { placeholder: 'WEBSITE_URL', variable: 'TEAMS_DEVELOPER_WEBSITE_URL', fallback: 'https://example.org/', url: true },
  { placeholder: 'PRIVACY_URL', variable: 'TEAMS_DEVELOPER_PRIVACY_URL', fallback: 'https://example.org/privacidad', url: true },
  { placeholder: 'TERMS_OF_USE_URL', variable: 'TEAMS_DEVELOPER_TERMS_URL', fallback: 'https://example.org/condiciones', url: true },
] as const;

/** Teams refuses icons of any other size. */
const ICON_SIZES = { color: 192, outline: 32 } as const;

/**
 * Teams' limits for the command list shown above the compose box; the 1.29 schema allows longer
 * texts, but Teams' app validation and the list itself keep to these.
 */
const COMMAND_TITLE_MAX = 32;
const COMMAND_DESCRIPTION_MAX = 128;

/** The parts of the manifest that the build reads: the other files of the package and the command lists. */
interface ManifestParts {
  icons: Record<keyof typeof ICON_SIZES, string>;
  localizationInfo?: { additionalLanguages?: { file: string }[] };
  bots?: { commandLists?: { commands: { title: string; description?: string }[] }[] }[];
}

export interface TeamsSettings {
  /** Template placeholder → value. */
  values: Record<string, string>;
  /** Variables left unset, whose placeholder values went into the package. */
  unset: string[];
}

/** The values for the manifest template, from the environment; throws TeamsPackageError on a missing or wrong one. */
export function teamsSettings(env: Env, packageVersion: string): TeamsSettings {
  const appId = env.MicrosoftAppId?.trim();
  if (!appId) {
    throw new TeamsPackageError('set MicrosoftAppId in .env (the Microsoft App ID of your Azure Bot) to build the Teams app package');
  }
  if (!GUID.test(appId)) {
    throw new TeamsPackageError(
      `MicrosoftAppId "${appId}" is not a GUID (like 1b4e28ba-2fa1-11d2-883f-0016d3cca427): copy the Microsoft App ID from the Configuration page of your Azure Bot into .env`,
    );
  }
  const version = env.TEAMS_APP_VERSION?.trim() || packageVersion;
  if (!VERSION.test(version)) throw new TeamsPackageError(`TEAMS_APP_VERSION must look like 1.2.3, not "${version}"`);

  const values: Record<string, string> = { APP_ID: appId, APP_VERSION: version };
  const unset: string[] = [];
  for (const setting of DEVELOPER_SETTINGS) {
    const given = env[setting.variable]?.trim();
    if (!given) unset.push(setting.variable);
    const value = given || setting.fallback;
    if (setting.url && !isHttpsUrl(value)) throw new TeamsPackageError(`${setting.variable} must be an https:// address, not "${value}"`);
    if (!setting.url && value.length > DEVELOPER_NAME_MAX) {
      throw new TeamsPackageError(`${setting.variable} can have at most ${DEVELOPER_NAME_MAX} characters; "${value}" has ${value.length}`);
    }
    values[setting.placeholder] = value;
  }
  return { values, unset };
}

/** The template with every {{PLACEHOLDER}} in its strings replaced; an unknown placeholder is a template error. */
export function fillTemplate(template: unknown, values: Record<string, string>): unknown {
  if (typeof template === 'string') {
    return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
      const value = values[name];
      if (value === undefined) throw new Error(`the Teams manifest template has an unknown placeholder {{${name}}}`);
      return value;
    });
  }
  if (Array.isArray(template)) return template.map((item) => fillTemplate(item, values));
  if (template && typeof template === 'object') {
    return Object.fromEntries(Object.entries(template).map(([key, value]) => [key, fillTemplate(value, values)]));
  }
  return template;
}

/** Width and height from a PNG's IHDR chunk, or undefined when the file is not a PNG. */
export function pngSize(data: Buffer): { width: number; height: number } | undefined {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (data.length < 24 || !data.subarray(0, 8).equals(signature) || data.toString('latin1', 12, 16) !== 'IHDR') return undefined;
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

/** Every command title and description, in the manifest's language and in each localization file, that Teams would refuse. */
export function commandTextErrors(manifest: ManifestParts, localizations: Record<string, Record<string, unknown>>): string[] {
  const errors: string[] = [];
  const check = (where: string, title: unknown, description: unknown) => {
    if (typeof title === 'string' && title.length > COMMAND_TITLE_MAX) {
      errors.push(`${where}: the command title "${title}" has ${title.length} characters, at most ${COMMAND_TITLE_MAX}`);
    }
    if (typeof description === 'string' && description.length > COMMAND_DESCRIPTION_MAX) {
      errors.push(`${where}: the description of "${title}" has ${description.length} characters, at most ${COMMAND_DESCRIPTION_MAX}`);
    }
  };
  (manifest.bots ?? []).forEach((bot, b) => {
    (bot.commandLists ?? []).forEach((list, l) => {
      list.commands.forEach((command, c) => {
        check(MANIFEST, command.title, command.description);
        const key = `bots[${b}].commandLists[${l}].commands[${c}]`;
        for (const [file, strings] of Object.entries(localizations)) check(file, strings[`${key}.title`], strings[`${key}.description`]);
      });
    });
  });
  return errors;
}

/** Builds the package from the files in appPackage/ and writes it to `output`. */
export async function buildTeamsPackage(env: Env, output: string, packageDir = APP_PACKAGE_DIR): Promise<TeamsSettings> {
  const { version } = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  const settings = teamsSettings(env, version);
  const template = JSON.parse((await packageFile(packageDir, MANIFEST)).toString('utf8')) as unknown;
  const manifest = fillTemplate(template, settings.values) as ManifestParts;

  const entries: ZipEntry[] = [{ name: MANIFEST, data: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8') }];
  for (const [role, size] of Object.entries(ICON_SIZES) as [keyof typeof ICON_SIZES, number][]) {
    const data = await packageFile(packageDir, manifest.icons[role]);
    const found = pngSize(data);
    if (found?.width !== size || found.height !== size) {
      throw new TeamsPackageError(`appPackage/${manifest.icons[role]} must be a ${size}×${size} PNG (the ${role} icon)`);
    }
    entries.push({ name: manifest.icons[role], data });
  }
  const localizations: Record<string, Record<string, unknown>> = {};
  for (const { file } of manifest.localizationInfo?.additionalLanguages ?? []) {
    const data = await packageFile(packageDir, file);
    localizations[file] = JSON.parse(data.toString('utf8')) as Record<string, unknown>;
    entries.push({ name: file, data });
  }
  const tooLong = commandTextErrors(manifest, localizations);
  if (tooLong.length > 0) throw new TeamsPackageError(`Teams would refuse the package: ${tooLong.join('; ')}`);

  await mkdir(dirname(output), { recursive: true });
  await writeFile(output, zip(entries));
  return settings;
}

async function main(argv: string[]): Promise<number> {
  let output: string;
  try {
    const { values } = parseArgs({ args: argv, options: { out: { type: 'string' } }, strict: true });
    output = values.out ? resolve(values.out) : DEFAULT_OUTPUT;
  } catch (error) {
    console.error(`Error: ${(error as Error).message.split('. ')[0]} (usage: npm run teams:package [-- --out <file.zip>])`);
    return 2;
  }
  try {
    const { values, unset } = await buildTeamsPackage(process.env, output);
    console.log(`Teams app package written to ${output} (app id ${values.APP_ID}, version ${values.APP_VERSION}).`);
    console.log(
      'Upload it in the Teams admin center (Teams apps > Manage apps > Upload new app) or, to try it yourself, in Teams (Apps > Manage your apps > Upload an app).',
    );
    if (unset.length > 0) {
      console.warn(
        `Note: ${unset.join(', ')} not set in .env, so the package shows placeholder developer details; set them before giving it to your tenant admin.`,
      );
    }
    return 0;
  } catch (error) {
    if (!(error instanceof TeamsPackageError)) throw error;
    console.error(`Error: ${error.message}.`);
    return 2;
  }
}

/** A file of appPackage/ that the manifest names; a missing one is the package's error, not a crash. */
async function packageFile(packageDir: string, name: string): Promise<Buffer> {
  try {
    return await readFile(join(packageDir, name));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    throw new TeamsPackageError(`appPackage/${name} is missing${name === MANIFEST ? '' : ` (${MANIFEST} names it)`}`);
  }
}

function isHttpsUrl(value: string): boolean {
  try {
    return new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = await main(process.argv.slice(2));
}
