import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../src/domain/roles';
import { startTestServer, storageKinds, type TestServer } from '../../fixtures/server';
import { eventually, makeStation, type Station } from '../../fixtures/sync';

const SPACE = 'demo-hospital';
const beds = { emergency: 5, icu: 1, general: 18, paediatric: 2 };

describe.each(await storageKinds())('district levels and neighbours\' beds on two workstations through a real server on %s', (storage) => {
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

  it('a level set and beds reported on one desk reach the other, and two desks setting one district converge on one record', async () => {
    const a = await station(['incident_commander']);
    const b = await station(['incident_commander']);
    await a.ws.call('mutate', { name: 'map.setDistrictWarning', args: { districtId: 'd-binhu', level: 'yellow' } });
    await a.ws.call('mutate', { name: 'map.reportNeighbourBeds', args: { hospitalId: 'h-tcm', available: beds } });
    await b.ws.call('mutate', { name: 'map.setDistrictWarning', args: { districtId: 'd-binhu', level: 'red' } });
    const levels = (s: Station) => s.ws.store.list('districtWarning', SPACE).map((d) => d.level);
    await eventually(a.ws, () => a.ws.store.pendingCount() === 0 && b.ws.store.pendingCount() === 0, 20_000);
    await eventually(b.ws, () => b.ws.store.list('neighbourHospital', SPACE).length === 1 && levels(a).length === 1 && levels(a)[0] === levels(b)[0], 20_000);
    // Both desks hold the one row the server kept (b's write reached it last).
    expect(levels(a)).toEqual(['red']);
    const region = await b.ws.call('map.region', {});
    expect(region.hospitals[0]?.available).toEqual(beds);
    expect(region.districts[0]?.districtId).toBe('d-binhu');
  });

  it('refuses a district level from an operator without command rights', async () => {
    const op = await station(['operator']);
    const error = await op.ws.call('mutate', { name: 'map.setDistrictWarning', args: { districtId: 'd-gaoxin', level: 'red' } }).then(() => null, (e: unknown) => e);
    expect(error).not.toBeNull();
    expect((await op.ws.call('map.region', {})).districts.find((d) => d.districtId === 'd-gaoxin')).toBeUndefined();
  });
});
