import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { casualtyCounts, nextTagNumbers } from '../../../src/domain/casualties/casualties';
import { newId } from '../../../src/domain/ids';
import { startTestServer, storageKinds, type TestServer } from '../../fixtures/server';
import { eventually, makeStation, type Station } from '../../fixtures/sync';

const SPACE = 'demo-hospital';

describe.each(await storageKinds())('casualties entered on two desks at once through a real server on %s', (storage) => {
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

  async function station(): Promise<Station> {
    const user = await server.createUser({ roles: ['incident_commander'] });
    const s = makeStation();
    stations.push(s);
    await s.ws.call('auth.login', { serverUrl: server.url, username: user.username, password: user.password });
    return s;
  }

  it('generated tags never collide, and one pre-printed tag entered on both desks is one casualty: the later entry is refused with the reason', async () => {
    const a = await station();
    const b = await station();
    const incidentId = newId();
    await a.ws.call('mutate', { name: 'incident.declare', args: { id: incidentId, name: 'Bus crash, ring road', type: 'mass_casualty', level: 'II', discoveredAt: Date.now() } });
    await eventually(b.ws, () => b.ws.store.list('incident', SPACE).length === 1, 20_000);
    await Promise.all([
      a.ws.call('mutate', { name: 'casualty.registerBatch', args: { incidentId, tagNos: nextTagNumbers('A', [], 10), category: 'minor', area: 'Green' } }),
      b.ws.call('mutate', { name: 'casualty.registerBatch', args: { incidentId, tagNos: nextTagNumbers('B', [], 10), category: 'minor', area: 'Green' } }),
      a.ws.call('mutate', { name: 'casualty.register', args: { incidentId, tagNo: 'HZ-0001', category: 'immediate', area: 'Resus 1' } }),
      b.ws.call('mutate', { name: 'casualty.register', args: { incidentId, tagNo: 'hz-0001', category: 'delayed', area: 'Yellow' } }),
    ]);
    const settled = () => a.ws.store.pendingCount() === 0 && b.ws.store.pendingCount() === 0;
    await eventually(a.ws, settled, 20_000);
    await eventually(b.ws, () => b.ws.store.list('casualty', SPACE).length === 21 && a.ws.store.list('casualty', SPACE).length === 21, 20_000);
    const counts = casualtyCounts(a.ws.store.list('casualty', SPACE));
    expect(counts.total).toBe(21);
    expect(counts.byCategory.minor).toBe(20);
    const statuses = await Promise.all([a.ws.call('sync.status', {}), b.ws.call('sync.status', {})]);
    const refused = statuses.flatMap((s) => s.rejected);
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({ name: 'casualty.register', code: 'already_exists' });
    expect(JSON.stringify(a.ws.store.list('casualty', SPACE))).toEqual(JSON.stringify(b.ws.store.list('casualty', SPACE)));
  });
});
