// Domain levels typed in one message (SPEC §7): «ingresos 2, empleo 1, resto 3», «igual salvo
// empleo 3», or one bare level per domain in order. Domain names are forgiven (accents, case,
// synonyms, Spanish or English); what cannot be read is refused whole, naming what is wrong.
import { LANGUAGES, normalize, t, type MessageKey } from '../i18n/catalog.js';
import type { Ratings } from './assessment.js';
import { LIFE_DOMAINS, type DomainLevel, type LifeDomain } from './schemas.js';

export interface LevelsQuestion {
  /** The domains asked, in order: bare levels give one per domain, and "the rest" is among them. */
  domains: readonly LifeDomain[];
  /** Levels already answered: "the rest" leaves them as they are. */
  given?: Ratings;
  /** The levels before (a review): «igual» keeps them. Without it «igual» is refused. */
  before?: Ratings;
}

export type LevelsError =
  /** Not a list at all (one word or one level): the caller reads it as a single answer. */
  | { code: 'notAList' }
  | { code: 'badLevel'; token: string }
  | { code: 'unknownDomain'; token: string }
  /** A domain (or «resto») with no level after it. */
  | { code: 'missingLevel'; domain: LifeDomain | 'rest' }
  | { code: 'repeated'; domain: LifeDomain }
  | { code: 'levelWithoutDomain'; token: string }
  | { code: 'count'; given: number; expected: number }
  | { code: 'sameWithoutBefore' };

export type LevelsReading = { ok: true; levels: Ratings } | { ok: false; error: LevelsError };

type Value = { level: DomainLevel } | { same: true };
type Item =
  | { kind: 'domain'; domain: LifeDomain }
  | { kind: 'rest' }
  | { kind: 'value'; value: Value; token: string }
  | { kind: 'badNumber'; token: string }
  | { kind: 'unknown'; token: string };

const DOMAIN_WORDS: Record<LifeDomain, MessageKey> = {
  income: 'assessment.domainWords_income',
  employment: 'assessment.domainWords_employment',
  housing: 'assessment.domainWords_housing',
  food: 'assessment.domainWords_food',
  health: 'assessment.domainWords_health',
  mentalHealth: 'assessment.domainWords_mentalHealth',
  substanceUse: 'assessment.domainWords_substanceUse',
  education: 'assessment.domainWords_education',
  familyRelations: 'assessment.domainWords_familyRelations',
  socialSupport: 'assessment.domainWords_socialSupport',
  legal: 'assessment.domainWords_legal',
  safety: 'assessment.domainWords_safety',
  dailyLiving: 'assessment.domainWords_dailyLiving',
  mobility: 'assessment.domainWords_mobility',
  childcare: 'assessment.domainWords_childcare',
};

const LEVEL_WORDS: [DomainLevel, MessageKey][] = [
  [null, 'assessment.notApplicableWords'],
  [1, 'assessment.levelWords_1'],
  [2, 'assessment.levelWords_2'],
  [3, 'assessment.levelWords_3'],
  [4, 'assessment.levelWords_4'],
  [5, 'assessment.levelWords_5'],
];

/** Lower case, no accents, separators as spaces: the words of a message. */
function tokens(typed: string): string[] {
  return normalize(typed)
    .replace(/[,;:=()·[\]]/g, ' ')
    .replace(/\.(?=\s|$)/g, ' ')
    .split(' ')
    .filter(Boolean);
}

/** The phrases under `key` in both languages, as token lists. */
function phrases(key: MessageKey): string[][] {
  return LANGUAGES.flatMap((lang) => t(lang, key).split('|')).map(tokens);
}

interface Phrase<T> {
  words: string[];
  item: T;
}

/** Every phrase the reader knows, longest first, so «salud mental» wins over «salud». */
function vocabulary(): Phrase<Item | 'skip'>[] {
  const all: Phrase<Item | 'skip'>[] = [
    ...LIFE_DOMAINS.flatMap((domain) => phrases(DOMAIN_WORDS[domain]).map((words) => ({ words, item: { kind: 'domain', domain } as Item }))),
    ...phrases('assessment.restWords').map((words) => ({ words, item: { kind: 'rest' } as Item })),
    ...LEVEL_WORDS.flatMap(([level, key]) =>
      phrases(key).map((words) => ({ words, item: { kind: 'value', value: { level }, token: words.join(' ') } as Item })),
    ),
    ...phrases('assessment.sameWords').map((words) => ({ words, item: { kind: 'value', value: { same: true }, token: words.join(' ') } as Item })),
    ...phrases('assessment.levelFillerWords').map((words) => ({ words, item: 'skip' as const })),
  ];
  return all.filter((p) => p.words.length > 0).sort((a, b) => b.words.length - a.words.length);
}

let known: Phrase<Item | 'skip'>[] | undefined;

function readItems(typed: string): Item[] {
  known ??= vocabulary();
  const words = tokens(typed);
  const items: Item[] = [];
  let i = 0;
  while (i < words.length) {
    const word = words[i]!;
    const level = /^([1-5])(?:\/5)?$/.exec(word);
    if (level) {
      items.push({ kind: 'value', value: { level: Number(level[1]) }, token: word });
      i++;
      continue;
    }
    if (/^-?\d+$/.test(word)) {
      items.push({ kind: 'badNumber', token: word });
      i++;
      continue;
    }
    const match = known.find((p) => p.words.every((w, k) => words[i + k] === w));
    if (match) {
      if (match.item !== 'skip') items.push(match.item);
      i += match.words.length;
      continue;
    }
    items.push({ kind: 'unknown', token: word });
    i++;
  }
  return items;
}

function resolve(value: Value, domain: LifeDomain, before: Ratings | undefined): DomainLevel {
  return 'same' in value ? (before?.[domain] ?? null) : value.level;
}

/**
 * Reads levels for several domains from one message. Named domains take the level after
 * them («ingresos y empleo 3» gives both); «resto»/«los demás» takes the asked domains not
 * named and not answered yet; a leading «igual» («igual salvo empleo 3», «todo igual») keeps
 * the rest as before. A message of bare levels must have one per asked domain, in order.
 */
export function readLevels(typed: string, question: LevelsQuestion): LevelsReading {
  const items = readItems(typed);
  const fail = (error: LevelsError): LevelsReading => ({ ok: false, error });
  const named = items.some((item) => item.kind === 'domain' || item.kind === 'rest');
  const values = items.filter((item) => item.kind === 'value' || item.kind === 'badNumber');
  if (!named && values.length < 2) return fail({ code: 'notAList' });
  const unknown = items.find((item) => item.kind === 'unknown');
  // «igual salvo ocio 3»: what follows «igual» names domains.
  const leadingSame = items[0]?.kind === 'value' && 'same' in items[0].value;
  if (unknown) return fail({ code: named || leadingSame ? 'unknownDomain' : 'badLevel', token: unknown.token });
  const bad = items.find((item) => item.kind === 'badNumber');
  if (bad) return fail({ code: 'badLevel', token: bad.token });
  if (!question.before && items.some((item) => item.kind === 'value' && 'same' in item.value)) return fail({ code: 'sameWithoutBefore' });
  if (!named) return readInOrder(values as Extract<Item, { kind: 'value' }>[], question);
  return readNamed(items, question);
}

function readInOrder(values: Extract<Item, { kind: 'value' }>[], { domains, before }: LevelsQuestion): LevelsReading {
  if (values.length !== domains.length) return { ok: false, error: { code: 'count', given: values.length, expected: domains.length } };
  return { ok: true, levels: Object.fromEntries(domains.map((domain, i) => [domain, resolve(values[i]!.value, domain, before)])) };
}

function readNamed(items: Item[], { domains, given = {}, before }: LevelsQuestion): LevelsReading {
  const levels: Ratings = {};
  let rest: Value | undefined;
  let waiting: (LifeDomain | 'rest')[] = [];
  for (const [index, item] of items.entries()) {
    if (item.kind === 'domain' || item.kind === 'rest') {
      waiting.push(item.kind === 'rest' ? 'rest' : item.domain);
      continue;
    }
    if (item.kind !== 'value') continue;
    if (waiting.length === 0) {
      // «igual salvo …», «same except …»: everything not named stays as it was.
      if (index === 0 && 'same' in item.value) {
        rest = item.value;
        continue;
      }
      return { ok: false, error: { code: 'levelWithoutDomain', token: item.token } };
    }
    for (const target of waiting) {
      if (target === 'rest') {
        rest = item.value;
        continue;
      }
      const level = resolve(item.value, target, before);
      if (target in levels && levels[target] !== level) return { ok: false, error: { code: 'repeated', domain: target } };
      levels[target] = level;
    }
    waiting = [];
  }
  const missing = waiting[0];
  if (missing) return { ok: false, error: { code: 'missingLevel', domain: missing } };
  if (rest) {
    for (const domain of domains) {
      if (!(domain in levels) && given[domain] === undefined) levels[domain] = resolve(rest, domain, before);
    }
  }
  return { ok: true, levels };
}
