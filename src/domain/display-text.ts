import { z } from 'zod';

/**
 * The one rule for names people read (display names, usernames, space names), shared by the server, which
 * refuses them at the door, and the desk, which strips them from names stored before the rule existed.
 *
 * Refused: NUL and the other C0 and C1 control characters (invisible; PostgreSQL cannot store NUL), the
 * bidirectional embeddings, overrides and isolates U+202A-U+202E and U+2066-U+2069 (a right-to-left override
 * makes "Li Wei" and a name that merely displays like it, or "gpj.exe" and "exe.jpg", look the same), and lone
 * UTF-16 surrogates (not text at all). Refused rather than stripped: a name that silently becomes another is a
 * name nobody typed. This rule covers names only; free text in mutation args has its own (see src/contract).
 */
export function hiddenCharacterIn(text: string): string | undefined {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c <= 0x1f || (c >= 0x7f && c <= 0x9f)) return `${codePoint(c)} (a control character)`;
    if ((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) return `${codePoint(c)} (a bidirectional control)`;
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      return `${codePoint(c)} (half of a character)`;
    }
    if (c >= 0xdc00 && c <= 0xdfff) return `${codePoint(c)} (half of a character)`;
  }
  return undefined;
}

function codePoint(c: number): string {
  return `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** `schema` refusing any character `hiddenCharacterIn` names, with a message that names it. */
export function visibleText<S extends z.ZodType<string>>(schema: S) {
  return schema.superRefine((text, ctx) => {
    const found = hiddenCharacterIn(text);
    if (found) ctx.addIssue({ code: 'custom', message: `contains ${found}, which would hide or reorder what people read` });
  });
}

/** A name stored before the rule, made safe to show: the hidden characters dropped (never used on the way in). */
export function withoutHiddenCharacters(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      out += text.slice(i, i + 2);
      i++;
    } else if (!hiddenCharacterIn(text[i] ?? '')) {
      out += text[i] ?? '';
    }
  }
  return out;
}
