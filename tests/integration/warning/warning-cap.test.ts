import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { newId } from '../../../src/domain/ids';
import { dayFromNumber } from '../../../src/domain/warning/daily-series';
import { validateXml } from '../../../src/node/xml-schema';
import { rememberSpaces } from '../../../src/workstation/space-store';
import type { Workstation } from '../../../src/workstation/workstation';
import { withWorkstation } from '../../fixtures/workstation';

const SPACE = 'demo-hospital';

/** Thirty days to today (UTC), alternating 4 and 6, and `last` today: EARS C1 calls 20 red. */
function month(last: number): { date: string; value: number }[] {
  const today = Math.floor(Date.now() / 86_400_000);
  return Array.from({ length: 30 }, (_, i) => ({ date: dayFromNumber(today - 29 + i), value: i === 29 ? last : i % 2 ? 4 : 6 }));
}

/** An ED indicator feeding `districtId`, a spike imported, and the alert it raised. */
async function raisedAlert(ws: Workstation, districtId?: string): Promise<{ indicatorId: string; alertId: string }> {
  const indicatorId = newId();
  await ws.call('mutate', { name: 'indicator.define', args: { id: indicatorId, name: 'ED fever + respiratory', source: 'ed_syndrome', method: 'ears_c1', group: 'respiratory', ...(districtId ? { districtId } : {}) } });
  await ws.call('mutate', { name: 'observation.import', args: { indicatorId, rows: month(20) } });
  const [alert] = ws.store.list('alert', SPACE);
  if (!alert) throw new Error('the spike raised no alert');
  return { indicatorId, alertId: alert.id };
}

async function verify(ws: Workstation, alertId: string): Promise<void> {
  await ws.call('mutate', { name: 'alert.acknowledge', args: { id: alertId } });
  await ws.call('mutate', { name: 'alert.verify', args: { id: alertId, note: '6 patients, one ward, influenza A on rapid test' } });
}

type Node = Record<string, unknown>;
const capOf = (xml: string) => (new XMLParser({ isArray: (name) => ['info', 'area'].includes(name) }).parse(xml) as { alert: Node }).alert;

describe('CAP 1.2 export through the workstation core (xmllint, OASIS CAP-v1.2.xsd)', { timeout: 60_000 }, () => {
  it('refuses an alert nobody verified, and exports the verified one as a valid Alert, then a valid Update once an incident opens', async () => {
    await withWorkstation(async (ws) => {
      const { alertId } = await raisedAlert(ws, 'd-chengnan');
      expect(await ws.handle('exchange.capExport', { alertId })).toMatchObject({ ok: false, error: { code: 'alert_not_issued', params: { status: 'new' } } });
      await ws.call('mutate', { name: 'alert.acknowledge', args: { id: alertId } });
      expect(await ws.handle('exchange.capExport', { alertId })).toMatchObject({ ok: false, error: { code: 'alert_not_issued', params: { status: 'checking' } } });
      expect(await ws.handle('exchange.capExport', { alertId: newId() })).toMatchObject({ ok: false, error: { code: 'not_found' } });

      await ws.call('mutate', { name: 'alert.verify', args: { id: alertId, note: 'influenza A on rapid test' } });
      const issued = await ws.call('exchange.capExport', { alertId });
      expect(issued).toMatchObject({ msgType: 'Alert', fileName: `cap-${SPACE}-${alertId}-alert.xml` });
      expect(await validateXml(issued.xml, 'cap-1.2')).toEqual({ ok: true });
      const alert = capOf(issued.xml);
      expect(alert).toMatchObject({ status: 'Actual', msgType: 'Alert', scope: 'Restricted' });
      // The desk's zone (Asia/Shanghai by default) on every time.
      expect(String(alert['sent'])).toMatch(/\+08:00$/);
      expect((alert['info'] as Node[]).map((i) => [i['language'], (i['area'] as Node[])[0]?.['areaDesc']])).toEqual([['zh-CN', '城南区'], ['en', 'Chengnan District']]);

      await ws.call('mutate', { name: 'alert.openIncident', args: { id: alertId, incidentId: newId(), name: 'Influenza A cluster' } });
      const update = await ws.call('exchange.capExport', { alertId });
      expect(update.msgType).toBe('Update');
      expect(await validateXml(update.xml, 'cap-1.2')).toEqual({ ok: true });
      expect(String(capOf(update.xml)['references'])).toContain(String(alert['identifier']));
    });
  });

  it('says Exercise in an exercise space, and the document still validates', async () => {
    await withWorkstation(async (ws) => {
      rememberSpaces(ws.store, [{ id: SPACE, kind: 'exercise', name: 'Flu surge drill' }]);
      const { alertId } = await raisedAlert(ws);
      await verify(ws, alertId);
      const { xml } = await ws.call('exchange.capExport', { alertId });
      expect(await validateXml(xml, 'cap-1.2')).toEqual({ ok: true });
      expect(capOf(xml)).toMatchObject({ status: 'Exercise' });
      expect(String(capOf(xml)['note'])).toContain('Flu surge drill');
    });
  });
});

describe('district levels from warnings on a real SQLite desk', { timeout: 60_000 }, () => {
  const statusOf = async (ws: Workstation, districtId: string) => (await ws.call('map.region', {})).districtStatus.find((d) => d.districtId === districtId);

  it("colours a district by today's indicators and open alerts that name it; a hand-set level stands, marked manual, until handed back", async () => {
    await withWorkstation(async (ws) => {
      expect((await ws.call('map.region', {})).districtStatus.map((d) => [d.districtId, d.level, d.source])).toEqual([
        ['d-jiangbei', 'none', 'none'], ['d-binhu', 'none', 'none'], ['d-chengnan', 'none', 'none'], ['d-gaoxin', 'none', 'none'],
      ]);
      const { indicatorId, alertId } = await raisedAlert(ws, 'd-chengnan');
      const warned = await statusOf(ws, 'd-chengnan');
      expect(warned).toMatchObject({ level: 'red', source: 'warnings', warnings: { grade: 'red', indicators: [{ id: indicatorId, level: 'red' }], alerts: [{ id: alertId, grade: 'red' }] } });
      expect(await statusOf(ws, 'd-binhu')).toMatchObject({ level: 'none', source: 'none' });

      await ws.call('mutate', { name: 'map.setDistrictWarning', args: { districtId: 'd-chengnan', level: 'yellow' } });
      expect(await statusOf(ws, 'd-chengnan')).toMatchObject({ level: 'yellow', source: 'manual', manual: { level: 'yellow' }, warnings: { grade: 'red' } });

      await ws.call('mutate', { name: 'map.clearDistrictWarning', args: { districtId: 'd-chengnan' } });
      expect(await statusOf(ws, 'd-chengnan')).toMatchObject({ level: 'red', source: 'warnings' });
      expect(ws.store.list('districtWarning', SPACE)).toEqual([]);
    });
  });

  it('takes an open alert\'s grade even when the indicator is calm today, and lets it go when the alert is dismissed', async () => {
    await withWorkstation(async (ws) => {
      const { indicatorId, alertId } = await raisedAlert(ws, 'd-binhu');
      // Today's figure corrected back to normal: the indicator is green, but the alert is still open.
      const today = month(20).at(-1)?.date ?? '';
      await ws.call('mutate', { name: 'observation.record', args: { indicatorId, date: today, value: 5, replace: true } });
      expect(await statusOf(ws, 'd-binhu')).toMatchObject({ level: 'red', source: 'warnings', warnings: { indicators: [], alerts: [{ id: alertId }] } });
      await ws.call('mutate', { name: 'alert.dismiss', args: { id: alertId, reason: 'data entry error' } });
      expect(await statusOf(ws, 'd-binhu')).toMatchObject({ level: 'none', source: 'none' });
    });
  });
});
