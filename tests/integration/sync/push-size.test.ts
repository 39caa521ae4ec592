import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../../src/domain/ids';
import { startTestServer, storageKinds, type TestServer, type TestUser } from '../../fixtures/server';
import { eventually, makeStation, type Station } from '../../fixtures/sync';

const SPACE = 'demo-hospital';

function importArgs(rows: number, tag: string) {
  return {
    rows: Array.from({ length: rows }, (_, i) => ({
      item: `${tag} item ${i}`, category: 'ppe' as const, unit: 'box', store: `${tag} store`, qty: 10, par: 20, yellowAt: 5, redAt: 2, levelId: newId(),
    })),
  };
}

describe.each(await storageKinds())('pushes cut to fit the server\'s body limit, on %s', (storage) => {
  let srv: TestServer;
  let user: TestUser;
  const stations: Station[] = [];
  beforeAll(async () => {
    // A server with a small body limit stands for any limit smaller than what a desk queued while offline.
    srv = await startTestServer({ storage, server: { bodyLimit: 64 * 1024 } });
    user = await srv.createUser();
  });
  afterAll(async () => {
    for (const s of stations) {
      await s.ws.close();
      s.cleanup();
    }
    await srv.close();
  });

  it('sends twenty imports queued offline in pieces the server accepts, and refuses only the one too large for any push', async () => {
    const s = makeStation();
    stations.push(s);
    // Queued before the desk logs in, as they would be offline: 20 imports of ~7 kB and one of ~250 kB.
    for (let i = 0; i < 20; i++) {
      await s.ws.call('mutate', { name: 'stock.import', args: importArgs(30, `batch${i}`) });
      if (i === 9) await s.ws.call('mutate', { name: 'stock.import', args: importArgs(1_000, 'huge') });
    }
    expect(s.ws.store.pendingCount()).toBe(21);
    await s.ws.call('auth.login', { serverUrl: srv.url, username: user.username, password: user.password });

    await eventually(s.ws, () => s.ws.store.pendingCount() === 0 && s.ws.sync.status().connection === 'online', 60_000);
    const [applied] = await srv.server.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit WHERE result = 'applied' AND name = 'stock.import'`,
    );
    expect(applied?.n).toBe(20);
    const status = s.ws.sync.status();
    expect(status.connection).toBe('online');
    expect(status.rejected).toEqual([expect.objectContaining({ mutationId: 11, name: 'stock.import', code: 'too_large' })]);
    // The refused import's optimistic rows are gone; every other import's rows are there.
    const stores = new Set(s.ws.store.list('stock', SPACE).map((l) => l.store));
    expect(stores.has('huge store')).toBe(false);
    expect(stores.size).toBe(20);
    const [withdrawn] = await srv.server.db.query<{ code: string }>(`SELECT code FROM audit WHERE mutation_id = 11`);
    expect(withdrawn?.code).toBe('withdrawn');
  }, 120_000);
});
