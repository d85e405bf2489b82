// Message catalogs. Each area file exports { es, en } with the same keys; client-facing
// messages live in areas named `client*` so their readability can be checked apart.
import type { Language } from '../domain/schemas.js';
import { areas } from './areas/index.js';

type Areas = typeof areas;
type AreaName = keyof Areas;
type KeysOf<A extends AreaName> = `${A & string}.${keyof Areas[A]['es'] & string}`;
export type MessageKey = { [A in AreaName]: KeysOf<A> }[AreaName];
export type Params = Record<string, string | number>;

export const LANGUAGES: readonly Language[] = ['es', 'en'];
export const DEFAULT_LANGUAGE: Language = 'es';

const flat: Record<Language, Map<string, string>> = { es: new Map(), en: new Map() };
for (const [area, messages] of Object.entries(areas)) {
  for (const lang of LANGUAGES) {
    for (const [key, text] of Object.entries((messages as Record<Language, Record<string, string>>)[lang])) {
      flat[lang].set(`${area}.${key}`, text);
    }
  }
}

/** The message for `key` in `lang`, with `{name}` placeholders filled from params. */
export function t(lang: Language, key: MessageKey, params: Params = {}): string {
  const template = flat[lang].get(key) ?? flat[DEFAULT_LANGUAGE].get(key);
  if (template === undefined) throw new Error(`Missing message ${key}`);
  if (!template.includes('{')) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** Every message of both languages, for catalog checks. */
export function allMessages(): Record<Language, ReadonlyMap<string, string>> {
  return flat;
}

/** True when `text` (trimmed, case- and accent-insensitive) is one of the catalog words under `key`, a `|`-separated list. */
export function matchesWord(text: string, key: MessageKey): boolean {
  return wordsOf(key).has(normalize(text));
}

/** The words under `key` in every language, normalized once: the catalogs do not change while running. */
const wordSets = new Map<MessageKey, ReadonlySet<string>>();

function wordsOf(key: MessageKey): ReadonlySet<string> {
  let words = wordSets.get(key);
  if (!words) {
    words = new Set(LANGUAGES.flatMap((lang) => t(lang, key).split('|').map(normalize)));
    wordSets.set(key, words);
  }
  return words;
}

export function normalize(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\s+/g, ' ');
}
