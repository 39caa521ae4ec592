import { describe, expect, it } from 'vitest';
import { findJsxLiterals, rendererSources } from './source-scan';

describe('renderer components', () => {
  it('contain no literal UI text: every word shown comes from the i18n resources', () => {
    const sources = rendererSources(['.tsx']);
    expect(sources.length).toBeGreaterThan(10);
    const literals = sources.flatMap(({ file, text }) => findJsxLiterals(file, text).map((l) => `${file}:${l.line} "${l.text}"`));
    expect(literals).toEqual([]);
  });

  it('the scan catches text and visible attributes in either script, and ignores expressions and symbols', () => {
    const sample = `export const A = () => (
      <div title="Close">
        <p>宣布突发事件</p>
        <p>{t('ok')}</p>
        <input placeholder={t('x')} aria-hidden="true" />
        <span> · </span>
        <b>Declare</b>
      </div>
    );`;
    expect(findJsxLiterals('a.tsx', sample).map((l) => l.text)).toEqual(['Close', '宣布突发事件', 'Declare']);
  });
});
