import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { hiddenCharacterIn, visibleText, withoutHiddenCharacters } from '../../../src/domain/display-text';

describe('names people read', () => {
  it.each(['Li Wei', '王芳', 'José Álvarez', 'محمد علي', 'Dr Ana 👩‍⚕️', "O'Brien-Smith"])('accepts %s', (name) => {
    expect(hiddenCharacterIn(name)).toBeUndefined();
  });

  it.each([
    ['NUL', 'li\u0000wei', 'U+0000 (a control character)'],
    ['a tab', 'li\twei', 'U+0009 (a control character)'],
    ['a C1 control', 'li\u0085wei', 'U+0085 (a control character)'],
    ['a right-to-left override', 'Dr \u202Eexe.jpg', 'U+202E (a bidirectional control)'],
    ['a left-to-right embedding', '\u202Aname', 'U+202A (a bidirectional control)'],
    ['a first-strong isolate', 'name\u2068', 'U+2068 (a bidirectional control)'],
    ['a lone high surrogate', 'name\uD83D', 'U+D83D (half of a character)'],
    ['a lone low surrogate', '\uDC69name', 'U+DC69 (half of a character)'],
  ])('refuses %s and names it', (_what, name, found) => {
    expect(hiddenCharacterIn(name)).toBe(found);
    const result = visibleText(z.string()).safeParse(name);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain(found);
  });

  it('strips hidden characters from a name stored before the rule, keeping whole characters', () => {
    expect(withoutHiddenCharacters('Dr \u202EAna\u0000 👩‍⚕️\uD83D')).toBe('Dr Ana 👩‍⚕️');
  });
});
