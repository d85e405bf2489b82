// The progress chart's text alternative: what changed, in one plain sentence, for people who
// cannot see the image and for channels that do not show it.
import type { CaseProgress, DomainProgress } from '../domain/progressChart.js';
import { dateTimeFormat } from '../domain/formatters.js';
import type { Language, LifeDomain } from '../domain/schemas.js';
import { t, type MessageKey } from '../i18n/catalog.js';

/** "4 ene 2027" / "4 Jan 2027": short enough for a legend, with the year a case can span. */
export function shortDate(date: string, lang: Language): string {
  return dateTimeFormat(lang === 'es' ? 'es-ES' : 'en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })
    .format(new Date(`${date}T00:00:00Z`))
    .replace('.', '');
}

export function domainShortName(domain: LifeDomain, lang: Language): string {
  return t(lang, `charts.domainShort_${domain}` as MessageKey);
}

export function levelShortName(level: number, lang: Language): string {
  return t(lang, `charts.levelShort_${level}` as MessageKey);
}

/** «a, b y c»; in Spanish «y» turns to «e» before an /i/ sound (vivienda e ingresos). */
export function joinWithAnd(items: readonly string[], lang: Language): string {
  if (items.length <= 1) return items.join('');
  const last = items[items.length - 1] as string;
  const beforeI = /^(i|hi(?![aeo]))/i.test(last);
  const and = t(lang, beforeI ? 'charts.listAndBeforeI' : 'charts.listAnd');
  return `${items.slice(0, -1).join(', ')} ${and} ${last}`;
}

function changeList(entries: readonly DomainProgress[], lang: Language): string {
  return joinWithAnd(
    entries.map((entry) => t(lang, 'charts.altChange', { domain: domainShortName(entry.domain, lang), from: String(entry.first), to: String(entry.latest) })),
    lang,
  );
}

function levelList(entries: readonly DomainProgress[], lang: Language, pick: (entry: DomainProgress) => number | undefined): string {
  return joinWithAnd(
    entries.map((entry) => t(lang, 'charts.altLevel', { domain: domainShortName(entry.domain, lang), level: String(pick(entry)) })),
    lang,
  );
}

function leftOutPart(count: number, lang: Language): string | undefined {
  if (count === 0) return undefined;
  return count === 1 ? t(lang, 'charts.altLeftOutOne') : t(lang, 'charts.altLeftOutMany', { count });
}

function singleSummary(progress: CaseProgress, lang: Language): string {
  const groups = [1, 2, 3, 4, 5].flatMap((level) => {
    const names = progress.domains.filter((entry) => entry.first === level).map((entry) => domainShortName(entry.domain, lang));
    if (names.length === 0) return [];
    return [t(lang, 'charts.altLevelGroup', { level, name: t(lang, `charts.levelName_${level}` as MessageKey), list: joinWithAnd(names, lang) })];
  });
  const leftOut = leftOutPart(progress.leftOut.length, lang);
  return t(lang, 'charts.altSingle', { date: shortDate(progress.firstDate, lang), parts: [...groups, ...(leftOut ? [leftOut] : [])].join('; ') });
}

/**
 * «Del 4 ene 2027 al 3 abr 2027: mejora en vivienda (2 → 4) y empleo (1 → 3); igual en 10
 * ámbitos; empeora en salud (4 → 3).» With one assessment, the levels grouped by level.
 */
export function progressSummary(progress: CaseProgress, lang: Language): string {
  if (progress.latestDate === undefined) return singleSummary(progress, lang);
  const of = (change: DomainProgress['change']) => progress.domains.filter((entry) => entry.change === change);
  const better = of('better');
  const worse = of('worse');
  const same = of('same').length;
  const added = of('new');
  const dropped = of('dropped');
  const parts = [
    better.length > 0 ? t(lang, 'charts.altBetter', { list: changeList(better, lang) }) : undefined,
    same === 1 ? t(lang, 'charts.altSameOne') : same > 1 ? t(lang, 'charts.altSameMany', { count: same }) : undefined,
    worse.length > 0 ? t(lang, 'charts.altWorse', { list: changeList(worse, lang) }) : undefined,
    added.length > 0 ? t(lang, 'charts.altNew', { list: levelList(added, lang, (entry) => entry.latest) }) : undefined,
    dropped.length > 0 ? t(lang, 'charts.altDropped', { list: levelList(dropped, lang, (entry) => entry.first) }) : undefined,
    leftOutPart(progress.leftOut.length, lang),
  ].filter((part): part is string => part !== undefined);
  return t(lang, 'charts.altCompared', { first: shortDate(progress.firstDate, lang), latest: shortDate(progress.latestDate, lang), parts: parts.join('; ') });
}
