import { createHash } from 'node:crypto';

/**
 * What the audit keeps of a mutation's arguments.
 *
 * An applied mutation keeps them whole: they passed its zod schema, which bounds them, and the push body limit
 * (4 MB) bounds every one (a 2,000-row `stock.import` of maximum-length Chinese names is 1.8 MB of JSON).
 * A refused one may not have passed any schema (unknown name, no access, bad args), so one viewer account could
 * otherwise write the push body limit (4 MB) into the undeletable audit on every push. Its args are kept whole up
 * to REFUSED_ARGS_MAX_BYTES of canonical JSON; past that, the first REFUSED_ARGS_MAX_BYTES of that JSON as text,
 * with the full size and the SHA-256 of the full canonical JSON, which is enough to recognise the same payload
 * again and to show what was tried.
 */
export const REFUSED_ARGS_MAX_BYTES = 4096;

export type TruncatedArgs = { truncated: true; bytes: number; sha256: string; head: string };

export function auditedArgs(args: unknown, result: 'applied' | 'rejected'): unknown {
  if (result === 'applied') return args ?? null;
  const json = canonicalJson(args ?? null);
  const bytes = Buffer.byteLength(json, 'utf8');
  if (bytes <= REFUSED_ARGS_MAX_BYTES) return args ?? null;
  return {
    truncated: true,
    bytes,
    sha256: createHash('sha256').update(json, 'utf8').digest('hex'),
    head: utf8Head(json, REFUSED_ARGS_MAX_BYTES),
  } satisfies TruncatedArgs;
}

/** JSON with object keys sorted at every level, so the same arguments always give the same text and hash. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  ) ?? 'null';
}

/**
 * The longest prefix of `text` whose UTF-8 fits in `max` bytes, never ending in half a surrogate pair (PostgreSQL's
 * jsonb refuses a lone surrogate). JSON.stringify has already escaped NUL and lone surrogates as text.
 */
function utf8Head(text: string, max: number): string {
  let bytes = 0;
  let end = 0;
  for (const char of text) {
    const size = Buffer.byteLength(char, 'utf8');
    if (bytes + size > max) break;
    bytes += size;
    end += char.length;
  }
  return text.slice(0, end);
}
