/**
 * Values kept per key between passes and computed again only when one of their inputs is no longer the same
 * (by identity) as last time. A roster change usually touches one person: their row and their warnings are
 * rebuilt, everyone else's are the previous objects, so memoised rows skip them.
 */
export class KeyedMemo<T> {
  private last = new Map<string, { inputs: readonly unknown[]; value: T }>();
  private next = new Map<string, { inputs: readonly unknown[]; value: T }>();

  get(key: string, inputs: readonly unknown[], compute: () => T): T {
    const kept = this.last.get(key);
    const entry = kept && sameItems(kept.inputs, inputs) ? kept : { inputs, value: compute() };
    this.next.set(key, entry);
    return entry.value;
  }

  /** Ends a pass: keys not asked for in it are forgotten, so people who left the view are not held. */
  sweep(): void {
    this.last = this.next;
    this.next = new Map();
  }
}

export function sameItems(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}
