import { describe, expect, it } from 'vitest';
import { renderPdf } from '../../../src/node/pdf';
import { pdfText, squeeze } from './pdf-text';

describe('PDF rendering', () => {
  it('embeds a subset of the Chinese font: the text reads back and the file stays small', async () => {
    const pdf = await renderPdf({
      title: '突发公共卫生事件相关信息报告卡',
      subtitle: '初步报告',
      banner: '演练 EXERCISE',
      lang: 'zh-CN',
      footer: '江滨市第一人民医院',
      blocks: [
        { kind: 'fields', rows: [['事件名称', '高速公路客车相撞'], ['报告人', '']] },
        { kind: 'table', head: ['分类', '人数'], rows: [['红', '12'], ['黄', '7']] },
        { kind: 'heading', text: '已采取的措施' },
        { kind: 'text', text: '启动应急预案 Level II' },
      ],
    });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // The whole font is 10 MB; a subset of a few dozen glyphs is a few kilobytes.
    expect(pdf.length).toBeLessThan(100_000);
    const text = squeeze(await pdfText(pdf));
    for (const expected of ['突发公共卫生事件相关信息报告卡', '演练 EXERCISE', '高速公路客车相撞', '红 12', '黄 7', '启动应急预案 Level II', '江滨市第一人民医院 1/1']) {
      expect(text).toContain(expected);
    }
  });
});
