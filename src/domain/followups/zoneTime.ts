// Wall-clock arithmetic in IANA time zones, right across DST changes. Each zone's
// formatter is built once and kept: building Intl formatters per call leaks memory.

/** A moment as a clock on the wall shows it in some zone. */
export interface WallTime {
  /** `YYYY-MM-DD` */
  readonly date: string;
  /** Minutes since local midnight. */
  readonly minutes: number;
  /** 0 Sunday … 6 Saturday. */
  readonly weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const unknownZones = new Set<string>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

const MINUTE_MS = 60_000;

/**
 * A zone's offset holds for hours at a time: it is read once per span of `OFFSET_SPAN_MS`
 * and kept, when both ends of the span agree (a span with a change in it is read per call).
 * Reading the formatter is what deriving follow-ups spends most of its time on.
 */
const OFFSET_SPAN_MS = 6 * 3_600_000;
const spanOffsets = new Map<string, number | null>();
const SPAN_OFFSETS_KEPT = 50_000;
/** Before this, offsets were not whole minutes everywhere (local mean time): always read. */
const WHOLE_MINUTE_OFFSETS_FROM = Date.UTC(1970, 0, 1);

function spanOffset(instant: number, timeZone: string): number | undefined {
  if (!(instant >= WHOLE_MINUTE_OFFSETS_FROM)) return undefined;
  const start = Math.floor(instant / OFFSET_SPAN_MS) * OFFSET_SPAN_MS;
  const key = `${timeZone} ${start}`;
  let offset = spanOffsets.get(key);
  if (offset === undefined) {
    const atStart = readOffsetMinutes(new Date(start), timeZone);
    offset = atStart === readOffsetMinutes(new Date(start + OFFSET_SPAN_MS - 1), timeZone) ? atStart : null;
    if (spanOffsets.size >= SPAN_OFFSETS_KEPT) spanOffsets.clear();
    spanOffsets.set(key, offset);
  }
  return offset ?? undefined;
}

/** The local date, time and weekday that `instant` shows in `timeZone`. */
export function wallTime(instant: Date, timeZone: string): WallTime {
  const offset = spanOffset(instant.getTime(), timeZone);
  if (offset === undefined) return readWallTime(instant, timeZone);
  const local = new Date(instant.getTime() + offset * MINUTE_MS);
  const date = `${String(local.getUTCFullYear()).padStart(4, '0')}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`;
  return { date, minutes: local.getUTCHours() * 60 + local.getUTCMinutes(), weekday: local.getUTCDay() };
}

function readOffsetMinutes(instant: Date, timeZone: string): number {
  const wall = readWallTime(instant, timeZone);
  const wallAsUtc = Date.parse(`${wall.date}T00:00:00Z`) + wall.minutes * MINUTE_MS;
  return Math.round((wallAsUtc - Math.floor(instant.getTime() / MINUTE_MS) * MINUTE_MS) / MINUTE_MS);
}

/** The wall time as the zone's formatter shows it. */
function readWallTime(instant: Date, timeZone: string): WallTime {
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const { year = 0, month = 0, day = 0, hour = 0, minute = 0 } = fields;
  const date = `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
  return { date, minutes: hour * 60 + minute, weekday: new Date(Date.UTC(year, month - 1, day)).getUTCDay() };
}

/** Minutes east of UTC in `timeZone` at `instant` (to the minute: no zone uses seconds now). */
export function offsetMinutes(timeZone: string, instant: Date): number {
  const wall = wallTime(instant, timeZone);
  const wallAsUtc = Date.parse(`${wall.date}T00:00:00Z`) + wall.minutes * MINUTE_MS;
  return Math.round((wallAsUtc - Math.floor(instant.getTime() / MINUTE_MS) * MINUTE_MS) / MINUTE_MS);
}

/**
 * The instant a clock in `timeZone` shows `date` at `minutes` past midnight. A time the
 * clocks skip (spring forward) is read with the offset before the change, so it lands
 * just after the gap; a time shown twice (fall back) is the first of the two.
 */
export function instantAt(date: string, minutes: number, timeZone: string): Date {
  const wallAsUtc = Date.parse(`${date}T00:00:00Z`) + minutes * MINUTE_MS;
  if (Number.isNaN(wallAsUtc)) throw new RangeError(`Not a calendar day: ${date}`);
  // Offsets a day either side cover any single change around this wall time.
  const before = offsetMinutes(timeZone, new Date(wallAsUtc - 86_400_000));
  const after = offsetMinutes(timeZone, new Date(wallAsUtc + 86_400_000));
  const candidates = [wallAsUtc - before * MINUTE_MS, wallAsUtc - after * MINUTE_MS].filter((ms) => {
    const wall = wallTime(new Date(ms), timeZone);
    return wall.date === date && wall.minutes === minutes;
  });
  return new Date(candidates.length > 0 ? Math.min(...candidates) : wallAsUtc - before * MINUTE_MS);
}

/** `HH:MM` → minutes since midnight; throws on anything else. */
export function clockMinutes(time: string): number {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  if (!match) throw new RangeError(`Not a time of day (HH:MM): ${time}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** 0 Sunday … 6 Saturday, of a calendar day. */
export function weekdayOf(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** Whether `timeZone` is a zone this runtime knows (cached like the formatters). */
export function knowsZone(timeZone: string): boolean {
  if (formatters.has(timeZone)) return true;
  if (unknownZones.has(timeZone)) return false;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    unknownZones.add(timeZone);
    return false;
  }
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
