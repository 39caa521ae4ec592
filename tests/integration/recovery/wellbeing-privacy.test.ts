import { beforeAll, describe, expect, it } from 'vitest';
import { PullResponseSchema } from '../../../src/contract/sync';
import { newId } from '../../../src/domain/ids';
import { newClientId, post, pullBody, storageKinds, type TestUser } from '../../fixtures/server';
import { eventually, useLoggedInStations, type Station } from '../../fixtures/sync';

const SPACE = 'demo-hospital';
/** The person checked in on; the name may reach only the wellbeing lead's desk. */
const PERSON = '周晓梅';

describe.each(await storageKinds())('recovery syncs between desks, and individual wellbeing check-ins reach only the wellbeing lead, on %s', (storage) => {
  const rig = useLoggedInStations(storage);
  const desk = (user: TestUser) => rig.desk(user);
  let commander: TestUser;
  let operator: TestUser;
  let lead: TestUser;
  const incidentId = newId();

  beforeAll(async () => {
    commander = await rig.server.createUser({ roles: ['incident_commander'] });
    operator = await rig.server.createUser({ roles: ['operator'] });
    lead = await rig.server.createUser({ roles: ['wellbeing_lead'] });
  });

  const switchUser = async (s: Station, user: TestUser) => {
    await s.ws.call('auth.logout', {});
    await s.ws.call('auth.login', { serverUrl: rig.server.url, username: user.username, password: user.password });
  };

  const checkIns = (s: Station) => s.ws.store.list('wellbeingCheckIn', SPACE);
  const tallied = (s: Station) => s.ws.store.list('wellbeingTally', SPACE)[0]?.units['急诊科'];

  it('carries check-outs and cost lines from the commander’s desk to an operator’s once the incident is demobilising', async () => {
    const c = await desk(commander);
    await c.ws.call('mutate', { name: 'incident.declare', args: { id: incidentId, name: 'Bus crash', type: 'mass_casualty', level: 'II', discoveredAt: Date.now() } });
    await c.ws.call('mutate', { name: 'assignment.assign', args: { id: newId(), incidentId, period: 1, positionId: 'ops', person: PERSON } });
    await c.ws.call('mutate', { name: 'incident.demobilise', args: { id: incidentId, reason: 'Last casualty seen' } });
    await c.ws.call('mutate', { name: 'demob.tick', args: { incidentId, person: PERSON, item: 'equipment_returned', done: true } });
    await c.ws.call('mutate', {
      name: 'cost.add',
      args: { id: newId(), incidentId, date: Date.now(), item: 'N95 respirators', vendor: 'Huadong Medical', category: 'medical_supplies', quantity: 200, unitCost: 3.5, requestedBy: 'ED', approvedBy: 'Finance chief' },
    });
    await eventually(c.ws, () => c.ws.store.pendingCount() === 0, 20_000);

    const o = await desk(operator);
    await eventually(o.ws, () => o.ws.store.list('costLine', SPACE).length === 1 && o.ws.store.list('demobCheckout', SPACE).length === 1, 20_000);
    await o.ws.call('mutate', { name: 'demob.tick', args: { incidentId, person: PERSON, item: 'handover_done', done: true } });
    await eventually(o.ws, () => o.ws.store.pendingCount() === 0, 20_000);
    await eventually(c.ws, () => Object.keys(c.ws.store.list('demobCheckout', SPACE)[0]?.items ?? {}).length === 2, 20_000);
    const recovery = await c.ws.call('recovery.get', { incidentId });
    expect(recovery.people).toEqual([expect.objectContaining({ name: PERSON, positions: ['ops'] })]);
    expect(recovery.progress).toEqual({ people: 1, done: 0, ticked: 2, items: 6 });
    expect(recovery.costs.total).toBe(700);
  });

  it('never sends an operator’s desk a check-in, even one it recorded itself, and gives it the unit tally instead; the lead receives it', async () => {
    const o = await desk(operator);
    await eventually(o.ws, () => o.ws.store.list('incident', SPACE).length === 1, 20_000);
    await o.ws.call('mutate', { name: 'wellbeing.checkIn', args: { id: newId(), incidentId, person: PERSON, unit: '急诊科', zone: 'orange', reportedBy: 'peer', needs: ['rest'] } });
    await eventually(o.ws, () => o.ws.store.pendingCount() === 0 && tallied(o)?.orange === 1, 20_000);
    await o.ws.call('sync.now', {});
    expect(checkIns(o)).toEqual([]);
    expect(JSON.stringify(o.ws.store.list('wellbeingTally', SPACE))).not.toContain(PERSON);
    const seen = await o.ws.call('recovery.get', { incidentId });
    expect(seen.wellbeing).toMatchObject({ mayRead: false, checkIns: [], total: { people: 1, zones: null } });

    const l = await desk(lead);
    await eventually(l.ws, () => checkIns(l).length === 1, 20_000);
    expect(checkIns(l)[0]).toMatchObject({ person: PERSON, zone: 'orange', needs: ['rest'] });
    const read = await l.ws.call('recovery.get', { incidentId });
    expect(read.wellbeing.mayRead).toBe(true);
    expect(read.wellbeing.checkIns.map((c) => c.person)).toEqual([PERSON]);
  });

  it('answers a raw pull with individual check-ins for the lead only: not the commander, not an operator', async () => {
    const pullAs = async (user: TestUser) => {
      const session = await rig.server.login(user);
      const response = await post(rig.server.url, '/api/sync/pull', pullBody(newClientId(), { [SPACE]: 0 }), session.token);
      expect(response.status).toBe(200);
      return PullResponseSchema.parse(response.body).rows;
    };
    expect((await pullAs(lead)).filter((r) => r.kind === 'wellbeingCheckIn')).toHaveLength(1);
    for (const user of [commander, operator]) {
      const rows = await pullAs(user);
      expect(rows.filter((r) => r.kind === 'wellbeingCheckIn')).toEqual([]);
      expect(rows.filter((r) => r.kind === 'wellbeingTally')).toHaveLength(1);
    }
  });

  it('takes the check-ins off a shared desk when a user without the role logs in after the lead, and brings them back for the lead', async () => {
    const shared = await desk(lead);
    await eventually(shared.ws, () => checkIns(shared).length === 1, 20_000);
    await switchUser(shared, operator);
    await eventually(shared.ws, () => checkIns(shared).length === 0 && shared.ws.store.list('incident', SPACE).length === 1, 20_000);
    await shared.ws.call('sync.now', {});
    expect(checkIns(shared)).toEqual([]);
    expect(tallied(shared)?.orange).toBe(1);
    await switchUser(shared, lead);
    await eventually(shared.ws, () => checkIns(shared).length === 1, 20_000);
  });
});
