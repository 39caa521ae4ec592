import { describe, expect, it } from 'vitest';
import { storageKinds } from '../../fixtures/server';
import { eventually, useStationsBehindProxies } from '../../fixtures/sync';
import { makeIncidentArgs } from '../../fixtures/workstation';

const SPACE = 'demo-hospital';
/** Far beyond any wait here (10 s at most): whatever these desks notice, they notice through the poke socket, not a poll. */
const NO_POLL = { pollMs: 3_600_000, socketHeartbeatMs: 200 };

describe.each(await storageKinds())('a desk notices a lost link to the server at once, not at its next poll, on %s', (storage) => {
  const rig = useStationsBehindProxies(storage, ['incident_commander']);

  /** A desk behind its own proxy whose poke socket is proven open: a change from another desk reaches it unpolled. */
  const linkedDesk = async () => {
    const { s: desk, net } = await rig.station({ sync: NO_POLL });
    const { s: other } = await rig.station();
    await eventually(desk.ws, () => desk.ws.sync.status().connection === 'online');
    const args = makeIncidentArgs();
    await other.ws.call('mutate', { name: 'incident.declare', args });
    await eventually(desk.ws, () => desk.ws.store.list('incident', SPACE).some((i) => i.id === args.id));
    return { desk, net };
  };

  it('shows offline as soon as the connection is cut, and online again when the link is back', async () => {
    const { desk, net } = await linkedDesk();
    net.setMode('down');
    await eventually(desk.ws, () => desk.ws.sync.status().connection === 'offline');
    net.setMode('up');
    await eventually(desk.ws, () => desk.ws.sync.status().connection === 'online', 15_000);
  });

  it('shows offline when the link goes silent with the connection left open (a pulled cable), by a missed ping', async () => {
    const { desk, net } = await linkedDesk();
    net.setMode('silent');
    await eventually(desk.ws, () => desk.ws.sync.status().connection === 'offline');
    // Work goes on meanwhile and is kept for later.
    await desk.ws.call('mutate', { name: 'incident.declare', args: makeIncidentArgs() });
    expect(desk.ws.sync.status().pending).toBe(1);
    net.setMode('up');
    await desk.ws.call('sync.now', {});
    await eventually(desk.ws, () => desk.ws.sync.status().connection === 'online' && desk.ws.store.pendingCount() === 0, 20_000);
  });
});
