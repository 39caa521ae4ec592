/**
 * The one text rule for everything a user can type, paste or import. PostgreSQL's jsonb refuses U+0000 and
 * unpaired surrogates outright, so a single such character used to fail a whole push with a retryable 500, and
 * the desk retried it forever. Other C0 controls are invisible in every screen and export and only ever arrive
 * by accident (a paste from a terminal, a binary file opened as CSV). Tab, line feed and carriage return stay:
 * they are how multi-line notes and CRLF files are written.
 */
// Control characters in these patterns are the point of the rule.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF]/u;
// eslint-disable-next-line no-control-regex
const UNSAFE_ALL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF]/gu;

export type UnsafeText = { path: string; char: string };

/** `U+0000` for the first unsafe character of `text`, or null when it has none. */
export function unsafeChar(text: string): string | null {
  const found = UNSAFE.exec(text)?.[0];
  return found === undefined ? null : `U+${(found.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * The first string (or object key) in `value` that breaks the rule, with its path (`rows.3.item`). Walks with
 * its own stack, so a deeply nested value cannot overflow the call stack.
 */
export function findUnsafeText(value: unknown, root = ''): UnsafeText | null {
  const stack: { value: unknown; path: string }[] = [{ value, path: root }];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const { value: v, path } = next;
    if (typeof v === 'string') {
      const char = unsafeChar(v);
      if (char) return { path: path || '(root)', char };
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], path: join(path, String(i)) });
    } else if (typeof v === 'object' && v !== null) {
      for (const [key, item] of Object.entries(v).reverse()) {
        const char = unsafeChar(key);
        if (char) return { path: join(path, '(key)'), char };
        stack.push({ value: item, path: join(path, key) });
      }
    }
  }
  return null;
}

/** `value` with every unsafe character replaced by U+FFFD: for recording a refused input, never for accepting one. */
export function replaceUnsafeText<T>(value: T): T {
  if (typeof value === 'string') return value.replace(UNSAFE_ALL, '\uFFFD') as T;
  if (Array.isArray(value)) return value.map((item: unknown) => replaceUnsafeText(item)) as T;
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [replaceUnsafeText(k), replaceUnsafeText(v as unknown)])) as T;
  }
  return value;
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}
