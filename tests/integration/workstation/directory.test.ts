import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiEvent } from '../../../src/contract/api';
import { DIRECTORY_CHANGED_KIND, type DirectoryEntry } from '../../../src/contract/directory';
import type { Workstation } from '../../../src/workstation/workstation';
import { TcpProxy } from '../../chaos/tcp-proxy';
import { startTestServer, type TestServer, type TestUser } from '../../fixtures/server';
import { eventually, makeStation, type Station } from '../../fixtures/sync';
import { withWorkstation } from '../../fixtures/workstation';

const names = (users: readonly DirectoryEntry[]) => Object.fromEntries(users.map((u) => [u.id, u.displayName]));
const usersOn = async (ws: Workstation) => (await ws.call('directory.users', {})).users;

/** Collects the `changed` events naming the directory. */
function directoryEvents(ws: Workstation): ApiEvent[] {
  const seen: ApiEvent[] = [];
  ws.subscribe((event) => {
    if (event.type === 'changed' && event.kinds.includes(DIRECTORY_CHANGED_KIND)) seen.push(event);
  });
  return seen;
}

describe('the workstation copy of the user directory', () => {
  let srv: TestServer;
  let wang: TestUser;
  let chen: TestUser;
  const stations: Station[] = [];
  const proxies: TcpProxy[] = [];
  beforeAll(async () => {
    srv = await startTestServer({ storage: 'pglite' });
    wang = await srv.createUser({ username: 'dr-wang', displayName: '王医生', roles: ['incident_commander'] });
    chen = await srv.createUser({ username: 'officer-chen', displayName: 'Duty Officer Chen', roles: ['operator'] });
  });
  afterAll(async () => {
    for (const s of stations) {
      await s.ws.close();
      s.cleanup();
    }
    for (const p of proxies) await p.close();
    await srv.close();
  });

  async function loggedIn(options: Parameters<typeof makeStation>[0] = {}): Promise<Station> {
    const s = makeStation(options);
    stations.push(s);
    await s.ws.call('auth.login', { serverUrl: srv.url, username: wang.username, password: wang.password });
    return s;
  }

  it('is empty on a workstation that never logged in', async () => {
    await withWorkstation(async (ws) => {
      expect(await usersOn(ws)).toEqual([]);
    });
  });

  it('fetches the space directory after login, announces it, and still serves it offline after a restart', async () => {
    // Through a proxy, so the restarted desk can be kept from the server.
    const net = new TcpProxy(Number(new URL(srv.url).port));
    proxies.push(net);
    const port = await net.listen();
    const s = makeStation();
    stations.push(s);
    const events = directoryEvents(s.ws);
    await s.ws.call('auth.login', { serverUrl: `http://127.0.0.1:${port}`, username: wang.username, password: wang.password });
    await eventually(s.ws, () => s.ws.directory.list('demo-hospital').length >= 2, 15_000);
    expect(names(await usersOn(s.ws))).toMatchObject({ [wang.id]: '王医生', [chen.id]: 'Duty Officer Chen' });
    expect(events.length).toBeGreaterThan(0);

    net.setMode('down');
    await s.ws.close();
    s.reopen();
    const offline = await usersOn(s.ws);
    expect(names(offline)).toMatchObject({ [wang.id]: '王医生', [chen.id]: 'Duty Officer Chen' });
    expect(offline.find((u) => u.id === chen.id)).toEqual({ id: chen.id, username: 'officer-chen', displayName: 'Duty Officer Chen', roles: ['operator'], granted: true });
    await eventually(s.ws, () => s.ws.sync.status().connection === 'offline', 15_000);
    expect(names(await usersOn(s.ws))).toMatchObject({ [wang.id]: '王医生', [chen.id]: 'Duty Officer Chen' });
  });

  it('takes in renames and withdrawn grants at the next refresh, keeping the name of someone who left', async () => {
    const s = await loggedIn({ sync: { pollMs: 200, directoryRefreshMs: 300 } });
    await eventually(s.ws, () => s.ws.directory.list('demo-hospital').some((u) => u.id === chen.id), 15_000);
    const events = directoryEvents(s.ws);
    const leaver = await srv.createUser({ username: 'nurse-li', displayName: '李护士' });
    await eventually(s.ws, () => s.ws.directory.list('demo-hospital').some((u) => u.id === leaver.id), 15_000);

    await srv.server.db.query('UPDATE app_user SET display_name = $2 WHERE id = $1', [chen.id, '陈值班员']);
    await srv.server.db.query('DELETE FROM user_space WHERE user_id = $1', [leaver.id]);
    const entry = (id: string) => s.ws.directory.list('demo-hospital').find((u) => u.id === id);
    await eventually(s.ws, () => entry(chen.id)?.displayName === '陈值班员' && entry(leaver.id)?.granted === false, 15_000);
    expect(entry(leaver.id)?.displayName).toBe('李护士');
    expect(events.length).toBeGreaterThanOrEqual(2);
  });

  it('does not fetch again within the refresh interval after every pull', async () => {
    const s = await loggedIn({ sync: { pollMs: 100 } });
    await eventually(s.ws, () => s.ws.directory.list('demo-hospital').length >= 2, 15_000);
    const before = s.ws.directory.list('demo-hospital');
    await srv.server.db.query('UPDATE app_user SET display_name = $2 WHERE id = $1', [wang.id, '王主任']);
    // Several polls go by; the five-minute interval keeps the old name.
    const pullsDone = s.ws.sync.status().lastSyncedAt ?? 0;
    await eventually(s.ws, () => (s.ws.sync.status().lastSyncedAt ?? 0) > pullsDone + 300, 15_000);
    expect(s.ws.directory.list('demo-hospital')).toEqual(before);
    await srv.server.db.query('UPDATE app_user SET display_name = $2 WHERE id = $1', [wang.id, '王医生']);
  });
});
