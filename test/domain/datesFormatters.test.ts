import { describe, expect, it } from 'vitest';
import { formatDate, localDate, zoneOffsetMinutes } from '../../src/domain/dates.js';
import { dateTimeFormat, FORMATTER_CACHE_SIZE, numberFormat } from '../../src/domain/formatters.js';

const DAY_OPTIONS = { year: 'numeric', month: '2-digit', day: '2-digit' } as const;
const LONG_DATE = { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' } as const;
const CLOCK = { hour: '2-digit', minute: '2-digit' } as const;

// Around each change of clock: one minute and one hour either side.
const around = (iso: string) => [-3_600_000, -60_000, 0, 60_000, 3_600_000].map((ms) => new Date(Date.parse(iso) + ms));
const INSTANTS = [
  ...around('2026-03-29T01:00:00Z'), // Madrid: 02:00 CET → 03:00 CEST
  ...around('2026-10-25T01:00:00Z'), // Madrid: 03:00 CEST → 02:00 CET
  ...around('2022-04-03T08:00:00Z'), // Mexico City: 02:00 CST → 03:00 CDT (its last summer time)
  ...around('2022-10-30T07:00:00Z'), // Mexico City: 02:00 CDT → 01:00 CST
  new Date('2026-11-23T23:30:00Z'),
  new Date('2026-12-31T23:59:59Z'),
  new Date('2027-02-28T12:00:00Z'),
];
const ZONES = ['Europe/Madrid', 'America/Mexico_City', 'Atlantic/Canary', 'UTC'];

describe('formatter cache', () => {
  it('gives the same formatter for the same locale and options, in any key order', () => {
    const first = dateTimeFormat('es-ES', { timeZone: 'Europe/Madrid', ...DAY_OPTIONS });
    expect(dateTimeFormat('es-ES', { timeZone: 'Europe/Madrid', ...DAY_OPTIONS })).toBe(first);
    expect(dateTimeFormat('es-ES', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'Europe/Madrid' })).toBe(first);
    expect(numberFormat('es-ES', { maximumFractionDigits: 1 })).toBe(numberFormat('es-ES', { maximumFractionDigits: 1 }));
  });

  it('gives a different formatter for another time zone, locale or options', () => {
    const madrid = dateTimeFormat('es-ES', { timeZone: 'Europe/Madrid', ...DAY_OPTIONS });
    expect(dateTimeFormat('es-ES', { timeZone: 'America/Mexico_City', ...DAY_OPTIONS })).not.toBe(madrid);
    expect(dateTimeFormat('en-GB', { timeZone: 'Europe/Madrid', ...DAY_OPTIONS })).not.toBe(madrid);
    expect(dateTimeFormat('es-ES', { timeZone: 'Europe/Madrid', ...DAY_OPTIONS, weekday: 'long' })).not.toBe(madrid);
    expect(numberFormat('es-ES', { maximumFractionDigits: 2 })).not.toBe(numberFormat('es-ES', { maximumFractionDigits: 1 }));
  });

  it('formats exactly as a new formatter would, across changes of clock', () => {
    for (const zone of ZONES) {
      for (const [locale, options] of [
        ['en-CA', DAY_OPTIONS],
        ['es-ES', LONG_DATE],
        ['en-GB', LONG_DATE],
        ['es-ES', CLOCK],
        ['en-GB', CLOCK],
      ] as const) {
        // Interleaved with other zones, so a formatter kept for one zone never answers for another.
        for (const instant of INSTANTS) {
          const expected = new Intl.DateTimeFormat(locale, { ...options, timeZone: zone }).format(instant);
          expect(dateTimeFormat(locale, { ...options, timeZone: zone }).format(instant), `${locale} ${zone} ${instant.toISOString()}`).toBe(expected);
          expect(dateTimeFormat('en-GB', { ...options, timeZone: 'Asia/Tokyo' }).format(instant)).toBe(
            new Intl.DateTimeFormat('en-GB', { ...options, timeZone: 'Asia/Tokyo' }).format(instant),
          );
        }
      }
    }
    for (const value of [0, 1.25, 7.96, 1234.5]) {
      expect(numberFormat('es-ES', { style: 'currency', currency: 'EUR' }).format(value)).toBe(
        new Intl.NumberFormat('es-ES', { style: 'currency', currency: 'EUR' }).format(value),
      );
    }
  });

  it('keeps the calendar day and the offset right on both sides of a change of clock', () => {
    expect(INSTANTS.map((instant) => localDate(instant, 'Europe/Madrid'))).toEqual(
      INSTANTS.map((instant) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Madrid', ...DAY_OPTIONS }).format(instant)),
    );
    expect(zoneOffsetMinutes('Europe/Madrid', new Date('2026-03-29T00:59:00Z'))).toBe(60);
    expect(zoneOffsetMinutes('Europe/Madrid', new Date('2026-03-29T01:00:00Z'))).toBe(120);
    expect(zoneOffsetMinutes('Europe/Madrid', new Date('2026-10-25T00:59:00Z'))).toBe(120);
    expect(zoneOffsetMinutes('Europe/Madrid', new Date('2026-10-25T01:00:00Z'))).toBe(60);
    expect(zoneOffsetMinutes('America/Mexico_City', new Date('2022-04-03T07:59:00Z'))).toBe(-360);
    expect(zoneOffsetMinutes('America/Mexico_City', new Date('2022-04-03T08:00:00Z'))).toBe(-300);
    expect(zoneOffsetMinutes('America/Mexico_City', new Date('2022-10-30T06:59:00Z'))).toBe(-300);
    expect(zoneOffsetMinutes('America/Mexico_City', new Date('2022-10-30T07:00:00Z'))).toBe(-360);
    // Mexico City keeps standard time all year since 2023.
    expect(zoneOffsetMinutes('America/Mexico_City', new Date('2026-07-01T12:00:00Z'))).toBe(-360);
    expect(localDate(new Date('2022-10-30T05:30:00Z'), 'America/Mexico_City')).toBe('2022-10-30');
    expect(localDate(new Date('2022-10-30T04:30:00Z'), 'America/Mexico_City')).toBe('2022-10-29');
  });

  it('shows dates as before', () => {
    expect(formatDate('2027-03-02', 'es')).toBe('martes, 2 de marzo de 2027');
    expect(formatDate('2027-03-02', 'en')).toBe('Tuesday, 2 March 2027');
  });

  it('keeps at most FORMATTER_CACHE_SIZE formatters, dropping the least recently used', () => {
    const zones = Intl.supportedValuesOf('timeZone').slice(0, FORMATTER_CACHE_SIZE + 1);
    expect(zones).toHaveLength(FORMATTER_CACHE_SIZE + 1);
    const options = (timeZone: string) => ({ timeZone, hour: 'numeric' }) as const;
    const oldest = dateTimeFormat('en-GB', options(zones[0]!));
    const kept = dateTimeFormat('en-GB', options(zones[1]!));
    for (const zone of zones.slice(2)) {
      dateTimeFormat('en-GB', options(zone));
      // Used again and again, so it is never the least recently used.
      expect(dateTimeFormat('en-GB', options(zones[1]!))).toBe(kept);
    }
    expect(dateTimeFormat('en-GB', options(zones[0]!))).not.toBe(oldest);
  });
});
