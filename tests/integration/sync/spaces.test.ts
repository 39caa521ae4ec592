import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiEvent } from '../../../src/contract/api';
import { startTestServer, storageKinds, type TestServer } from '../../fixtures/server';
import { makeStation, type Station } from '../../fixtures/sync';
import { TcpProxy } from '../../chaos/tcp-proxy';

const DRILL = { id: 'drill-2026', name: 'Spring drill', kind: 'exercise' } as const;
const NORTH = { id: 'exercise-north', name: 'Exercise Road Hospital', kind: 'hospital' } as const;

describe.each(await storageKinds())('spaces as the server describes them, on a workstation (%s)', (storage) => {
  let server: TestServer;
  const stations: Station[] = [];
  const proxies: TcpProxy[] = [];
  beforeAll(async () => {
    server = await startTestServer({ storage });
    await server.createSpace(DRILL);
    await server.createSpace(NORTH);
  });
  afterAll(async () => {
    for (const s of stations) {
      await s.ws.close();
      s.cleanup();
    }
    for (const proxy of proxies) await proxy.close();
    await server.close();
  });

  function station(): Station {
    const s = makeStation();
    stations.push(s);
    return s;
  }

  it('moves a desk into the drill its user is granted and calls it an exercise by its kind, also offline after a restart and after logout', async () => {
    const user = await server.createUser({ spaces: [DRILL.id] });
    const net = new TcpProxy(Number(new URL(server.url).port));
    proxies.push(net);
    const serverUrl = `http://127.0.0.1:${await net.listen()}`;
    const s = station();
    const events: ApiEvent[] = [];
    s.ws.subscribe((event) => events.push(event));

    const status = await s.ws.call('auth.login', { serverUrl, username: user.username, password: user.password });
    expect(status.space).toEqual(DRILL);
    expect((await s.ws.call('settings.get', {})).space).toBe(DRILL.id);
    // Every screen re-reads: what it showed belonged to the space the desk has left.
    expect(events.some((e) => e.type === 'settings' && e.settings.space === DRILL.id)).toBe(true);
    const changed = events.find((e) => e.type === 'changed');
    expect(changed?.type === 'changed' && changed.kinds).toEqual(expect.arrayContaining(['incident', 'stock', 'rosterShift']));

    net.setMode('down');
    await s.ws.close();
    const again = s.reopen();
    expect((await again.call('sync.status', {})).space).toEqual(DRILL);
    expect((await again.call('auth.logout', {})).space).toEqual(DRILL);
  });

  it('keeps a hospital named "exercise-..." a hospital, and a desk whose user may work in its space stays there', async () => {
    const user = await server.createUser({ spaces: ['demo-hospital', NORTH.id] });
    const s = station();
    const status = await s.ws.call('auth.login', { serverUrl: server.url, username: user.username, password: user.password });
    expect(status.space).toEqual({ id: 'demo-hospital', kind: 'hospital', name: 'Demo hospital' });

    const events: ApiEvent[] = [];
    s.ws.subscribe((event) => events.push(event));
    await s.ws.call('settings.update', { space: NORTH.id });
    expect(events.some((e) => e.type === 'sync' && e.status.space.id === NORTH.id && e.status.space.kind === 'hospital')).toBe(true);
    expect((await s.ws.call('sync.status', {})).space).toEqual(NORTH);
  });

  it('keeps a desk logged in across the upgrade: a session stored before spaces were described still reads', async () => {
    const s = station();
    const before = {
      token: 'a-token-from-last-week',
      expiresAt: Date.now() + 3_600_000 * 6,
      user: { id: 'u1', username: 'duty', displayName: 'Duty officer', roles: ['operator'] },
      spaces: ['demo-hospital'],
      serverUrl: 'http://127.0.0.1:9',
    };
    await s.ws.queue.run(() => s.ws.store.setMeta('session', JSON.stringify(before)));
    await s.ws.close();
    const again = s.reopen();
    const status = await again.call('sync.status', {});
    expect(status.user).toMatchObject({ username: 'duty' });
    expect(status.space).toEqual({ id: 'demo-hospital', kind: 'hospital', name: 'demo-hospital' });
  });
});
