import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../../src/domain/ids';
import type { Role } from '../../../src/domain/roles';
import { dayFromNumber } from '../../../src/domain/warning/daily-series';
import { startTestServer, storageKinds, type TestServer } from '../../fixtures/server';
import { eventually, makeStation, type Station } from '../../fixtures/sync';

const SPACE = 'demo-hospital';

/** Thirty days to today, alternating 4 and 6, and `last` today. */
function month(last: number): { date: string; value: number }[] {
  const today = Math.floor(Date.now() / 86_400_000);
  return Array.from({ length: 30 }, (_, i) => ({ date: dayFromNumber(today - 29 + i), value: i === 29 ? last : i % 2 ? 4 : 6 }));
}

describe.each(await storageKinds())('early warning on two workstations through a real server on %s', (storage) => {
  let server: TestServer;
  const stations: Station[] = [];

  beforeAll(async () => {
    server = await startTestServer({ storage });
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

  it('a spike imported on one desk raises one alert that both desks and the server hold alike; its check and incident reach the other desk', async () => {
    const a = await station(['incident_commander']);
    const b = await station(['operator']);
    const ed = newId();
    await a.ws.call('mutate', { name: 'indicator.define', args: { id: ed, name: '发热呼吸道症候群 急诊', source: 'ed_syndrome', method: 'ears_c1', group: 'respiratory' } });
    await a.ws.call('mutate', { name: 'observation.import', args: { indicatorId: ed, rows: month(20) } });
    await eventually(b.ws, () => b.ws.store.list('alert', SPACE).length === 1, 20_000);
    const [alert] = b.ws.store.list('alert', SPACE);
    expect(alert).toMatchObject({ grade: 'red', status: 'new', signals: [expect.objectContaining({ indicatorId: ed, value: 20, level: 'red' })] });
    expect(b.ws.store.list('observation', SPACE)).toHaveLength(30);
    // The same day entered again on the other desk, offline meanwhile, is the same row: no second alert, no duplicate.
    await b.ws.call('mutate', { name: 'observation.record', args: { indicatorId: ed, date: month(20)[29]?.date ?? '', value: 20 } });
    await b.ws.call('mutate', { name: 'alert.acknowledge', args: { id: alert?.id ?? '' } });
    await b.ws.call('mutate', { name: 'alert.verify', args: { id: alert?.id ?? '', note: '6 patients, one ward, influenza A on rapid test' } });
    await eventually(a.ws, () => a.ws.store.list('alert', SPACE)[0]?.status === 'verified', 20_000);
    const incidentId = newId();
    await a.ws.call('mutate', { name: 'alert.openIncident', args: { id: alert?.id ?? '', incidentId, name: 'Influenza A cluster' } });
    await eventually(b.ws, () => b.ws.store.list('incident', SPACE).some((i) => i.id === incidentId), 20_000);
    expect(b.ws.store.list('incident', SPACE).find((i) => i.id === incidentId)).toMatchObject({ discoveredAt: alert?.raisedAt, level: 'I', type: 'infectious_disease' });
    expect(a.ws.store.list('alert', SPACE)).toHaveLength(1);
    expect(a.ws.store.list('observation', SPACE)).toHaveLength(30);
  });

  it('refuses an operator setting up an indicator, and the desk takes it back with the reason', async () => {
    const op = await station(['operator']);
    const error = await op.ws.call('mutate', { name: 'indicator.define', args: { id: newId(), name: 'x', source: 'pharmacy_otc', method: 'ewma', group: 'g' } }).then(() => null, (e: unknown) => e);
    expect(error).not.toBeNull();
    expect(op.ws.store.list('indicator', SPACE).filter((i) => i.name === 'x')).toHaveLength(0);
  });
});
