import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../../src/domain/ids';
import type { Role } from '../../../src/domain/roles';
import { statutoryDeadline } from '../../../src/domain/incidents/reporting-deadlines';
import { startTestServer, storageKinds, type TestServer } from '../../fixtures/server';
import { eventually, makeStation, type Station } from '../../fixtures/sync';

const SPACE = 'demo-hospital';
const card = { reportingUnit: 'Jiangbin First', reporter: 'Li Na', phone: '0571', eventName: 'Ring road bus crash', category: 'other', grade: 'major', place: 'Ring road', setting: 'ED', source: '120' } as const;
const sections = { situation: 'Bus overturned', measures: 'Plan activated', resources: '', needs: '' };

describe.each(await storageKinds())('the 2-hour report through a real server on %s', (storage) => {
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

  async function station(roles: Role[]): Promise<Station> {
    const user = await server.createUser({ roles });
    const s = makeStation();
    stations.push(s);
    await s.ws.call('auth.login', { serverUrl: server.url, username: user.username, password: user.password });
    return s;
  }

  it('an operator drafts it, the commander on another desk signs it off, the operator records it sent: both desks see the clock stopped; an operator may not sign off', async () => {
    const operator = await station(['operator']);
    const commander = await station(['incident_commander']);
    const incidentId = newId();
    await commander.ws.call('mutate', { name: 'incident.declare', args: { id: incidentId, name: 'Bus crash, ring road', type: 'mass_casualty', level: 'II', discoveredAt: Date.now() } });
    await eventually(operator.ws, () => operator.ws.store.list('incident', SPACE).length === 1, 20_000);
    await operator.ws.call('mutate', { name: 'casualty.registerBatch', args: { incidentId, tagNos: ['R-1', 'R-2'], category: 'immediate', area: 'Resus' } });
    const id = newId();
    await operator.ws.call('mutate', { name: 'report.draft', args: { id, incidentId, kind: 'initial', card, sections } });
    // Sign-off needs command rights: the operator's desk refuses it at once, with the reason.
    await expect(operator.ws.call('mutate', { name: 'report.approve', args: { id, name: 'Operator', positionId: 'ic' } })).rejects.toMatchObject({ error: { code: 'forbidden' } });
    await eventually(commander.ws, () => commander.ws.store.list('sitRep', SPACE).length === 1, 20_000);

    expect(commander.ws.store.list('sitRep', SPACE)[0]).toMatchObject({ status: 'draft', figures: { total: 2, byCategory: { immediate: 2 } } });
    await commander.ws.call('mutate', { name: 'report.approve', args: { id, name: 'Wang Jun', positionId: 'ic' } });
    await eventually(operator.ws, () => operator.ws.store.list('sitRep', SPACE)[0]?.status === 'approved', 20_000);
    await operator.ws.call('mutate', { name: 'report.recordSent', args: { id, sentAt: Date.now(), via: 'phone', receivedBy: 'County CDC', by: 'Li Na' } });
    await eventually(commander.ws, () => commander.ws.store.list('sitRep', SPACE)[0]?.status === 'sent', 20_000);
    const incident = commander.ws.store.list('incident', SPACE)[0];
    expect(incident && statutoryDeadline(incident)?.report).toMatchObject({ to: 'County CDC', by: 'Li Na' });
  });
});
