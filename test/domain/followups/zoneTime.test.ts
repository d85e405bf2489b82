import { afterEach, describe, expect, it, vi } from 'vitest';
import { inQuietHours, onDay, outOfQuietHours, workingDay, type DeliveryRules } from '../../../src/domain/followups/placement.js';
import { clockMinutes, instantAt, knowsZone, offsetMinutes, wallTime } from '../../../src/domain/followups/zoneTime.js';

const quietHours = { start: '21:00', end: '08:00' };
const madrid: DeliveryRules = { timeZone: 'Europe/Madrid', quietHours, weekends: true };
const iso = (date: Date) => date.toISOString();

afterEach(() => vi.restoreAllMocks());

describe('wall time in a zone', () => {
  it('reads the local day, time and weekday', () => {
    // 2027-03-27 is a Saturday; 23:30 UTC is already Sunday in Madrid (UTC+1).
    expect(wallTime(new Date('2027-03-27T23:30:00Z'), 'Europe/Madrid')).toEqual({ date: '2027-03-28', minutes: 30, weekday: 0 });
    expect(wallTime(new Date('2027-03-28T03:15:00Z'), 'America/Bogota')).toEqual({ date: '2027-03-27', minutes: 22 * 60 + 15, weekday: 6 });
  });

  it('follows Madrid across both DST changes (last Sundays of March and October)', () => {
    expect(offsetMinutes('Europe/Madrid', new Date('2027-03-28T00:59:00Z'))).toBe(60);
    expect(offsetMinutes('Europe/Madrid', new Date('2027-03-28T01:00:00Z'))).toBe(120);
    expect(offsetMinutes('Europe/Madrid', new Date('2027-10-31T00:59:00Z'))).toBe(120);
    expect(offsetMinutes('Europe/Madrid', new Date('2027-10-31T01:00:00Z'))).toBe(60);
  });

  it('keeps Mexico City at UTC−6 all year (no DST since 2022) and Bogotá at UTC−5', () => {
    for (const day of ['2027-01-15', '2027-04-04', '2027-07-15', '2027-10-31', '2027-11-07']) {
      expect(iso(instantAt(day, 10 * 60, 'America/Mexico_City'))).toBe(`${day}T16:00:00.000Z`);
      expect(iso(instantAt(day, 10 * 60, 'America/Bogota'))).toBe(`${day}T15:00:00.000Z`);
    }
  });

  it('places a local time on either side of a DST change', () => {
    expect(iso(instantAt('2027-03-27', 600, 'Europe/Madrid'))).toBe('2027-03-27T09:00:00.000Z');
    expect(iso(instantAt('2027-03-28', 600, 'Europe/Madrid'))).toBe('2027-03-28T08:00:00.000Z');
    expect(iso(instantAt('2027-10-30', 600, 'Europe/Madrid'))).toBe('2027-10-30T08:00:00.000Z');
    expect(iso(instantAt('2027-10-31', 600, 'Europe/Madrid'))).toBe('2027-10-31T09:00:00.000Z');
  });

  it('moves a skipped time past the gap and takes the first of a repeated time', () => {
    // 02:30 does not exist on 2027-03-28 in Madrid: it is read as 03:30 CEST.
    expect(iso(instantAt('2027-03-28', 150, 'Europe/Madrid'))).toBe('2027-03-28T01:30:00.000Z');
    // 02:30 happens twice on 2027-10-31: first at CEST (UTC+2).
    expect(iso(instantAt('2027-10-31', 150, 'Europe/Madrid'))).toBe('2027-10-31T00:30:00.000Z');
  });

  it('builds one formatter per zone, however many times it is asked', () => {
    wallTime(new Date(), 'Asia/Tokyo');
    const built = vi.spyOn(Intl, 'DateTimeFormat');
    for (let i = 0; i < 500; i++) {
      wallTime(new Date(Date.UTC(2027, 0, 1) + i * 3_600_000), 'Asia/Tokyo');
      instantAt('2027-06-01', i, 'Asia/Tokyo');
      knowsZone('Asia/Tokyo');
    }
    expect(built).not.toHaveBeenCalled();
  });

  it('tells known zones from unknown ones, and refuses bad times of day', () => {
    expect(knowsZone('America/Bogota')).toBe(true);
    expect(knowsZone('Mars/Olympus')).toBe(false);
    expect(clockMinutes('08:30')).toBe(510);
    expect(() => clockMinutes('8:30')).toThrow(/HH:MM/);
    expect(() => clockMinutes('24:00')).toThrow(/HH:MM/);
  });
});

describe("placing a follow-up on a person's clock", () => {
  it('knows quiet hours that wrap past midnight and ones that do not', () => {
    expect(inQuietHours(clockMinutes('21:00'), quietHours)).toBe(true);
    expect(inQuietHours(clockMinutes('03:00'), quietHours)).toBe(true);
    expect(inQuietHours(clockMinutes('08:00'), quietHours)).toBe(false);
    expect(inQuietHours(clockMinutes('20:59'), quietHours)).toBe(false);
    expect(inQuietHours(clockMinutes('13:30'), { start: '13:00', end: '15:00' })).toBe(true);
    expect(inQuietHours(clockMinutes('15:00'), { start: '13:00', end: '15:00' })).toBe(false);
  });

  it('waits for the morning when the moment falls in quiet hours', () => {
    // 23:30 in Madrid on a Tuesday → 08:00 Wednesday.
    expect(iso(outOfQuietHours(new Date('2027-01-12T22:30:00Z'), madrid))).toBe('2027-01-13T07:00:00.000Z');
    // 03:00 → 08:00 the same day.
    expect(iso(outOfQuietHours(new Date('2027-01-13T02:00:00Z'), madrid))).toBe('2027-01-13T07:00:00.000Z');
    expect(iso(outOfQuietHours(new Date('2027-01-13T11:00:00Z'), madrid))).toBe('2027-01-13T11:00:00.000Z');
  });

  it('ends quiet hours at 08:00 local time on the night the clocks go forward', () => {
    // 01:30 CET on 2027-03-28; the morning is 08:00 CEST = 06:00 UTC.
    expect(iso(outOfQuietHours(new Date('2027-03-28T00:30:00Z'), madrid))).toBe('2027-03-28T06:00:00.000Z');
  });

  it('moves a set time that lies in quiet hours to the next morning', () => {
    expect(iso(onDay('2027-01-12', '22:00', madrid))).toBe('2027-01-13T07:00:00.000Z');
  });

  it('skips weekends when the person does not get messages then', () => {
    const weekdays = { ...madrid, weekends: false };
    // Saturday 2027-01-16.
    expect(workingDay('2027-01-16', false)).toBe('2027-01-18');
    expect(workingDay('2027-01-17', false, 'before')).toBe('2027-01-15');
    expect(workingDay('2027-01-16', true)).toBe('2027-01-16');
    expect(iso(onDay('2027-01-16', '10:00', weekdays))).toBe('2027-01-18T09:00:00.000Z');
    expect(iso(onDay('2027-01-16', '10:00', weekdays, 'before'))).toBe('2027-01-15T09:00:00.000Z');
    // Friday 23:00 is quiet; the next morning is Saturday, so Monday at 08:00.
    expect(iso(outOfQuietHours(new Date('2027-01-15T22:00:00Z'), weekdays))).toBe('2027-01-18T07:00:00.000Z');
  });
});

describe('wall time from kept offsets', () => {
  const shown = (instant: Date, timeZone: string) => {
    const parts = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      weekday: 'short',
    }).formatToParts(instant);
    const get = (type: string) => parts.find((p) => p.type === type)!.value;
    const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(get('weekday'));
    return { date: `${get('year')}-${get('month')}-${get('day')}`, minutes: Number(get('hour')) * 60 + Number(get('minute')), weekday };
  };

  it('shows what the zone’s own formatter shows, minute by minute around DST changes and in odd offsets', () => {
    const around = [
      ['Europe/Madrid', '2027-03-28T01:00:00Z'],
      ['Europe/Madrid', '2027-10-31T01:00:00Z'],
      ['America/Santiago', '2027-04-04T03:00:00Z'],
      ['Australia/Lord_Howe', '2027-04-03T15:00:00Z'],
      ['Asia/Kathmandu', '2027-06-01T00:00:00Z'],
      ['Pacific/Chatham', '2027-04-03T14:00:00Z'],
      ['America/New_York', '2027-11-07T06:00:00Z'],
    ] as const;
    for (const [zone, change] of around) {
      const at = Date.parse(change);
      for (let minutes = -8 * 60; minutes <= 8 * 60; minutes += 7) {
        const instant = new Date(at + minutes * 60_000 + 13_000);
        expect(wallTime(instant, zone), `${zone} ${instant.toISOString()}`).toEqual(shown(instant, zone));
      }
    }
  });
});
