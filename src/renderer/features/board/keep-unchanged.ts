/**
 * Structural sharing for data fetched again: `next`, with every part that is deep-equal to the matching part
 * of `prev` replaced by prev's object. A refetch after a card move then changes the identity of the moved
 * task only, so memoised columns and cards skip everything else. Items of arrays that carry an `id` are
 * matched by id, so an inserted or removed row does not defeat sharing for the rows after it.
 * Values are JSON-shaped (plain objects, arrays, primitives), as everything from the contract is.
 */
export function keepUnchanged<T>(prev: T, next: T): T {
  return share(prev, next) as T;
}

type Json = Record<string, unknown>;

const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

function idOf(value: unknown): unknown {
  return isRecord(value) ? value['id'] : undefined;
}

// One pass, allocating only where something changed: it runs on every refetch of a 2,000-task board.
function share(prev: unknown, next: unknown): unknown {
  if (prev === next) return prev;
  if (Array.isArray(next)) return Array.isArray(prev) ? shareArray(prev, next) : next;
  if (isRecord(next)) return isRecord(prev) ? shareRecord(prev, next) : next;
  return next;
}

function shareArray(prev: readonly unknown[], next: readonly unknown[]): readonly unknown[] {
  let byId: Map<unknown, unknown> | null = null;
  let same = prev.length === next.length;
  const out: unknown[] = new Array<unknown>(next.length);
  for (let i = 0; i < next.length; i += 1) {
    const item = next[i];
    const id = idOf(item);
    let base = prev[i];
    if (id !== undefined && idOf(base) !== id) {
      byId ??= new Map(prev.map((p) => [idOf(p), p]));
      base = byId.get(id);
    }
    const kept = share(base, item);
    if (kept !== prev[i]) same = false;
    out[i] = kept;
  }
  return same ? prev : out;
}

function shareRecord(prev: Json, next: Json): Json {
  let out: Json | null = null;
  let count = 0;
  for (const key in next) {
    count += 1;
    const kept = share(prev[key], next[key]);
    if (out === null && (kept !== prev[key] || !(key in prev))) {
      out = {};
      // Keys before this one were unchanged: copy them over in order.
      for (const earlier in next) {
        if (earlier === key) break;
        out[earlier] = prev[earlier];
      }
    }
    if (out !== null) out[key] = kept;
  }
  if (out !== null) return out;
  if (count === Object.keys(prev).length) return prev;
  // Only keys that vanished differ: every remaining value is prev's own.
  const fewer: Json = {};
  for (const key in next) fewer[key] = prev[key];
  return fewer;
}
