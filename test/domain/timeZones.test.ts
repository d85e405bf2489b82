import { describe, expect, it } from 'vitest';
import { resolveTimeZone } from '../../src/domain/timeZones.js';

describe('time zones as people name them', () => {
  it('reads cities and countries, accents and case forgiven', () => {
    for (const [typed, zone] of [
      ['Madrid', 'Europe/Madrid'],
      ['madrid', 'Europe/Madrid'],
      ['España', 'Europe/Madrid'],
      ['Bogotá', 'America/Bogota'],
      ['bogota', 'America/Bogota'],
      ['Colombia', 'America/Bogota'],
      ['Ciudad de México', 'America/Mexico_City'],
      ['Mexico City', 'America/Mexico_City'],
      ['México', 'America/Mexico_City'],
      ['Lima', 'America/Lima'],
      ['Santiago', 'America/Santiago'],
      ['Canarias', 'Atlantic/Canary'],
      ['Las Palmas', 'Atlantic/Canary'],
      ['Londres', 'Europe/London'],
      ['London', 'Europe/London'],
      ['New York', 'America/New_York'],
      ['Nueva York', 'America/New_York'],
    ]) {
      expect(resolveTimeZone(typed as string), typed).toBe(zone);
    }
  });

  it('finds the place inside a few words, the longest name winning', () => {
    expect(resolveTimeZone('vive en Bogotá')).toBe('America/Bogota');
    expect(resolveTimeZone('en Santo Domingo')).toBe('America/Santo_Domingo');
    expect(resolveTimeZone('Las Palmas de Gran Canaria')).toBe('Atlantic/Canary');
  });

  it('keeps IANA names, in their canonical spelling', () => {
    expect(resolveTimeZone('Europe/Madrid')).toBe('Europe/Madrid');
    expect(resolveTimeZone('atlantic/canary')).toBe('Atlantic/Canary');
    // Aliases come back as the runtime spells them, the same as the city gives.
    expect(resolveTimeZone('Buenos Aires')).toMatch(/^America\/(?:Argentina\/)?Buenos_Aires$/);
    expect(resolveTimeZone('America/Argentina/Buenos_Aires')).toBe(resolveTimeZone('Buenos Aires'));
  });

  it('recognises nothing else', () => {
    for (const typed of ['Marte/Olympus', 'Marte', 'Estados Unidos', 'EST', '', 'mañana']) expect(resolveTimeZone(typed), typed).toBeUndefined();
  });
});
