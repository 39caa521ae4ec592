import { createHash } from 'node:crypto';
import type { PushedMutation } from '../contract/sync';

/**
 * What a (client id, mutation id) stands for: name, canonical args, space, time, author and, for a handed-over
 * change, whom it was taken from. Canonical JSON (keys sorted) because the audit keeps args as jsonb, which does
 * not keep key order, and a resend must hash the same.
 */
export function contentHash(m: Pick<PushedMutation, 'name' | 'args' | 'space' | 'at' | 'handedOver'>, author: string): string {
  const content = [m.name, m.args ?? null, m.space, m.at, author, m.handedOver?.from ?? null];
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}

export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
