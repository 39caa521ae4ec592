/**
 * Times are stored as UTC epoch ms and shown in the hospital's time zone (settings.timeZone), never the
 * browser's: a wall PC set to UTC must still show Beijing time.
 */
type WallParts = { year: number; month: number; day: number; hour: number; minute: number; second: number };

const partFormatters = new Map<string, Intl.DateTimeFormat>();

function wallParts(epochMs: number, timeZone: string): WallParts {
  let format = partFormatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    partFormatters.set(timeZone, format);
  }
  const get = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(format.formatToParts(epochMs).find((p) => p.type === type)?.value ?? '0');
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
}

/** The zone's offset from UTC at that instant, in ms (Asia/Shanghai: +8 h). */
export function zoneOffsetMs(epochMs: number, timeZone: string): number {
  const p = wallParts(epochMs, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(epochMs / 1000) * 1000;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** `YYYY-MM-DDTHH:mm` as a `datetime-local` input shows it, in the hospital's zone. */
export function toZonedInputValue(epochMs: number, timeZone: string): string {
  const p = wallParts(epochMs, timeZone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}

/** The instant a `datetime-local` value means in the hospital's zone, or null if it is not a valid time. */
export function fromZonedInputValue(value: string, timeZone: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const guess = Date.UTC(y, mo - 1, d, h, mi);
  if (Number.isNaN(guess)) return null;
  // Twice: the first offset is taken at the wrong instant when a DST change lies between the two.
  const first = guess - zoneOffsetMs(guess, timeZone);
  return guess - zoneOffsetMs(first, timeZone);
}

/** Building an Intl.DateTimeFormat costs far more than using one: a board of 2,000 cards formats on every paint. */
const displayFormatters = new Map<string, Intl.DateTimeFormat>();

function displayFormat(locale: string, timeZone: string, kind: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${kind}|${locale}|${timeZone}`;
  let format = displayFormatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { timeZone, ...options });
    displayFormatters.set(key, format);
  }
  return format;
}

export function formatTime(epochMs: number, timeZone: string, locale: string, withSeconds = false): string {
  return displayFormat(locale, timeZone, withSeconds ? 'time-s' : 'time', {
    hourCycle: 'h23', hour: '2-digit', minute: '2-digit', ...(withSeconds ? { second: '2-digit' } : {}),
  }).format(epochMs);
}

export function formatDate(epochMs: number, timeZone: string, locale: string): string {
  return displayFormat(locale, timeZone, 'date', { year: 'numeric', month: '2-digit', day: '2-digit', weekday: 'short' }).format(epochMs);
}

export function formatDateTime(epochMs: number, timeZone: string, locale: string): string {
  return displayFormat(locale, timeZone, 'datetime', { hourCycle: 'h23', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).format(
    epochMs,
  );
}
