import { describe, expect, it } from 'vitest';
import { newId } from '../../../src/domain/ids';
import { storageKinds } from '../../fixtures/server';
import { eventually, makeStation, useStationsBehindProxies, type Station } from '../../fixtures/sync';
import { makeIncidentArgs } from '../../fixtures/workstation';

const SPACE = 'demo-hospital';

describe.each(await storageKinds())('two workstations syncing through a real server on %s', (storage) => {
  const rig = useStationsBehindProxies(storage, ['incident_commander']);
  /** A logged-in workstation behind its own proxy (`proxy`), so a test can cut its network. */
  const station = async () => {
    const { s, net } = await rig.station();
    return { s, proxy: net };
  };

  it('shows a change made on one workstation on the other without a reload', async () => {
    const { s: a } = await station();
    const { s: b } = await station();
    const args = makeIncidentArgs();
    await a.ws.call('mutate', { name: 'incident.declare', args });
    await eventually(b.ws, () => b.ws.store.list('incident', SPACE).some((i) => i.id === args.id));
    await eventually(a.ws, () => a.ws.store.pendingCount() === 0);
    expect(a.ws.sync.status()).toMatchObject({ connection: 'online', pending: 0, user: { username: rig.user.username } });
  });

  it('keeps working offline and converges after reconnecting, merging edits of different fields', async () => {
    const { s: a, proxy: cutA } = await station();
    const { s: b } = await station();
    const args = makeIncidentArgs({ name: 'Before' });
    await a.ws.call('mutate', { name: 'incident.declare', args });
    await eventually(b.ws, () => b.ws.store.list('incident', SPACE).some((i) => i.id === args.id));
    await eventually(a.ws, () => a.ws.store.pendingCount() === 0);

    cutA.setMode('down');
    await a.ws.call('mutate', { name: 'incident.rename', args: { id: args.id, name: 'Renamed offline' } });
    await eventually(a.ws, () => a.ws.sync.status().connection === 'offline');
    expect(a.ws.sync.status().pending).toBe(1);
    await b.ws.call('mutate', { name: 'incident.setLevel', args: { id: args.id, level: 'I', reason: 'second bus' } });
    await eventually(b.ws, () => b.ws.store.pendingCount() === 0);

    cutA.setMode('up');
    await a.ws.call('sync.now', {});
    const converged = (s: Station) => {
      const incident = s.ws.store.list('incident', SPACE).find((i) => i.id === args.id);
      return incident?.name === 'Renamed offline' && incident.level === 'I' && s.ws.store.pendingCount() === 0;
    };
    await eventually(a.ws, () => converged(a), 20_000);
    await eventually(b.ws, () => converged(b), 20_000);
  });

  it('rejects the second of two offline stock issues that together overdraw, and tells its user why', async () => {
    const { s: a, proxy: cutA } = await station();
    const { s: b, proxy: cutB } = await station();
    const id = newId();
    await a.ws.call('mutate', { name: 'stock.receive', args: { id, item: 'N95 masks', store: 'ED store', qty: 10 } });
    await eventually(b.ws, () => b.ws.store.list('stock', SPACE).some((x) => x.id === id));

    cutA.setMode('down');
    cutB.setMode('down');
    await a.ws.call('mutate', { name: 'stock.issue', args: { id, qty: 7 } });
    await b.ws.call('mutate', { name: 'stock.issue', args: { id, qty: 6 } });
    cutA.setMode('up');
    await a.ws.call('sync.now', {});
    await eventually(a.ws, () => a.ws.store.pendingCount() === 0, 20_000);
    cutB.setMode('up');
    await b.ws.call('sync.now', {});
    await eventually(b.ws, () => b.ws.sync.status().rejected.length === 1, 20_000);

    const [rejected] = b.ws.sync.status().rejected;
    expect(rejected).toMatchObject({ name: 'stock.issue', code: 'stock_negative' });
    expect(rejected?.message).toMatch(/only 3/);
    // The numbers behind the refusal, as the server saw them, for the banner to show.
    expect(rejected?.params).toEqual({ item: 'N95 masks', store: 'ED store', onHand: 3, requested: 6 });
    await eventually(b.ws, () => b.ws.store.list('stock', SPACE).find((x) => x.id === id)?.qty === 3);
    await eventually(a.ws, () => a.ws.store.list('stock', SPACE).find((x) => x.id === id)?.qty === 3);

    // They are kept with the refusal: a restarted desk still says exactly why.
    await b.ws.close();
    const reopened = b.reopen();
    expect(reopened.sync.status().rejected.map((r) => r.params)).toEqual([{ item: 'N95 masks', store: 'ED store', onHand: 3, requested: 6 }]);
  });

  it('resumes from its outbox after a restart and delivers pending work exactly once', async () => {
    const { s: a, proxy: cutA } = await station();
    const id = newId();
    cutA.setMode('down');
    await a.ws.call('mutate', { name: 'stock.receive', args: { id, item: 'Oxygen cylinders', store: 'Central', qty: 4 } });
    await a.ws.call('mutate', { name: 'stock.receive', args: { id, item: 'Oxygen cylinders', store: 'Central', qty: 5 } });
    await a.ws.close();
    cutA.setMode('up');
    const reopened = a.reopen();
    await eventually(reopened, () => reopened.store.pendingCount() === 0, 20_000);
    const [row] = await rig.server.server.db.query<{ qty: number }>("SELECT (data->>'qty')::int AS qty FROM entity WHERE kind = 'stock' AND id = $1", [id]);
    expect(row?.qty).toBe(9);
  });

  it('renews a token that is about to age out, without asking anyone to log in', async () => {
    const s = makeStation({ now: () => Date.now() + 11.5 * 60 * 60 * 1000 });
    rig.track(s);
    await s.ws.call('auth.login', { serverUrl: rig.server.url, username: rig.user.username, password: rig.user.password });
    const before = s.ws.store.getMeta('session');
    await s.ws.call('mutate', { name: 'incident.declare', args: makeIncidentArgs() });
    await eventually(s.ws, () => s.ws.store.pendingCount() === 0 && s.ws.store.getMeta('session') !== before, 20_000);
    expect(s.ws.sync.status().needsLogin).toBe(false);
  });

  it('keeps the work of a workstation too old for the server and tells its user to update', async () => {
    const s = makeStation({ sync: { pollMs: 500, protocolVersion: 0 } });
    rig.track(s);
    await s.ws.call('auth.login', { serverUrl: rig.server.url, username: rig.user.username, password: rig.user.password });
    await s.ws.call('mutate', { name: 'incident.declare', args: makeIncidentArgs() });
    await eventually(s.ws, () => s.ws.sync.status().updateRequired, 20_000);
    expect(s.ws.sync.status().pending).toBe(1);
    expect(s.ws.store.list('incident', SPACE)).toHaveLength(1);
  });
});
