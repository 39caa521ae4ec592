import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiErrorSchema } from '../../../src/contract/errors';
import { en, zhCN } from '../../../src/renderer/i18n/bundles';
import { errorDetail } from '../../../src/renderer/lib/error-detail';

const shanghai = { timeZone: 'Asia/Shanghai', locale: 'en' };
const overdraw = { item: 'N95 respirator', store: 'ED store', onHand: 10, requested: 15 };

describe('the particulars of a refusal, worded from its params', () => {
  let zh: TFunction;
  let english: TFunction;
  beforeAll(async () => {
    const i18n = i18next.createInstance();
    // As the app sets it up (i18n.ts): React escapes what it renders, so i18next does not.
    await i18n.init({ resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } }, lng: 'zh-CN', interpolation: { escapeValue: false } });
    zh = i18n.getFixedT('zh-CN');
    english = i18n.getFixedT('en');
  });

  it('says how much stock was on hand and how much was asked for, in English and Chinese', () => {
    expect(errorDetail(english, 'stock_negative', overdraw, shanghai)).toBe('N95 respirator in ED store: 10 on hand, 15 requested');
    expect(errorDetail(zh, 'stock_negative', overdraw, { ...shanghai, locale: 'zh-CN' })).toBe('ED store 的 N95 respirator：库存 10，需要 15');
  });

  it('names the person and the hours for each fatigue rule', () => {
    const numbers = { person: 'Li Wei', hours: 14, limit: 12 };
    expect(errorDetail(english, 'roster_consecutive', numbers, shanghai)).toBe('Li Wei: 14 h without a break (limit 12 h)');
    expect(errorDetail(zh, 'roster_rest', { ...numbers, hours: 8, limit: 10 }, shanghai)).toBe('Li Wei：两班之间仅休息 8 小时（至少 10 小时）');
    expect(errorDetail(english, 'roster_weekly', { ...numbers, hours: 66, limit: 60 }, shanghai)).toBe('Li Wei: 66 h in 7 days (limit 60 h)');
  });

  it('shows the overlapping shift in the hospital’s time zone, not as epoch milliseconds', () => {
    // 2026-03-02 00:00 and 08:00 UTC are 08:00 and 16:00 in Beijing.
    const params = { person: 'Li Wei', otherStart: Date.UTC(2026, 2, 2, 0), otherEnd: Date.UTC(2026, 2, 2, 8) };
    const text = errorDetail(english, 'roster_overlap', params, shanghai) ?? '';
    expect(text).toMatch(/^Li Wei already has a shift from 03\/02,? 08:00 to 03\/02,? 16:00$/);
    expect(text).not.toContain(String(params.otherStart));
  });

  it('shows nothing more for a code without a detail string, or without the params it needs', () => {
    expect(errorDetail(english, 'forbidden', { permission: 'no.such.permission' }, shanghai)).toBeNull();
    expect(errorDetail(english, 'stock_negative', undefined, shanghai)).toBeNull();
    // A refusal recorded by a server from before params, or one missing a name: no half-filled sentence.
    expect(errorDetail(english, 'stock_negative', { item: 'N95 respirator', store: 'ED store', onHand: 10 }, shanghai)).toBeNull();
    expect(errorDetail(english, 'no_such_code', overdraw, shanghai)).toBeNull();
  });

  it('names the positions that may, in the reader’s language, when a change is refused for want of rights', () => {
    const roles = { permission: 'plan.manage', roles: 'incident_commander,planning_chief' };
    expect(errorDetail(english, 'forbidden', roles, shanghai)).toBe('Only the Incident Commander or Planning Chief may do this');
    expect(errorDetail(zh, 'forbidden', roles, { ...shanghai, locale: 'zh-CN' })).toBe('仅总指挥或计划组组长可用');
    // A refusal recorded before refusals named roles: who holds the permission, from the same role table.
    expect(errorDetail(english, 'forbidden', { permission: 'roster.override' }, shanghai)).toBe('Only the Incident Commander may do this');
  });

  it('treats params as text: no markup, nesting, placeholders or i18next options come out of them', () => {
    const hostile = {
      item: '<img src=x onerror=alert(1)>',
      store: '$t(errors.internal)',
      onHand: '{{requested}}',
      requested: 15,
      lng: 'en',
      count: 2,
      defaultValue: 'overridden',
    };
    // Returned as typed (React renders it as text, escaping it there), not turned into something else here.
    expect(errorDetail(zh, 'stock_negative', hostile, shanghai)).toBe('$t(errors.internal) 的 <img src=x onerror=alert(1)>：库存 {{requested}}，需要 15');
  });

  it('has detail strings only for real error codes', () => {
    for (const bundle of [en, zhCN]) {
      const codes = Object.keys(bundle['errorDetails'] as Record<string, string>);
      expect(codes.length).toBeGreaterThanOrEqual(5);
      expect(codes.filter((code) => !(ApiErrorSchema.shape.code.options as readonly string[]).includes(code))).toEqual([]);
    }
  });
});
