import { uuidv7 } from 'uuidv7';
import { z } from 'zod';

/** Records get a UUIDv7 where they are created (time-ordered, so indexes stay compact); never an autoincrement. */
export function newId(): string {
  return uuidv7();
}

export const IdSchema = z.uuid({ message: 'must be a UUID' });

function fnv1a(text: string, seed: number): string {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/**
 * An id derived from what the record is about (a UUIDv8 shape), for records there must be one of whichever desk
 * writes first: two desks writing the same one offline converge on one row instead of two.
 */
export function derivedId(...parts: string[]): string {
  const key = parts.join('|');
  const hex = [0x811c9dc5, 0x01234567, 0x89abcdef, 0x5bd1e995].map((seed) => fnv1a(key, seed)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${'89ab'[parseInt(hex[16] ?? '0', 16) % 4] ?? '8'}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A space is a hospital or an exercise: lowercase slug, so it reads well in logs and URLs. */
export const SpaceIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9-]*$/, { message: 'must be lowercase letters, digits and dashes' });

/**
 * Every time a record holds lies in this range. Far-off times are never real in an incident, and one (a log
 * entry `at` 9007199254740000) made every desk's board and wall throw RangeError when it formatted it.
 */
export const TIME_RANGE = { min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) } as const;

export function isInTimeRange(ms: number): boolean {
  return Number.isInteger(ms) && ms >= TIME_RANGE.min && ms <= TIME_RANGE.max;
}

/**
 * Epoch milliseconds, UTC, within TIME_RANGE: for every time a user or a desk supplies (mutation args, the time of
 * a change), so no new record can hold an out-of-range time. Shown in the hospital's time zone by the UI.
 */
export const EpochMsSchema = z
  .number()
  .int()
  .min(TIME_RANGE.min, { message: 'must be a time from 2000-01-01 on' })
  .max(TIME_RANGE.max, { message: 'must be a time before 2100-01-01' });

/**
 * A time inside a stored record. Not bounded on purpose: a record written before the bound (or restored from an
 * old file) must still be read, shown with the rest of its list (one panel may fail on it, never the whole
 * read) and removed. New values come from bounded args and the bounded time of the change, never from here.
 */
export const StoredEpochMsSchema = z.number().int().nonnegative();
