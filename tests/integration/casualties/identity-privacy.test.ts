import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PullResponseSchema } from '../../../src/contract/sync';
import { casualtyId } from '../../../src/domain/casualties/casualties';
import { newId } from '../../../src/domain/ids';
import { newClientId, post, pullBody, startTestServer, storageKinds, type TestServer, type TestUser } from '../../fixtures/server';
import { eventually, makeStation, type Station } from '../../fixtures/sync';

const SPACE = 'demo-hospital';
/** Every identifying value entered; none may reach a desk whose user lacks patient.identify. */
const CASUALTY_NAME = '王小红';
const MRN = 'MRN-778812';
const ENQUIRER = '王建国';
const CONTACT = '13912345678';
const SOUGHT = '王小红同学';
const NOTES = '父亲在急诊门口等候';
const SECRETS = [CASUALTY_NAME, MRN, ENQUIRER, CONTACT, SOUGHT, NOTES];

function leaked(value: unknown): string[] {
  const text = JSON.stringify(value);
  return SECRETS.filter((secret) => text.includes(secret));
}

describe.each(await storageKinds())('names of casualties and families reach only users who may identify them, on %s', (storage) => {
  let server: TestServer;
  const stations: Station[] = [];
  let commander: TestUser;
  let operator: TestUser;
  let liaison: TestUser;
  const incidentId = newId();
  const enquiryId = newId();

  beforeAll(async () => {
    server = await startTestServer({ storage });
    commander = await server.createUser({ roles: ['incident_commander'] });
    operator = await server.createUser({ roles: ['operator', 'operations_chief'] });
    liaison = await server.createUser({ roles: ['patient_family_assistance'] });
  });

  afterAll(async () => {
    for (const s of stations) {
      await s.ws.close();
      s.cleanup();
    }
    await server.close();
  });

  async function desk(user: TestUser): Promise<Station> {
    const s = makeStation();
    stations.push(s);
    await s.ws.call('auth.login', { serverUrl: server.url, username: user.username, password: user.password });
    return s;
  }

  const switchUser = async (s: Station, user: TestUser) => {
    await s.ws.call('auth.logout', {});
    await s.ws.call('auth.login', { serverUrl: server.url, username: user.username, password: user.password });
  };

  const rowsOf = (s: Station) => [...s.ws.store.list('casualty', SPACE), ...s.ws.store.list('enquiry', SPACE)];

  it('sends a desk logged in without the role the casualty and the enquiry without name, record number, contact or notes', async () => {
    const a = await desk(liaison);
    const c = await desk(commander);
    await c.ws.call('mutate', { name: 'incident.declare', args: { id: incidentId, name: 'Bus crash', type: 'mass_casualty', level: 'II', discoveredAt: Date.now() } });
    await eventually(a.ws, () => a.ws.store.list('incident', SPACE).length === 1, 20_000);
    await a.ws.call('mutate', { name: 'casualty.register', args: { incidentId, tagNo: 'HZ-1', category: 'delayed', area: 'Yellow', sex: 'female', ageBand: 'adolescent', name: CASUALTY_NAME, mrn: MRN } });
    await a.ws.call('mutate', {
      name: 'enquiry.record',
      args: { id: enquiryId, incidentId, ref: 'E-1', enquirer: { name: ENQUIRER, relationship: '父亲', contact: CONTACT }, sought: { name: SOUGHT, sex: 'female', ageBand: 'adolescent', description: { clothing: '蓝色校服' } }, notes: NOTES },
    });
    await a.ws.call('mutate', { name: 'enquiry.match', args: { id: enquiryId, casualtyId: casualtyId(SPACE, incidentId, 'HZ-1') } });
    await eventually(a.ws, () => a.ws.store.pendingCount() === 0, 20_000);

    const b = await desk(operator);
    await eventually(b.ws, () => b.ws.store.list('enquiry', SPACE).some((e) => e.status === 'matched') && b.ws.store.list('casualty', SPACE).length === 1, 20_000);
    expect(leaked(rowsOf(b))).toEqual([]);
    expect(b.ws.store.list('enquiry', SPACE)[0]).toMatchObject({ ref: 'E-1', status: 'matched', enquirer: { relationship: '父亲' }, sought: { description: { clothing: '蓝色校服' } }, match: { tagNo: 'HZ-1' } });
    const { casualties, mayIdentify } = await b.ws.call('casualty.list', { incidentId });
    expect(mayIdentify).toBe(false);
    expect(casualties).toHaveLength(1);
    expect(leaked(await b.ws.call('enquiry.list', { incidentId }))).toEqual([]);
    // The commander's desk receives every name.
    await eventually(c.ws, () => leaked(rowsOf(c)).length === SECRETS.length, 20_000);
  });

  it('answers a raw pull with the names for the family desk and without them for anyone else', async () => {
    const pullAs = async (user: TestUser) => {
      const session = await server.login(user);
      const response = await post(server.url, '/api/sync/pull', pullBody(newClientId(), { [SPACE]: 0 }), session.token);
      expect(response.status).toBe(200);
      return PullResponseSchema.parse(response.body).rows.filter((r) => r.kind === 'casualty' || r.kind === 'enquiry');
    };
    const withNames = await pullAs(liaison);
    expect(leaked(withNames).sort()).toEqual([...SECRETS].sort());
    const without = await pullAs(operator);
    expect(without.map((r) => r.kind).sort()).toEqual(['casualty', 'enquiry']);
    expect(leaked(without)).toEqual([]);
  });

  it('takes the names off a shared desk when a user without the role logs in after one with it, and brings them back for the next who may', async () => {
    const shared = await desk(commander);
    await eventually(shared.ws, () => leaked(rowsOf(shared)).length === SECRETS.length, 20_000);
    await switchUser(shared, operator);
    await eventually(shared.ws, () => rowsOf(shared).length === 2 && leaked(rowsOf(shared)).length === 0, 20_000);
    await shared.ws.call('sync.now', {});
    await eventually(shared.ws, () => shared.ws.store.list('incident', SPACE).length === 1, 20_000);
    expect(leaked(rowsOf(shared))).toEqual([]);
    await switchUser(shared, liaison);
    await eventually(shared.ws, () => leaked(rowsOf(shared)).length === SECRETS.length, 20_000);
  });
});
