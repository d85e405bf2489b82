// Spanish dates as caseworkers type them (Spain and Latin America), on top of chrono's
// Spanish configuration: relative days, weekdays («el próximo viernes» is the first Friday
// after today, as in Spain), weekdays with a day number, day numbers alone, amounts of time
// ahead or ago, periods resolved to a stated default, and times of day. The text arrives
// lower-cased and without accents (see normalizeSpanish).
import { createRequire } from 'node:module';
import type { Chrono } from 'chrono-node';
import type * as chronoSpanish from 'chrono-node/es';
import { dayComponents, leanOf, mondayOf, nearestWeekday, periodTag, plusDays, plusMonths, preferOurReadings, shiftMonth, todayOf } from './calendar.js';
import {
  amountPattern,
  type DayPart,
  parser,
  dayInYear,
  dayNumberOf,
  dayPartRefiner,
  type PeriodPart,
  periodInMonth,
  periodInWeek,
  periodInYear,
  readAmount,
  timeOfDay,
  weekdayOnDate,
  weekdayWithDayNumber,
} from './shared.js';

const WEEKDAYS: Record<string, number> = { domingo: 0, lunes: 1, martes: 2, miercoles: 3, jueves: 4, viernes: 5, sabado: 6 };
const MONTHS: Record<string, number> = {
  enero: 1,
  febrero: 2,
  marzo: 3,
  abril: 4,
  mayo: 5,
  junio: 6,
  julio: 7,
  agosto: 8,
  septiembre: 9,
  setiembre: 9,
  octubre: 10,
  noviembre: 11,
  diciembre: 12,
};
export const SPANISH_MONTHS = MONTHS;
const NUMBER_WORDS: Record<string, number> = {
  un: 1,
  uno: 1,
  una: 1,
  'un par de': 2,
  dos: 2,
  tres: 3,
  cuatro: 4,
  cinco: 5,
  seis: 6,
  siete: 7,
  ocho: 8,
  nueve: 9,
  diez: 10,
  once: 11,
  doce: 12,
  trece: 13,
  catorce: 14,
  quince: 15,
  dieciseis: 16,
  diecisiete: 17,
  dieciocho: 18,
  diecinueve: 19,
  veinte: 20,
  treinta: 30,
};

const WEEKDAY = `(${Object.keys(WEEKDAYS).join('|')})`;
const MONTH = `(${Object.keys(MONTHS).join('|')})`;
const AMOUNT = amountPattern(NUMBER_WORDS);
const UNIT = '(dias?|semanas?|quincenas?|mes|meses|anos?)';
const NEXT = '(?:que\\s+viene|proxim[oa]|siguiente|entrante)';
/** Not a day number when a month, a time or a unit follows («el 15 de abril», «el 9:30», «el 3 de la tarde»). */
const NOT_A_DAY_NUMBER = `(?!\\s*(?:de\\s+)?(?:${Object.keys(MONTHS).join('|')})\\b|\\s*[/:.h-]\\s*\\d|\\d|\\s*(?:dias?|semanas?|meses|anos?|horas?|h\\b|de\\s+la\\b|y\\s+media|y\\s+cuarto))`;

const unitDays = (unit: string) => (unit.startsWith('dia') ? 1 : unit.startsWith('semana') ? 7 : unit.startsWith('quincena') ? 14 : 0);
const unitMonths = (unit: string) => (unit.startsWith('mes') ? 1 : unit.startsWith('ano') ? 12 : 0);

/** hoy, mañana, pasado mañana, ayer, anteayer / antier; «mañana por la tarde» is the day alone. */
const relativeDay = parser(
  /\b(pasado\s+manana|(?<!(?:de|por|en)\s+la\s+)manana|hoy(?:\s+mismo)?|ayer|anteayer|antier|esta\s+(?:manana|tarde|noche))(?:\s+(?:(?:por|en)\s+la\s+(?:manana|tarde|noche)|(?:a\s+)?primera\s+hora|temprano))?\b/,
  (context, match) => {
    const word = match[1] ?? '';
    const today = todayOf(context);
    if (word.startsWith('hoy') || word.startsWith('esta')) return dayComponents(context, today);
    const shift = word.startsWith('pasado') ? 2 : word === 'manana' ? 1 : word === 'ayer' ? -1 : -2;
    return dayComponents(context, plusDays(today, shift));
  },
);

/**
 * el lunes, el próximo viernes / el viernes que viene (the first one after today), este
 * jueves (this week's), el jueves pasado, el viernes de la semana que viene, el martes 10.
 */
const weekday = parser(
  new RegExp(
    `\\b(?:(?:el|este|esta)\\s+)?(?:(proxim[oa]|pasado|otro)\\s+)?${WEEKDAY}(?:\\s+(${NEXT}|pasado|de\\s+la\\s+semana\\s+${NEXT}|de\\s+la\\s+${NEXT}\\s+semana|de\\s+la\\s+semana\\s+pasada|de\\s+esta\\s+semana))?(?:\\s+(?:dia\\s+)?(\\d{1,2})(?:\\s+de\\s+${MONTH}(?:\\s+(?:de|del)\\s+(\\d{4}))?\\b|\\b${NOT_A_DAY_NUMBER}))?`,
  ),
  (context, match) => {
    const [text, before, name, after, dayNumber, monthName, year] = match;
    // «el otro lunes» is last Monday to some and the one after next to others: not read.
    if (before === 'otro') return null;
    const today = todayOf(context);
    const target = WEEKDAYS[name ?? ''] ?? 0;
    if (dayNumber && monthName) return weekdayOnDate(context, today, target, MONTHS[monthName] ?? 1, Number(dayNumber), year ? Number(year) : undefined);
    if (dayNumber) return weekdayWithDayNumber(context, today, target, Number(dayNumber));
    const modifier = after ?? before ?? '';
    if (/semana/.test(modifier)) {
      const week = /pasada/.test(modifier) ? -7 : /esta/.test(modifier) ? 0 : 7;
      return dayComponents(context, plusDays(mondayOf(today), week + ((target + 6) % 7)));
    }
    if (/^(?:este|esta)\s/.test(text)) return dayComponents(context, plusDays(mondayOf(today), (target + 6) % 7));
    if (modifier === 'pasado') return dayComponents(context, nearestWeekday(today, target, 'past'));
    if (modifier) return dayComponents(context, nearestWeekday(today, target, 'future'));
    return dayComponents(context, nearestWeekday(today, target, leanOf(context)));
  },
);

/** el 20, el día 20, el 15 de este mes, el 15 del mes que viene, el 3 del mes pasado. */
const dayNumber = parser(
  new RegExp(
    `\\b(?:el\\s+(?:dia\\s+)?|dia\\s+)(\\d{1,2})\\b${NOT_A_DAY_NUMBER}(?:\\s+(de\\s+este\\s+mes|del\\s+mes\\s+${NEXT}|del\\s+${NEXT}\\s+mes|del\\s+mes\\s+pasado))?`,
  ),
  (context, match) => {
    const month = match[2] ? (/pasado/.test(match[2]) ? -1 : /este/.test(match[2]) ? 0 : 1) : undefined;
    return dayNumberOf(context, todayOf(context), Number(match[1]), month);
  },
);

/** en 8 días, dentro de 2 semanas, en quince días, de aquí a un mes; hace tres días. */
const amountOfTime = parser(
  new RegExp(`\\b(?:(de\\s+hoy\\s+en|en|dentro\\s+de|de\\s+aqui\\s+a|hace)\\s+)(?:unos?\\s+)?${AMOUNT}\\s+${UNIT}\\b(?:\\s+(?:mas|atras))?`),
  (context, match) => {
    const amount = readAmount(match[2] ?? '', NUMBER_WORDS);
    if (amount === undefined) return null;
    const sign = match[1] === 'hace' ? -1 : 1;
    const today = todayOf(context);
    const unit = match[3] ?? '';
    const day = unitMonths(unit) ? plusMonths(today, sign * amount * unitMonths(unit)) : plusDays(today, sign * amount * unitDays(unit));
    return dayComponents(context, day);
  },
);

/** la semana que viene / la próxima semana → its Monday; la semana pasada → its Monday. */
const week = parser(new RegExp(`\\b(?:la\\s+)?(?:semana\\s+(${NEXT}|pasada)|(proxima|siguiente)\\s+semana)\\b`), (context, match) => {
  const shift = match[1] === 'pasada' ? -7 : 7;
  return dayComponents(context, plusDays(mondayOf(todayOf(context)), shift), periodTag('weekStart'));
});

/** abril 3, abril 3 de 2027: the month first, as some write it. */
const monthThenDay = parser(new RegExp(`\\b${MONTH}\\s+(\\d{1,2})\\b(?!\\s*[:/.h]\\s*\\d)(?:\\s+(?:de|del)\\s+(\\d{4}))?`), (context, match) =>
  dayInYear(context, todayOf(context), MONTHS[match[1] ?? ''] ?? 1, Number(match[2]), match[3] ? Number(match[3]) : undefined),
);

/** a principios / mediados / finales de (la) semana (que viene): its Monday, Wednesday or Friday. */
const weekPart = parser(
  new RegExp(
    `\\b(?:(?:a|para|hacia)\\s+)?(principios|comienzos|mediados|finales|final)\\s+de\\s+(?:la\\s+|esta\\s+)?(?:(${NEXT})\\s+)?semana(?:\\s+(${NEXT}|pasada))?\\b`,
  ),
  (context, match) => {
    const [, part, before, after] = match;
    const shift = after === 'pasada' ? -1 : before || after ? 1 : 0;
    return periodInWeek(context, todayOf(context), shift, partNamed(part) ?? 'start');
  },
);

/** el fin de semana (this week's Saturday), el fin de semana que viene (next week's). */
const weekend = parser(new RegExp(`\\b(?:(?:el|este)\\s+)?(?:(proximo)\\s+)?(?:fin\\s+de\\s+semana|finde)(?:\\s+(${NEXT}|pasado))?\\b`), (context, match) => {
  const shift = match[2] === 'pasado' ? -7 : match[1] || match[2] ? 7 : 0;
  return dayComponents(context, plusDays(mondayOf(todayOf(context)), 5 + shift), periodTag('weekendStart'));
});

/**
 * a principios / mediados / finales de enero, fin de mes, a finales del mes que viene,
 * el mes que viene, a finales de año: principios = the 1st, mediados = the 15th,
 * finales / fin = the last day.
 */
const period = parser(
  new RegExp(
    `\\b(?:(?:a|para|hacia)\\s+)?(?:(principios|comienzos|inicios|primeros|mediados|finales|final|fin|ultimos)\\s+(?:de(?:l)?\\s+)?)?(?:(?:el\\s+)?(mes|ano)(?:\\s+(${NEXT}|pasado))?|(?:el\\s+)?(proximo|este)\\s+(mes|ano)|${MONTH}(?:\\s+(?:de(?:l)?\\s+)?(\\d{4}|ano\\s+${NEXT}))?)\\b`,
  ),
  (context, match) => {
    const [, part, unit, unitWhen, unitBefore, unit2, monthName, monthYear] = match;
    const today = todayOf(context);
    const which = partNamed(part);
    if (monthName) {
      // A month alone is chrono's («abril de 2027»); here only with a part of it.
      if (!which) return null;
      const year = monthYear ? (/^\d/.test(monthYear) ? Number(monthYear) : today.year + 1) : undefined;
      return periodInMonth(context, today, MONTHS[monthName] ?? 1, year, which);
    }
    const span = unit ?? unit2;
    const when = unitWhen ?? unitBefore ?? '';
    const shift = /pasado/.test(when) ? -1 : when && when !== 'este' ? 1 : 0;
    // «el mes que viene» alone means its first days; «mes» or «año» alone is no date.
    if (!which && !shift) return null;
    if (span === 'mes') {
      const month = shiftMonth(today, shift);
      return periodInMonth(context, today, month.month, month.year, which ?? 'start');
    }
    if (which === 'middle') return null;
    return periodInYear(context, today, shift ? today.year + shift : undefined, which ?? 'start');
  },
);

function partNamed(word: string | undefined): PeriodPart | undefined {
  if (!word) return undefined;
  return word === 'mediados' ? 'middle' : /^(?:finales|final|fin|ultimos)$/.test(word) ? 'end' : 'start';
}

/** a las 9, a las 9h, 9:30h, a las 9 y media, a las 11 menos cuarto, a las 5 de la tarde, al mediodía. */
const HOUR_WORDS: Record<string, number> = { una: 1, dos: 2, tres: 3, cuatro: 4, cinco: 5, seis: 6, siete: 7, ocho: 8, nueve: 9, diez: 10, once: 11, doce: 12 };
const DAY_PARTS: Record<string, DayPart> = { manana: 'morning', mediodia: 'noon', tarde: 'afternoon', noche: 'night', madrugada: 'smallHours' };
const TIME_TAIL =
  '(?:\\s*(?:h|hrs?|horas)\\b)?(?:\\s+en\\s+punto)?(?:\\s+(?:de\\s+la|del)\\s+(?<part>manana|mediodia|tarde|noche|madrugada)|\\s*(?<meridiem>am|pm|a\\.\\s?m\\.?|p\\.\\s?m\\.?))?';

function partOf(groups: Record<string, string | undefined>): DayPart | undefined {
  if (groups.part) return DAY_PARTS[groups.part];
  if (groups.meridiem) return groups.meridiem.startsWith('p') ? 'pm' : 'am';
  return undefined;
}

const clockAfterArticle = parser(
  new RegExp(
    `\\b(?:(?:a|sobre|hacia|para|desde|a\\s+eso\\s+de)\\s+)?las?\\s+(?<hour>\\d{1,2}|${Object.keys(HOUR_WORDS).join('|')})(?:\\s*[:.h]\\s*(?<minutes>\\d{2})|\\s+y\\s+(?<plus>media|cuarto|\\d{1,2})|\\s+menos\\s+(?<minus>cuarto|\\d{1,2}))?${TIME_TAIL}(?![\\d/])`,
  ),
  (context, match) => {
    const g = match.groups ?? {};
    const hour = HOUR_WORDS[g.hour ?? ''] ?? Number(g.hour);
    const part = partOf(g);
    if (g.minus) return timeOfDay(context, hour - 1, 60 - (g.minus === 'cuarto' ? 15 : Number(g.minus)), part, g.hour);
    const minute = g.minutes ? Number(g.minutes) : g.plus ? (g.plus === 'media' ? 30 : g.plus === 'cuarto' ? 15 : Number(g.plus)) : 0;
    return timeOfDay(context, hour, minute, part, g.hour);
  },
);

/** 9:30, 9:30h, 17h, 9h30, 5pm: a time without «a las». */
const bareClock = parser(
  new RegExp(`\\b(?<hour>\\d{1,2})(?:\\s*:\\s*(?<minutes>\\d{2})|\\s*h(?<hMinutes>\\d{2})?\\b|(?=\\s*(?:am|pm|a\\.\\s?m|p\\.\\s?m)))${TIME_TAIL}(?![\\d/])`),
  (context, match) => {
    const g = match.groups ?? {};
    return timeOfDay(context, Number(g.hour), Number(g.minutes ?? g.hMinutes ?? 0), partOf(g), g.hour);
  },
);

const noon = parser(/\b(?:a|al|para\s+el|sobre\s+el|hacia\s+el)\s+mediodia\b/, (context) => timeOfDay(context, 12, 0, 'noon'));

/** Fixes the slips and spellings that the patterns above do not expect. */
const HOUR_AFTER_ARTICLE = 'a\\s+las?\\s+\\S+(?:\\s+(?:y|menos)\\s+(?:media|cuarto|\\d{1,2}))?';

export function normalizeSpanish(typed: string): string {
  return (
    typed
      .toLowerCase()
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/\b(?:manna|manan|mnana)\b/g, 'manana')
      .replace(/\bpasao\b/g, 'pasado')
      .replace(/\bq\b/g, 'que')
      .replace(/\bantes\s+de\s+ayer\b/g, 'anteayer')
      .replace(/\bmedio\s+dia\b/g, 'mediodia')
      // The part of the day said before the hour goes after it, where the time reads it:
      // «por la tarde a las 4» → «a las 4 de la tarde», «esta noche a las 9» → «hoy a las 9 de la noche».
      .replace(new RegExp(`\\b(?:por|en)\\s+la\\s+(manana|tarde|noche)\\s+(${HOUR_AFTER_ARTICLE})`, 'g'), '$2 de la $1')
      .replace(new RegExp(`\\besta\\s+(manana|tarde|noche)\\s+(${HOUR_AFTER_ARTICLE})`, 'g'), 'hoy $2 de la $1')
      .replace(/\bdentro\s+(?=\d)/g, 'dentro de ')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

const REPLACED = new Set(['ESWeekdayParser', 'ESCasualDateParser', 'ESCasualTimeParser', 'ESTimeExpressionParser', 'ESTimeUnitWithinFormatParser']);

const load = createRequire(import.meta.url);

/**
 * chrono's casual Spanish, with the parsers above in place of those they improve on. chrono is
 * loaded here, on the first call, not when the bot starts: it takes a good part of a second.
 */
export function createSpanishChrono(): Chrono {
  const { casual } = load('chrono-node/es') as typeof chronoSpanish;
  const custom = casual.clone();
  custom.parsers = custom.parsers.filter((p) => !REPLACED.has(p.constructor.name));
  custom.parsers.push(relativeDay, weekday, dayNumber, monthThenDay, amountOfTime, week, weekPart, weekend, period, clockAfterArticle, bareClock, noon);
  custom.refiners.unshift(preferOurReadings);
  custom.refiners.push(
    dayPartRefiner(
      /\b(?:esta|por\s+la|en\s+la)\s+(?:tarde|noche)\b/,
      /\b(?:esta|por\s+la|en\s+la)\s+manana\b|primera\s+hora|temprano/,
      /\bde\s+la\s+\w+|del\s+mediodia|\b[ap]\.?\s?m\b/,
    ),
  );
  return custom;
}
