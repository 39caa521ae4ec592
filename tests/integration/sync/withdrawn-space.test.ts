import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storageKinds, startTestServer, type TestServer } from '../../fixtures/server';
import { eventually, makeStation } from '../../fixtures/sync';
import { makeIncidentArgs } from '../../fixtures/workstation';
import { TcpProxy } from '../../chaos/tcp-proxy';

const KEPT = 'demo-hospital';
const TAKEN = 'second-hospital';

describe.each(await storageKinds())('a space withdrawn from a logged-in user, on %s', (storage) => {
  let srv: TestServer;
  beforeAll(async () => {
    srv = await startTestServer({ storage });
    await srv.createSpace({ id: TAKEN, name: 'Second hospital' });
  });
  afterAll(() => srv.close());

  it('keeps syncing the other space, purges the withdrawn one from the desk and shows its pending work as refused', async () => {
    const user = await srv.createUser({ spaces: [KEPT, TAKEN] });
    const net = new TcpProxy(Number(new URL(srv.url).port));
    const port = await net.listen();
    const s = makeStation();
    try {
      const { ws } = s;
      await ws.call('auth.login', { serverUrl: `http://127.0.0.1:${port}`, username: user.username, password: user.password });
      const kept = makeIncidentArgs({ name: 'Kept' });
      await ws.call('mutate', { name: 'incident.declare', args: kept });
      await ws.call('settings.update', { space: TAKEN });
      const synced = makeIncidentArgs({ name: 'Synced, then withdrawn' });
      await ws.call('mutate', { name: 'incident.declare', args: synced });
      await eventually(ws, () => ws.store.pendingCount() === 0 && ws.store.list('incident', TAKEN).length === 1);

      // Offline, the user keeps working in both spaces; meanwhile the second is taken from them.
      net.setMode('down');
      const stranded = makeIncidentArgs({ name: 'Made offline in the withdrawn space' });
      await ws.call('mutate', { name: 'incident.declare', args: stranded });
      await ws.call('settings.update', { space: KEPT });
      const later = makeIncidentArgs({ name: 'Made offline in the kept space' });
      await ws.call('mutate', { name: 'incident.declare', args: later });
      await srv.server.db.query('DELETE FROM user_space WHERE user_id = $1 AND space_id = $2', [user.id, TAKEN]);
      net.setMode('up');
      await ws.call('sync.now', {});

      await eventually(ws, () => ws.store.pendingCount() === 0 && ws.store.list('incident', TAKEN).length === 0, 20_000);
      expect(ws.store.list('incident', KEPT).map((i) => i.name).sort()).toEqual(['Kept', 'Made offline in the kept space']);
      expect(ws.store.cursors([TAKEN, KEPT])[TAKEN]).toBe(0);
      expect(ws.sync.account()?.spaces).toEqual([KEPT]);
      await eventually(ws, () => ws.sync.status().connection === 'online', 20_000);
      expect(ws.sync.status().rejected).toEqual([
        // Whichever says it first (the desk's purge or the server's answer to the push), the reason names the space.
        expect.objectContaining({ name: 'incident.declare', code: 'forbidden', message: expect.stringContaining(TAKEN) as unknown }),
      ]);
      // The kept space's offline work reached the server; the withdrawn space's did not.
      const onServer = await srv.server.db.query<{ space: string; name: string }>(
        `SELECT space, data->>'name' AS name FROM entity WHERE kind = 'incident' AND id = ANY($1::text[])`,
        [[later.id, stranded.id]],
      );
      expect(onServer).toEqual([{ space: KEPT, name: 'Made offline in the kept space' }]);
    } finally {
      await s.ws.close();
      s.cleanup();
      await net.close();
    }
  });
});
