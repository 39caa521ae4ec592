import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../../src/domain/ids';
import { TcpProxy } from '../../chaos/tcp-proxy';
import { startTestServer, storageKinds, type TestServer, type TestUser } from '../../fixtures/server';
import { eventually, makeStation, type Station } from '../../fixtures/sync';
import { makeIncidentArgs } from '../../fixtures/workstation';

type AuditRow = { user_id: string; result: string; code: string | null; handed_over: { from: string } | null };

describe.each(await storageKinds())('a desk shared by users in turn on %s', (storage) => {
  let server: TestServer;
  let alice: TestUser;
  let bob: TestUser;
  const stations: Station[] = [];
  const proxies: TcpProxy[] = [];
  beforeAll(async () => {
    server = await startTestServer({ storage });
    // Alice commands; Bob is an operator, who may not declare an incident.
    alice = await server.createUser({ displayName: 'Alice Chen', roles: ['incident_commander'] });
    bob = await server.createUser({ displayName: 'Bob Li', roles: ['operator'] });
  });
  afterAll(async () => {
    for (const s of stations) {
      await s.ws.close();
      s.cleanup();
    }
    for (const p of proxies) await p.close();
    await server.close();
  });

  const desk = async () => {
    const net = new TcpProxy(Number(new URL(server.url).port));
    const url = `http://127.0.0.1:${await net.listen()}`;
    proxies.push(net);
    const s = makeStation();
    stations.push(s);
    const login = (user: TestUser) => s.ws.call('auth.login', { serverUrl: url, username: user.username, password: user.password });
    return { s, net, login };
  };
  const auditOf = async (id: string) =>
    server.server.db.query<AuditRow>('SELECT user_id, result, code, handed_over FROM audit WHERE args->>\'id\' = $1 ORDER BY seq', [id]);

  /** Alice works offline, logs out while still offline, and Bob logs in on the same desk once the link is back. */
  const aliceLeavesWork = async (work: (ws: Station['ws']) => Promise<unknown>) => {
    const d = await desk();
    await d.login(alice);
    await eventually(d.s.ws, () => d.s.ws.sync.status().connection === 'online', 20_000);
    d.net.setMode('down');
    await work(d.s.ws);
    await d.s.ws.call('auth.logout', {});
    d.net.setMode('up');
    await d.login(bob);
    return d;
  };

  it('keeps Alice\'s offline work waiting for her while Bob works, then sends it as hers, judged under her roles', async () => {
    const incident = makeIncidentArgs();
    const { s, login } = await aliceLeavesWork((ws) => ws.call('mutate', { name: 'incident.declare', args: incident }));
    const stock = newId();
    await s.ws.call('mutate', { name: 'stock.receive', args: { id: stock, item: 'Saline', store: 'ED', qty: 3 } });
    await eventually(s.ws, () => s.ws.sync.status().pending === 1, 20_000);

    expect(s.ws.sync.status().waiting).toEqual([{ userId: alice.id, displayName: 'Alice Chen', count: 1 }]);
    expect(await auditOf(incident.id)).toEqual([]);
    expect(await auditOf(stock)).toEqual([{ user_id: bob.id, result: 'applied', code: null, handed_over: null }]);

    await s.ws.call('auth.logout', {});
    await login(alice);
    await eventually(s.ws, () => s.ws.sync.status().pending === 0, 20_000);
    // Under Bob's role the declaration would have been refused: it is applied because it is judged as Alice's.
    expect(await auditOf(incident.id)).toEqual([{ user_id: alice.id, result: 'applied', code: null, handed_over: null }]);
    expect(s.ws.sync.status().waiting).toEqual([]);
  });

  it('hands Alice\'s pending work to Bob on request: sent as his, and the audit says whom it came from', async () => {
    const stock = newId();
    const { s } = await aliceLeavesWork((ws) => ws.call('mutate', { name: 'stock.receive', args: { id: stock, item: 'Gauze', store: 'ED', qty: 7 } }));
    await eventually(s.ws, () => s.ws.sync.status().connection === 'online', 20_000);
    expect(s.ws.sync.status().waiting).toEqual([{ userId: alice.id, displayName: 'Alice Chen', count: 1 }]);

    const status = await s.ws.call('sync.handOver', { from: alice.id });
    expect(status.waiting).toEqual([]);
    await eventually(s.ws, () => s.ws.sync.status().pending === 0, 20_000);
    expect(await auditOf(stock)).toEqual([{ user_id: bob.id, result: 'applied', code: null, handed_over: expect.objectContaining({ from: alice.id }) as unknown }]);
  });
});
