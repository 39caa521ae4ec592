/**
 * Order keys for cards in a column: strings that sort with plain `<` (code units, never localeCompare or a
 * database collation), with a key between any two. Moving a card rewrites only that card's key, so two people
 * reordering different cards never conflict. The scheme is David Greenspan's as implemented by Rocicorp's
 * `fractional-indexing` (CC0): a variable-length integer part (head letter a-z for 1-26 digits, A-Z for
 * negatives) keeps appends at the end or the start O(log n) long, and a base-62 fraction splits gaps.
 * Written here because no new npm package can be installed; it is small and tested in task-order.test.ts.
 */
const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const ZERO = '0';
const LAST = 'z';
const SMALLEST_INTEGER = `A${ZERO.repeat(26)}`;

function digitAt(s: string, i: number): string {
  const d = s[i];
  if (d === undefined || !DIGITS.includes(d)) throw new Error(`invalid order key digit in "${s}"`);
  return d;
}

/** A fraction strictly between a and b (b null = 1), neither with a trailing zero. */
function midpoint(a: string, b: string | null): string {
  if (b !== null && a >= b) throw new Error(`${a} >= ${b}`);
  if (a.endsWith(ZERO) || (b !== null && b.endsWith(ZERO))) throw new Error('trailing zero');
  if (b !== null) {
    let n = 0;
    while ((a[n] ?? ZERO) === b[n]) n++;
    if (n > 0) return b.slice(0, n) + midpoint(a.slice(n), b.slice(n));
  }
  const da = a ? DIGITS.indexOf(digitAt(a, 0)) : 0;
  const db = b !== null ? DIGITS.indexOf(digitAt(b, 0)) : DIGITS.length;
  if (db - da > 1) return digitAt(DIGITS, Math.round(0.5 * (da + db)));
  if (b !== null && b.length > 1) return b.slice(0, 1);
  return digitAt(DIGITS, da) + midpoint(a.slice(1), null);
}

function integerLength(head: string): number {
  if (head >= 'a' && head <= 'z') return head.charCodeAt(0) - 'a'.charCodeAt(0) + 2;
  if (head >= 'A' && head <= 'Z') return 'Z'.charCodeAt(0) - head.charCodeAt(0) + 2;
  throw new Error(`invalid order key head "${head}"`);
}

function integerPart(key: string): string {
  const length = integerLength(key.charAt(0));
  if (length > key.length) throw new Error(`invalid order key "${key}"`);
  return key.slice(0, length);
}

export function isValidOrderKey(key: string): boolean {
  try {
    if (key === SMALLEST_INTEGER) return false;
    const int = integerPart(key);
    for (let i = 1; i < key.length; i++) digitAt(key, i);
    return !key.slice(int.length).endsWith(ZERO);
  } catch {
    return false;
  }
}

function validate(key: string): void {
  if (!isValidOrderKey(key)) throw new Error(`invalid order key "${key}"`);
}

function incrementInteger(x: string): string | null {
  const head = x.charAt(0);
  const digits = x.slice(1).split('');
  let carry = true;
  for (let i = digits.length - 1; carry && i >= 0; i--) {
    const d = DIGITS.indexOf(digitAt(x, i + 1)) + 1;
    if (d === DIGITS.length) digits[i] = ZERO;
    else {
      digits[i] = digitAt(DIGITS, d);
      carry = false;
    }
  }
  if (!carry) return head + digits.join('');
  if (head === 'Z') return `a${ZERO}`;
  if (head === 'z') return null;
  const next = String.fromCharCode(head.charCodeAt(0) + 1);
  if (next > 'a') digits.push(ZERO);
  else digits.pop();
  return next + digits.join('');
}

function decrementInteger(x: string): string | null {
  const head = x.charAt(0);
  const digits = x.slice(1).split('');
  let borrow = true;
  for (let i = digits.length - 1; borrow && i >= 0; i--) {
    const d = DIGITS.indexOf(digitAt(x, i + 1)) - 1;
    if (d === -1) digits[i] = LAST;
    else {
      digits[i] = digitAt(DIGITS, d);
      borrow = false;
    }
  }
  if (!borrow) return head + digits.join('');
  if (head === 'a') return `Z${LAST}`;
  if (head === 'A') return null;
  const next = String.fromCharCode(head.charCodeAt(0) - 1);
  if (next < 'Z') digits.push(LAST);
  else digits.pop();
  return next + digits.join('');
}

/** A key strictly between `a` and `b`; null means the start or the end of the column. */
export function keyBetween(a: string | null, b: string | null): string {
  if (a !== null) validate(a);
  if (b !== null) validate(b);
  if (a !== null && b !== null && a >= b) throw new Error(`order keys out of order: ${a} >= ${b}`);
  if (a === null) {
    if (b === null) return `a${ZERO}`;
    const ib = integerPart(b);
    const fb = b.slice(ib.length);
    if (ib === SMALLEST_INTEGER) return ib + midpoint('', fb);
    if (ib < b) return ib;
    const lower = decrementInteger(ib);
    if (lower === null) throw new Error('cannot order before the smallest key');
    return lower;
  }
  const ia = integerPart(a);
  const fa = a.slice(ia.length);
  if (b === null) {
    const higher = incrementInteger(ia);
    return higher === null ? ia + midpoint(fa, null) : higher;
  }
  const ib = integerPart(b);
  const fb = b.slice(ib.length);
  if (ia === ib) return ia + midpoint(fa, fb);
  const higher = incrementInteger(ia);
  if (higher === null) throw new Error('cannot order after the largest key');
  return higher < b ? higher : ia + midpoint(fa, null);
}

/** Sorts by key, then id: two cards dropped into the same gap at once get the same key, and must still sort alike everywhere. */
export function compareByOrder(a: { order: string; id: string }, b: { order: string; id: string }): number {
  if (a.order !== b.order) return a.order < b.order ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
