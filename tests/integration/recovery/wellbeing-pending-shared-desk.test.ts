import { beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../../src/domain/ids';
import { storageKinds, type TestUser } from '../../fixtures/server';
import { rowsAtRest } from '../../fixtures/workstation';
import { eventually, makeStation, useStationsBehindProxies, type Station } from '../../fixtures/sync';

const SPACE = 'demo-hospital';
/** The person the lead checked in on while offline; the name may reach no other user of the desk. */
const PERSON = '周晓梅';

describe.each(await storageKinds())('a wellbeing lead’s check-in left unsent on a shared desk, on %s', (storage) => {
  // The rig's own account is the wellbeing lead; the desk reaches the server through a proxy the test can cut.
  const rig = useStationsBehindProxies(storage, ['wellbeing_lead']);
  let commander: TestUser;
  let operator: TestUser;
  const incidentId = newId();

  beforeAll(async () => {
    commander = await rig.server.createUser({ roles: ['incident_commander'] });
    operator = await rig.server.createUser({ roles: ['operator'] });
    const c = rig.track(makeStation());
    await c.ws.call('auth.login', { serverUrl: rig.server.url, username: commander.username, password: commander.password });
    await c.ws.call('mutate', { name: 'incident.declare', args: { id: incidentId, name: 'Bus crash', type: 'mass_casualty', level: 'II', discoveredAt: Date.now() } });
    await eventually(c.ws, () => c.ws.store.pendingCount() === 0, 20_000);
  });

  it('is readable by no later user of the desk, neither on screen nor in its rows, and is sent once, as the lead’s, when the lead is back', async () => {
    const { s, net } = await rig.station();
    const url = `http://127.0.0.1:${await portOf(s)}`;
    await eventually(s.ws, () => s.ws.store.list('incident', SPACE).length === 1 && s.ws.sync.status().connection === 'online', 20_000);
    net.setMode('down');
    const checkIn = newId();
    await s.ws.call('mutate', { name: 'wellbeing.checkIn', args: { id: checkIn, incidentId, person: PERSON, unit: '急诊科', zone: 'red', reportedBy: 'self', needs: ['rest'] } });
    await s.ws.call('auth.logout', {});
    net.setMode('up');

    await s.ws.call('auth.login', { serverUrl: url, username: operator.username, password: operator.password });
    // The operator's own work makes the desk pull and replay the pending work on the server's rows.
    await s.ws.call('mutate', { name: 'wellbeing.checkIn', args: { id: newId(), incidentId, person: '王磊', unit: '急诊科', zone: 'green', reportedBy: 'peer', needs: [] } });
    await eventually(s.ws, () => s.ws.sync.status().pending === 1 && s.ws.store.list('wellbeingTally', SPACE)[0]?.units['急诊科']?.green === 1, 20_000);
    await s.ws.call('sync.now', {});
    expect(s.ws.sync.status().waiting.map((w) => [w.userId, w.count])).toEqual([[rig.user.id, 1]]);
    expect(s.ws.store.list('wellbeingCheckIn', SPACE)).toEqual([]);
    expect(rowsAtRest(s.dataDir)).not.toContain(PERSON);
    const seen = await s.ws.call('recovery.get', { incidentId });
    expect(seen.wellbeing).toMatchObject({ mayRead: false, checkIns: [] });

    await s.ws.call('auth.logout', {});
    await s.ws.call('auth.login', { serverUrl: url, username: rig.user.username, password: rig.user.password });
    await eventually(s.ws, () => s.ws.sync.status().pending === 0 && s.ws.store.list('wellbeingCheckIn', SPACE).some((c) => c.id === checkIn), 20_000);
    const audit = await rig.server.server.db.query<{ user_id: string; result: string }>(
      "SELECT user_id, result FROM audit WHERE args->>'id' = $1 ORDER BY seq",
      [checkIn],
    );
    expect(audit).toEqual([{ user_id: rig.user.id, result: 'applied' }]);
  }, 120_000);
});

/** The port of the proxy the rig logged the desk in through, from the session the desk keeps. */
async function portOf(s: Station): Promise<string> {
  const status = await s.ws.call('sync.status', {});
  return new URL(status.serverUrl ?? '').port;
}
