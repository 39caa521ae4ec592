/**
 * Shift instants in the hospital's zone. A shift "starts at 07:00" on the wall clock, so its instant depends on
 * the zone (and on DST where there is one); the domain computes it the same way on every machine.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

/** The zone's offset from UTC at the instant, in ms (positive east of Greenwich), to the second. */
export function offsetMs(epochMs: number, timeZone: string): number {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    formatters.set(timeZone, format);
  }
  const parts = format.formatToParts(epochMs);
  const get = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value ?? '0');
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(epochMs / 1000) * 1000;
}

/** `YYYY-MM-DD` of the instant in the zone. */
export function zonedDay(epochMs: number, timeZone: string): string {
  return new Date(epochMs + offsetMs(epochMs, timeZone)).toISOString().slice(0, 10);
}

/** The instant of a wall-clock minute on a day (`YYYY-MM-DD`) in the zone. */
export function zonedInstant(day: string, minuteOfDay: number, timeZone: string): number {
  const [y = 0, m = 1, d = 1] = day.split('-').map(Number);
  const guess = Date.UTC(y, m - 1, d) + minuteOfDay * 60_000;
  const first = guess - offsetMs(guess, timeZone);
  return guess - offsetMs(first, timeZone);
}

/** The day `n` days after `day` (calendar days, so DST never shifts it). */
export function addDays(day: string, n: number): string {
  const [y = 0, m = 1, d = 1] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** The Monday on or before `day`. */
export function weekStart(day: string): string {
  const [y = 0, m = 1, d = 1] = day.split('-').map(Number);
  const weekday = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
}
