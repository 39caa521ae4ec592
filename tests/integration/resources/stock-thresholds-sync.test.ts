import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../../src/domain/ids';
import { startTestServer, storageKinds, type TestServer } from '../../fixtures/server';
import { eventually, makeStation, type Station } from '../../fixtures/sync';

const SPACE = 'demo-hospital';

describe.each(await storageKinds())('holding thresholds on two desks through a real server on %s', { timeout: 120_000 }, (storage) => {
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

  async function desk(): Promise<Station> {
    const user = await server.createUser({ roles: ['logistics_chief'] });
    const s = makeStation();
    stations.push(s);
    await s.ws.call('auth.login', { serverUrl: server.url, username: user.username, password: user.password });
    return s;
  }

  const level = (s: Station, id: string) => s.ws.store.list('stock', SPACE).find((l) => l.id === id);
  const row = async (s: Station, id: string) => (await s.ws.call('resources.stock', { windowDays: 7 })).rows.find((r) => r.id === id);

  it("carries one desk's thresholds for a holding to the other, keeps them through an issue there, and carries the revert back", async () => {
    const a = await desk();
    const b = await desk();
    const id = newId();
    await a.ws.call('mutate', { name: 'stock.saveItem', args: { id: newId(), name: 'N95 masks', category: 'ppe', unit: 'box', par: 100, yellowAt: 50, redAt: 10 } });
    await a.ws.call('mutate', { name: 'stock.receive', args: { id, item: 'N95 masks', store: 'Central store', qty: 60 } });
    await eventually(b.ws, () => level(b, id)?.qty === 60, 20_000);
    expect((await row(b, id))?.status).toBe('green');

    await a.ws.call('mutate', { name: 'stock.setThresholds', args: { id, thresholds: { yellowAt: 300, redAt: 100 } } });
    await eventually(b.ws, () => level(b, id)?.thresholds?.redAt === 100, 20_000);
    expect(await row(b, id)).toMatchObject({ status: 'red', holdingYellowAt: 300, holdingRedAt: 100, yellowAt: 50, redAt: 10 });

    await b.ws.call('mutate', { name: 'stock.issue', args: { id, qty: 5 } });
    await eventually(a.ws, () => level(a, id)?.qty === 55, 20_000);
    expect(level(a, id)?.thresholds).toEqual({ yellowAt: 300, redAt: 100 });

    await b.ws.call('mutate', { name: 'stock.setThresholds', args: { id, thresholds: null } });
    await eventually(a.ws, () => level(a, id)?.qty === 55 && level(a, id)?.thresholds === undefined, 20_000);
    expect(await row(a, id)).toMatchObject({ status: 'green', holdingYellowAt: null, holdingRedAt: null });
    await eventually(a.ws, () => a.ws.store.pendingCount() === 0, 20_000);
    await eventually(b.ws, () => b.ws.store.pendingCount() === 0, 20_000);
  });
});
