import { describe, expect, it } from 'vitest';
import { en } from '../../../src/renderer/i18n/bundles';
import { zhCN } from '../../../src/renderer/i18n/bundles';
import { leafKeys, lookup } from './source-scan';

const variables = (text: string): string[] => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] ?? '').sort();

/** Keys in `a` missing from `b`. Exported through the test so its own failure case can be checked below. */
function missingKeys(a: unknown, b: unknown): string[] {
  return leafKeys(a).filter((key) => typeof lookup(b, key) !== 'string');
}

describe('i18n resources', () => {
  it('zh-CN and en have exactly the same keys', () => {
    expect(missingKeys(zhCN, en)).toEqual([]);
    expect(missingKeys(en, zhCN)).toEqual([]);
  });

  it('the key comparison notices a key present in only one language', () => {
    expect(missingKeys({ a: { b: 'x', c: 'y' } }, { a: { b: 'x' } })).toEqual(['a.c']);
  });

  it('no translation is empty, and both languages use the same interpolation variables', () => {
    for (const key of leafKeys(zhCN)) {
      const zh = lookup(zhCN, key);
      const english = lookup(en, key);
      expect(typeof zh === 'string' && zh.trim().length > 0, `zh-CN ${key} is empty`).toBe(true);
      expect(typeof english === 'string' && english.trim().length > 0, `en ${key} is empty`).toBe(true);
      expect(variables(String(zh)), `variables of ${key}`).toEqual(variables(String(english)));
    }
  });

  it('the Chinese resources are written in Chinese', () => {
    const untranslated = leafKeys(zhCN).filter((key) => {
      const words = String(lookup(zhCN, key)).replace(/\{\{\s*\w+\s*\}\}/g, '');
      // Language names are shown in their own language on purpose; pure templates ("{{a}}：{{b}}") have no words.
      return !key.startsWith('settings.languages.') && /\p{L}/u.test(words) && !/\p{Script=Han}/u.test(words);
    });
    expect(untranslated).toEqual([]);
  });
});
