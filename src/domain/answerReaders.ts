// Numbers as busy people type them, in Spanish or English: minutes («hora y media», «1h30»),
// amounts of money («gratis», «12,50 €»), how often («cada 3 días», «weekly») and a link code
// inside a sentence. Each reader returns undefined when it is not sure, so the question is asked again.
import { READABLE_ALPHABET } from './ids.js';

/** Lower case, no accents, single spaces; digits, letters and the signs amounts use are kept. */
function plain(typed: string): string {
  return typed
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\p{L}\p{N}.,€'’\s-]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Number words up to a hundred that people use for durations and frequencies; longer phrases first. */
const NUMBER_WORDS: [string, number][] = [
  ['cuarenta y cinco', 45],
  ['forty five', 45],
  ['forty-five', 45],
  ['veinticinco', 25],
  ['twenty five', 25],
  ['twenty-five', 25],
  ['noventa', 90],
  ['ninety', 90],
  ['sesenta', 60],
  ['sixty', 60],
  ['cincuenta', 50],
  ['fifty', 50],
  ['cuarenta', 40],
  ['forty', 40],
  ['treinta', 30],
  ['thirty', 30],
  ['veinte', 20],
  ['twenty', 20],
  ['quince', 15],
  ['fifteen', 15],
  ['doce', 12],
  ['twelve', 12],
  ['diez', 10],
  ['ten', 10],
  ['nueve', 9],
  ['nine', 9],
  ['ocho', 8],
  ['eight', 8],
  ['siete', 7],
  ['seven', 7],
  ['seis', 6],
  ['six', 6],
  ['cinco', 5],
  ['five', 5],
  ['cuatro', 4],
  ['four', 4],
  ['tres', 3],
  ['three', 3],
  ['dos', 2],
  ['two', 2],
  ['una', 1],
  ['uno', 1],
  ['un', 1],
  ['one', 1],
];

/** «an hour», «a quarter»: the article counts as one only where a duration is read. */
const ARTICLES: [string, number][] = [
  ['an', 1],
  ['a', 1],
];

function withDigits(text: string, words: [string, number][] = NUMBER_WORDS): string {
  let out = ` ${text} `;
  // Twice over: «una una» is rare, but adjacent number words share the space between them.
  for (let pass = 0; pass < 2; pass++) for (const [word, n] of words) out = out.replaceAll(` ${word} `, ` ${n} `);
  return out.trim();
}

/** «unos 20», «about 20», «aprox. 20»: the estimate counts as the number. */
const HEDGES = /\b(unos|unas|sobre|aproximadamente|aprox\.?|mas o menos|alrededor de|casi|about|around|roughly|approximately|approx\.?|almost|some|like)\b/g;

function hedgeless(text: string): string {
  return text.replace(HEDGES, ' ').replace(/\s+/g, ' ').trim();
}

const HOURS = String.raw`(?:h|hs|hr|hrs|hora|horas|hour|hours)(?![a-z])`;
const MINUTES = String.raw`(?:m|min|mins|minuto|minutos|minute|minutes|'|’)`;

/** A duration in whole minutes: «45 minutos», «una hora», «hora y media», «1h30», «unos 20», «media hora». */
export function readMinutes(typed: string): number | undefined {
  const text = withDigits(hedgeless(plain(typed)), [...NUMBER_WORDS, ...ARTICLES]);
  const number = String.raw`(\d+(?:[.,]\d+)?)`;
  if (/^(?:1 )?(?:media hora|half (?:1 )?hour)$/.test(text)) return 30;
  if (/^(?:1 )?(?:cuarto de hora|quarter (?:of (?:1 )?)?hour)$/.test(text)) return 15;
  if (/^3 cuartos de hora$|^three quarters of (?:1 )?hour$/.test(text)) return 45;
  const onlyMinutes = new RegExp(String.raw`^(\d+)\s*${MINUTES}?$`).exec(text);
  if (onlyMinutes) return Number(onlyMinutes[1]);
  // «1 y media horas», «1 and a half hours»
  const halfBefore = new RegExp(String.raw`^(\d+) (?:y|and) (?:1 )?(?:media|half) ${HOURS}$`).exec(text);
  if (halfBefore) return Number(halfBefore[1]) * 60 + 30;
  // «1h», «1h30», «2 horas y 15 minutos», «hora y media», «1 hour and a half», «1,5 h»
  const hours = new RegExp(String.raw`^${number}?\s*${HOURS}\s*(?:(?:y|and)\s*)?(?:(?:1 )?(media|half|cuarto|quarter)|(\d+)\s*${MINUTES}?)?$`).exec(text);
  if (!hours) return undefined;
  const whole = hours[1] === undefined ? 1 : Number(hours[1].replace(',', '.'));
  const extra = hours[2] ? (/^(media|half)$/.test(hours[2]) ? 30 : 15) : Number(hours[3] ?? 0);
  const minutes = Math.round(whole * 60) + extra;
  return Number.isFinite(minutes) ? minutes : undefined;
}

const FREE = /^(?:gratis|gratuito|gratuita|gratuitos|gratuitas|sin coste|sin costo|sin cargo|no cuesta nada|nada|free|free of charge|no cost|nothing)$/;

/**
 * An amount in euros: «gratis», «50 €», «50 euros», «12,50», «12.50 €», «1.200 €». A dot or
 * comma followed by three digits groups thousands; by one or two, it marks the cents.
 */
export function readAmount(typed: string): number | undefined {
  const text = hedgeless(plain(typed)).replace(/[.,]$/, '');
  if (FREE.test(text)) return 0;
  const match = /^(?:€\s*)?(\d{1,3}(?:[.,]\d{3})+|\d+)(?:[.,](\d{1,2}))?\s*(?:€|eur|euro|euros)?$/.exec(text);
  if (!match) return undefined;
  const whole = Number(match[1]!.replace(/[.,]/g, ''));
  const cents = match[2] ? Number(match[2].padEnd(2, '0')) : 0;
  return whole + cents / 100;
}

const UNIT_DAYS: [RegExp, number][] = [
  [/^(?:dia|dias|day|days)$/, 1],
  [/^(?:semana|semanas|week|weeks)$/, 7],
  [/^(?:mes|meses|month|months)$/, 30],
];

const NAMED_CADENCES: [RegExp, number][] = [
  [/^(?:diario|diaria|a diario|todos los dias|cada dia|daily|every day)$/, 1],
  [/^(?:semanal|semanalmente|1 vez (?:a la|por|cada|a|por la) semana|weekly|every week|once a week|1 time a week)$/, 7],
  [/^(?:quincenal|quincenalmente|fortnightly|biweekly|every other week|every fortnight)$/, 14],
  [/^(?:mensual|mensualmente|1 vez (?:al|por|cada) mes|monthly|every month|once a month|1 time a month)$/, 30],
];

/** How often, in days: «cada 3 días», «cada semana», «semanal», «cada dos semanas», «every 3 days», «weekly», «3». */
export function readCadenceDays(typed: string): number | undefined {
  const text = withDigits(hedgeless(plain(typed)));
  for (const [pattern, days] of NAMED_CADENCES) if (pattern.test(text)) return days;
  if (/^\d+$/.test(text)) return Number(text);
  // «cada 3 días», «every 2 weeks», «3 días», «cada semana» (no number: one)
  const every = /^(?:cada|every|each)?\s*(\d+)?\s*([a-z]+)$/.exec(text);
  if (every?.[2]) {
    const unit = UNIT_DAYS.find(([pattern]) => pattern.test(every[2]!));
    const hasEvery = /^(?:cada|every|each)\b/.test(text);
    if (unit && (every[1] !== undefined || hasEvery)) return Number(every[1] ?? 1) * unit[1];
  }
  // «dos veces por semana», «twice a week»: the days between check-ins, rounded down
  const times = /^(\d+|twice) (?:veces |times )?(?:a la|a|al|por|per|cada) (semana|week|mes|month)$/.exec(text);
  if (times) {
    const count = times[1] === 'twice' ? 2 : Number(times[1]);
    const span = /^(semana|week)$/.test(times[2]!) ? 7 : 30;
    return count > 0 ? Math.max(1, Math.floor(span / count)) : undefined;
  }
  return undefined;
}

const CODE_IN_TEXT = new RegExp(`(?<![\\p{L}\\p{N}])([${READABLE_ALPHABET}]{4})([\\s-]?)([${READABLE_ALPHABET}]{4})(?![\\p{L}\\p{N}])`, 'giu');

/**
 * The link code in a message («mi código es ABC3-EF7H, gracias»), as «ABC3-EF7H». A code holds a
 * dash or a digit, so two words of the sentence («para todo») are never taken for one.
 */
export function linkCodeIn(typed: string): string | undefined {
  for (const match of typed.matchAll(CODE_IN_TEXT)) {
    const [, head, gap, tail] = match;
    const code = `${head}${tail}`.toUpperCase();
    if (gap === '-' || /\d/.test(code)) return `${code.slice(0, 4)}-${code.slice(4)}`;
  }
  return undefined;
}
