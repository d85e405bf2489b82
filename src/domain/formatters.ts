// Intl formatters, built once per locale and options (time zone included) and then reused.
// Building one costs far more than using it, and the memory each holds outside the JS heap
// is given back late: a new formatter per call made resident memory climb under load.

import { BoundedCache } from './boundedCache.js';

/** Distinct formatters kept; the least recently used goes first (typed time zones can be many). */
export const FORMATTER_CACHE_SIZE = 200;

class FormatterCache<Options extends object, Formatter> {
  private readonly entries = new BoundedCache<Formatter>(FORMATTER_CACHE_SIZE);

  constructor(private readonly build: (locale: string, options: Options) => Formatter) {}

  get(locale: string, options: Options): Formatter {
    // Sorted keys, so the same options written in another order share one formatter. An
    // unknown time zone or locale throws, so nothing is kept for it.
    const key = `${locale}|${JSON.stringify(options, Object.keys(options).sort())}`;
    return this.entries.get(key, () => this.build(locale, options));
  }
}

const dateFormatters = new FormatterCache((locale, options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(locale, options));
const numberFormatters = new FormatterCache((locale, options: Intl.NumberFormatOptions) => new Intl.NumberFormat(locale, options));

export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return dateFormatters.get(locale, options);
}

export function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  return numberFormatters.get(locale, options);
}
