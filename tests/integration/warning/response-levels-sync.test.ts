import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../../src/domain/ids';
import { dayFromNumber } from '../../../src/domain/warning/daily-series';
import type { Role } from '../../../src/domain/roles';
import { validateXml } from '../../../src/node/xml-schema';
import { exportCap } from '../../../src/server/exchange/cap-source';
import { startTestServer, type TestServer } from '../../fixtures/server';
import { eventually, makeStation, type Station } from '../../fixtures/sync';

const SPACE = 'demo-hospital';

function month(last: number): { date: string; value: number }[] {
  const today = Math.floor(Date.now() / 86_400_000);
  return Array.from({ length: 30 }, (_, i) => ({ date: dayFromNumber(today - 29 + i), value: i === 29 ? last : i % 2 ? 4 : 6 }));
}

describe('the grade → response level mapping on two desks through a real server on PGlite', { timeout: 120_000 }, () => {
  let server: TestServer;
  const stations: Station[] = [];

  beforeAll(async () => {
    server = await startTestServer({ storage: 'pglite' });
  });

  afterAll(async () => {
    for (const s of stations) {
      await s.ws.close();
      s.cleanup();
    }
    await server.close();
  });

  async function station(roles: Role[]): Promise<Station> {
    const user = await server.createUser({ roles });
    const s = makeStation();
    stations.push(s);
    await s.ws.call('auth.login', { serverUrl: server.url, username: user.username, password: user.password });
    return s;
  }

  it('syncs the mapping a commander sets, refuses an operator, and an incident opened from a red alert takes the mapped level', async () => {
    const a = await station(['incident_commander']);
    const b = await station(['operator']);
    expect(await b.ws.call('warning.responseLevels', {})).toMatchObject({ isDefault: true, levels: { red: 'I', orange: 'II', yellow: 'III', blue: 'IV' } });

    await a.ws.call('mutate', { name: 'warning.setResponseLevels', args: { levels: { red: 'II', orange: 'III', yellow: 'IV', blue: 'IV' } } });
    await eventually(b.ws, () => b.ws.store.list('warningSettings', SPACE).length === 1, 20_000);
    expect(await b.ws.call('warning.responseLevels', {})).toMatchObject({ isDefault: false, levels: { red: 'II', orange: 'III', yellow: 'IV', blue: 'IV' } });

    // An operator may not change it: refused on the desk already, and nothing changes.
    expect(await b.ws.handle('mutate', { name: 'warning.setResponseLevels', args: { levels: { red: 'I', orange: 'I', yellow: 'I', blue: 'I' } } })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await b.ws.call('warning.responseLevels', {})).levels.red).toBe('II');

    const ed = newId();
    await a.ws.call('mutate', { name: 'indicator.define', args: { id: ed, name: 'ED fever + respiratory', source: 'ed_syndrome', method: 'ears_c1', group: 'respiratory', districtId: 'd-jiangbei' } });
    await a.ws.call('mutate', { name: 'observation.import', args: { indicatorId: ed, rows: month(20) } });
    const [alert] = a.ws.store.list('alert', SPACE);
    expect(alert?.grade).toBe('red');
    await a.ws.call('mutate', { name: 'alert.acknowledge', args: { id: alert?.id ?? '' } });
    await a.ws.call('mutate', { name: 'alert.verify', args: { id: alert?.id ?? '', note: 'influenza A on rapid test' } });
    const incidentId = newId();
    await a.ws.call('mutate', { name: 'alert.openIncident', args: { id: alert?.id ?? '', incidentId, name: 'Influenza A cluster' } });
    expect(a.ws.store.list('incident', SPACE).find((i) => i.id === incidentId)?.level).toBe('II');
    await eventually(b.ws, () => b.ws.store.list('incident', SPACE).some((i) => i.id === incidentId), 20_000);
    expect(b.ws.store.list('incident', SPACE).find((i) => i.id === incidentId)).toMatchObject({ level: 'II', type: 'infectious_disease' });

    // The server's own copy: its CAP export (what `npm run server -- export-cap` writes) is an Update, valid, level II.
    const cap = await exportCap(server.server.db, { space: SPACE, alertId: alert?.id ?? '', timeZone: 'Asia/Shanghai' });
    expect(cap.msgType).toBe('Update');
    expect(await validateXml(cap.xml, 'cap-1.2')).toEqual({ ok: true });
    expect(cap.xml).toMatch(/<valueName>responseLevel<\/valueName>\s*<value>II<\/value>/);
    await expect(exportCap(server.server.db, { space: SPACE, alertId: newId() })).rejects.toThrow(/no alert/);
  });
});
