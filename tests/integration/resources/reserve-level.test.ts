import { describe, expect, it } from 'vitest';
import { newId } from '../../../src/domain/ids';
import { dayFromNumber } from '../../../src/domain/warning/daily-series';
import type { Workstation } from '../../../src/workstation/workstation';
import { makeIncidentArgs, withWorkstation } from '../../fixtures/workstation';

const SPACE = 'demo-hospital';
const mutate = (ws: Workstation, name: string, args: unknown) => ws.call('mutate', { name, args } as never);

/** 29 quiet days and a last day of `last` visits: a jump the EARS C1 method grades red. */
function month(last: number): { date: string; value: number }[] {
  const today = Math.floor(Date.now() / 86_400_000);
  return Array.from({ length: 30 }, (_, i) => ({ date: dayFromNumber(today - 29 + i), value: i === 29 ? last : i % 2 ? 4 : 6 }));
}

describe('the reserve quotas in force on a real SQLite file', () => {
  it('follow a verified warning before any incident, through the hospital’s grade → level mapping, and the higher of warning and incident', async () => {
    await withWorkstation(async (ws) => {
      const itemId = newId();
      await mutate(ws, 'stock.saveItem', { id: itemId, name: 'N95 masks', category: 'ppe', unit: 'box', par: 100, yellowAt: 50, redAt: 10 });
      await mutate(ws, 'stock.setReserveQuota', { itemId, level: 'standing', quota: { basis: 'units', amount: 20 } });
      await mutate(ws, 'stock.setReserveQuota', { itemId, level: 'II', quota: { basis: 'units', amount: 200 } });
      await mutate(ws, 'stock.receive', { id: newId(), item: 'N95 masks', store: 'Central store', qty: 60 });
      const reserves = (incidentId: string | null = null) => ws.call('resources.reserves', { incidentId });
      expect(await reserves()).toMatchObject({ level: 'standing', basis: { kind: 'standing' }, rows: [{ item: 'N95 masks', required: 20, status: 'green' }] });

      // A red signal is raised: nothing moves until a person has verified it.
      const ed = newId();
      await mutate(ws, 'indicator.define', { id: ed, name: 'ED fever + respiratory', source: 'ed_syndrome', method: 'ears_c1', group: 'respiratory', districtId: 'd-jiangbei' });
      await mutate(ws, 'observation.import', { indicatorId: ed, rows: month(20) });
      const [alert] = ws.store.list('alert', SPACE);
      expect(alert?.grade).toBe('red');
      await mutate(ws, 'alert.acknowledge', { id: alert?.id });
      expect((await reserves()).level).toBe('standing');
      await mutate(ws, 'alert.verify', { id: alert?.id, note: 'influenza A on rapid test' });
      // Red maps to I by default; I has no quota of its own, so the standing one applies at I.
      expect(await reserves()).toMatchObject({ level: 'I', basis: { kind: 'warning', level: 'I', grade: 'red' }, rows: [{ quotaFrom: 'standing' }] });

      // The hospital maps red to II: the II quota, which the stock is short of, is in force.
      await mutate(ws, 'warning.setResponseLevels', { levels: { red: 'II', orange: 'III', yellow: 'IV', blue: 'IV' } });
      expect(await reserves()).toMatchObject({ level: 'II', basis: { kind: 'warning', grade: 'red' }, rows: [{ required: 200, status: 'red' }] });
      // The wall's one resources read lists the same shortage.
      expect((await ws.call('resources.summary', { incidentId: null })).reserves).toEqual({ withQuota: 1, short: [{ itemId, item: 'N95 masks', onHand: 60, required: 200, unit: 'box', status: 'red' }] });

      // An incident at a lower level leaves the warning's quotas in force; one at a higher level takes over.
      const minor = makeIncidentArgs({ level: 'IV' });
      await mutate(ws, 'incident.declare', minor);
      expect((await reserves(minor.id)).basis).toEqual({ kind: 'warning', level: 'II', grade: 'red' });
      const major = makeIncidentArgs({ level: 'I' });
      await mutate(ws, 'incident.declare', major);
      expect((await reserves(major.id)).basis).toEqual({ kind: 'incident', level: 'I' });

      // Dismissed (or turned into an incident), the warning raises nothing any more.
      await mutate(ws, 'alert.dismiss', { id: alert?.id, reason: 'false positive: one family cluster' });
      expect((await reserves(minor.id)).basis).toEqual({ kind: 'incident', level: 'IV' });
    });
  });
});
