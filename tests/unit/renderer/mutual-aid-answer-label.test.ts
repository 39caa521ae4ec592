import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { MutualAidAnswer } from '../../../src/domain/resources/resource-requests';
import { en, zhCN } from '../../../src/renderer/i18n/bundles';
import { mutualAidAnswerLabel } from '../../../src/renderer/features/resources/labels';

const base: MutualAidAnswer = { message: 'response', messageId: 'm-1', from: 'Jiangbin TCM Hospital', sentAt: 0, response: 'Accept' };

describe("the requests grid's line for another hospital's answer", () => {
  let zh: TFunction;
  let english: TFunction;
  beforeAll(async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } }, lng: 'zh-CN', interpolation: { escapeValue: false } });
    zh = i18n.getFixedT('zh-CN');
    english = i18n.getFixedT('en');
  });

  it('says who accepted or declined, when, and why, in English and Chinese', () => {
    expect(mutualAidAnswerLabel(english, { ...base, qty: 4 }, '5 Dec 08:30')).toBe('Jiangbin TCM Hospital accepted (5 Dec 08:30), 4 units');
    expect(mutualAidAnswerLabel(english, { ...base, response: 'Decline', reason: 'None in the region' }, '5 Dec 08:30')).toBe('Jiangbin TCM Hospital declined (5 Dec 08:30), reason: None in the region');
    expect(mutualAidAnswerLabel(zh, { ...base, response: 'Decline', reason: '库存不足' }, '12月5日 08:30')).toBe('Jiangbin TCM Hospital 已拒绝（12月5日 08:30），原因：库存不足');
  });

  it('counts what a commit committed', () => {
    expect(mutualAidAnswerLabel(english, { ...base, message: 'commit', qty: 3 }, '5 Dec 09:00')).toBe('Jiangbin TCM Hospital committed 3 (5 Dec 09:00)');
    expect(mutualAidAnswerLabel(zh, { ...base, message: 'commit', qty: 3 }, '12月5日 09:00')).toBe('Jiangbin TCM Hospital 承诺提供 3（12月5日 09:00）');
  });
});
