import { useState } from 'react';

/**
 * The previous value while `same(previous, value)` holds, else `value` merged by `keep`: lets memoised children
 * of a component that recomputes derived arrays on every change skip the parts that did not change.
 * (State, not a ref, so the rules of hooks hold: a changed value re-renders this component once more.)
 */
export function useStable<T>(value: T, keep: (previous: T, next: T) => T): T {
  const [kept, setKept] = useState(value);
  const merged = kept === value ? kept : keep(kept, value);
  if (merged !== kept) setKept(merged);
  return merged;
}

/** Same items in the same order. */
export function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}

/** `next`, or `previous` when it holds the same items. */
export function keepSameItems<A extends readonly unknown[]>(previous: A, next: A): A {
  return sameItems(previous, next) ? previous : next;
}
