import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../../src/domain/errors';
import { regionDistricts } from '../../../../src/domain/edxl/site-map';
import type { Space } from '../../../../src/domain/spaces';
import { capAlert, capDateTime, type CapSources } from '../../../../src/domain/warning/cap';
import { defaultResponseLevels } from '../../../../src/domain/warning/response-levels';
import { makeIndicator, makeSignal, makeVerifiedAlert, T0 } from '../../../fixtures/warning-alerts';

const hospital: Space = { id: 'demo-hospital', kind: 'hospital', name: "Jiangbin First People's Hospital" };
const HOUR = 3_600_000;

function sources(overrides: Partial<CapSources> = {}): CapSources {
  const ed = makeIndicator({ districtId: 'd-chengnan' });
  const lab = makeIndicator({ name: 'Influenza A positives', source: 'lab_positive', method: 'fixed' });
  return {
    space: hospital,
    alert: makeVerifiedAlert([makeSignal(ed), makeSignal(lab, { level: 'counted', expected: null, threshold: null, stat: null, pValue: null, value: 3 })]),
    indicators: [ed, lab],
    responseLevels: defaultResponseLevels,
    districts: regionDistricts(),
    timeZone: 'Asia/Shanghai',
    ...overrides,
  };
}

type Node = Record<string, unknown>;
const parse = (xml: string) => (new XMLParser({ isArray: (name) => ['info', 'area', 'parameter'].includes(name) }).parse(xml) as { alert: Node }).alert;
/** The element names directly under `parent` in document order. */
function childOrder(xml: string, parent: 'alert' | 'info'): string[] {
  const ordered = new XMLParser({ preserveOrder: true }).parse(xml) as Node[];
  const alert = ordered.find((n) => 'alert' in n)?.['alert'] as Node[];
  const node = parent === 'alert' ? alert : (alert.find((n) => 'info' in n)?.['info'] as Node[]);
  return node.map((n) => Object.keys(n)[0] ?? '');
}

describe('CAP 1.2 builder', () => {
  it('writes every dateTime in the hospital zone with a numeric offset, whole seconds and no Z', () => {
    expect(capDateTime(T0, 'Asia/Shanghai')).toBe('2026-12-04T16:00:00+08:00');
    expect(capDateTime(T0, 'America/New_York')).toBe('2026-12-04T03:00:00-05:00');
    expect(capDateTime(T0, 'UTC')).toBe('2026-12-04T08:00:00+00:00');
    expect(capDateTime(T0, 'Asia/Kolkata')).toBe('2026-12-04T13:30:00+05:30');
    const { xml } = capAlert(sources());
    const times = [...xml.matchAll(/<(sent|effective|onset|expires)>([^<]*)</g)].map((m) => m[2] ?? '');
    expect(times.length).toBeGreaterThanOrEqual(5);
    for (const time of times) expect(time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
    // Sent at the verification (T0 + 2 h), the event under way from the first signal's day in the hospital's calendar.
    expect(parse(xml)['sent']).toBe('2026-12-04T18:00:00+08:00');
    expect((parse(xml)['info'] as Node[])[0]?.['onset']).toBe('2026-12-02T00:00:00+08:00');
  });

  it('keeps the schema order of alert and info children', () => {
    const { xml } = capAlert(sources());
    expect(childOrder(xml, 'alert')).toEqual(['identifier', 'sender', 'sent', 'status', 'msgType', 'scope', 'restriction', 'info', 'info']);
    expect(childOrder(xml, 'info')).toEqual([
      'language', 'category', 'event', 'responseType', 'urgency', 'severity', 'certainty', 'effective', 'onset', 'senderName', 'headline', 'description', 'instruction',
      'parameter', 'parameter', 'parameter', 'parameter', 'parameter', 'area',
    ]);
  });

  it('says Actual in a hospital space and Exercise, with a note, in an exercise space', () => {
    expect(parse(capAlert(sources()).xml)).toMatchObject({ status: 'Actual' });
    const drill = parse(capAlert(sources({ space: { id: 'drill-2026', kind: 'exercise', name: 'Flu surge drill' } })).xml);
    expect(drill['status']).toBe('Exercise');
    expect(String(drill['note'])).toContain('not a real warning');
    // The kind decides, never the name.
    expect(parse(capAlert(sources({ space: { id: 'exercise-ward', kind: 'hospital', name: 'Exercise Ward Hospital' } })).xml)['status']).toBe('Actual');
  });

  it('has one info in Chinese and one in English, with the grade mapped to urgency, severity and the response level', () => {
    const alert = parse(capAlert(sources()).xml);
    const [zh, en] = alert['info'] as Node[];
    expect(zh).toMatchObject({ language: 'zh-CN', category: 'Health', event: '公共卫生预警', urgency: 'Immediate', severity: 'Extreme', certainty: 'Likely', responseType: 'Prepare' });
    expect(en).toMatchObject({ language: 'en', category: 'Health', event: 'Public health early warning', urgency: 'Immediate', severity: 'Extreme', certainty: 'Likely' });
    expect(String(zh?.['headline'])).toBe('红色预警：fever-respiratory（2 个来源，2 个信号）');
    expect(String(en?.['headline'])).toBe('Red warning: fever-respiratory (2 signals from 2 sources)');
    expect(String(en?.['description'])).toContain('2026-12-03 ED fever + respiratory: value 42, expected 18.3, threshold 30.1, ears_c2 red (p 0.0042)');
    expect(String(en?.['description'])).toContain('Preliminary check: Lab confirms influenza A cluster');
    expect(String(zh?.['description'])).toContain('预期 18.3');
    expect(en?.['parameter']).toContainEqual({ valueName: 'responseLevel', value: 'I' });
    const yellow = parse(capAlert(sources({ alert: { ...sources().alert, grade: 'yellow' }, responseLevels: { ...defaultResponseLevels, yellow: 'II' } })).xml);
    expect((yellow['info'] as Node[])[1]).toMatchObject({ urgency: 'Expected', severity: 'Moderate', responseType: 'Monitor' });
    expect((yellow['info'] as Node[])[1]?.['parameter']).toContainEqual({ valueName: 'responseLevel', value: 'II' });
  });

  it('names the districts of the alert\'s indicators with their outline as a closed lat,lon polygon, else the hospital', () => {
    const [zh, en] = parse(capAlert(sources()).xml)['info'] as Node[];
    expect((zh?.['area'] as Node[])[0]?.['areaDesc']).toBe('城南区');
    const area = (en?.['area'] as Node[])[0];
    expect(area?.['areaDesc']).toBe('Chengnan District');
    const pairs = String(area?.['polygon']).split(' ');
    expect(pairs[0]).toBe('30.258,120.17');
    expect(pairs.at(-1)).toBe(pairs[0]);
    const noDistrict = sources();
    const plain = parse(capAlert({ ...noDistrict, indicators: noDistrict.indicators.map(({ districtId: _d, ...i }) => i) }).xml);
    expect((plain['info'] as Node[])[1]?.['area']).toEqual([{ areaDesc: hospital.name }]);
  });

  it('refuses an alert nobody verified: a signal is not yet a warning', () => {
    for (const status of ['new', 'checking'] as const) {
      const base = sources();
      const alert = { ...base.alert, status, history: base.alert.history.filter((e) => e.action !== 'verified') };
      expect(() => capAlert({ ...base, alert })).toThrow(DomainError);
      try {
        capAlert({ ...base, alert });
      } catch (error) {
        expect(error).toMatchObject({ code: 'alert_not_issued', params: { status } });
      }
    }
    const dismissed = sources();
    expect(() => capAlert({ ...dismissed, alert: { ...dismissed.alert, status: 'dismissed', history: dismissed.alert.history.slice(0, 2) } })).toThrow(/only a verified alert/);
  });

  it('makes an Update when an incident was opened and a Cancel when dismissed after verification, both referencing the Alert', () => {
    const base = sources();
    const first = capAlert(base);
    const again = capAlert(base);
    expect(again.xml).toBe(first.xml);
    const opened = capAlert({
      ...base,
      alert: { ...base.alert, status: 'incident_opened', incidentId: '0190a0b0-0000-7000-8000-000000000001', history: [...base.alert.history, { at: T0 + 3 * HOUR, by: 'u1', action: 'incident_opened' }] },
    });
    const update = parse(opened.xml);
    expect(update).toMatchObject({ msgType: 'Update', sent: '2026-12-04T19:00:00+08:00', incidents: '0190a0b0-0000-7000-8000-000000000001' });
    expect(update['references']).toBe(`urn:hcc:demo-hospital,${first.identifier},2026-12-04T18:00:00+08:00`);
    expect(update['identifier']).not.toBe(first.identifier);
    expect((update['info'] as Node[])[0]).toMatchObject({ certainty: 'Observed' });
    const cancelled = parse(capAlert({ ...base, alert: { ...base.alert, status: 'dismissed', outcome: 'Lab negative', history: [...base.alert.history, { at: T0 + 4 * HOUR, by: 'u1', action: 'dismissed' }] } }).xml);
    expect(cancelled).toMatchObject({ msgType: 'Cancel', references: update['references'] });
    expect((cancelled['info'] as Node[])[1]).toMatchObject({ responseType: 'AllClear', certainty: 'Unlikely', urgency: 'Past' });
    expect(String((cancelled['info'] as Node[])[1]?.['description'])).toContain('Dismissed: Lab negative');
  });

  it('refuses a space id that would break the CAP sender (no spaces, commas, < or &)', () => {
    expect(() => capAlert(sources({ space: { ...hospital, id: 'a,b' } }))).toThrow(/sender/);
  });
});
