import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../../src/domain/ids';
import type { Role } from '../../../src/domain/roles';
import { ResourceRequestSchema } from '../../../src/domain/resources/resource-requests';
import { post, startTestServer, storageKinds, type TestServer } from '../../fixtures/server';
import { makeStation, type Station } from '../../fixtures/sync';

const NEIGHBOUR = 'county-second';

describe.each(await storageKinds())('mutual-aid requests between hospital spaces on %s', { timeout: 120_000 }, (storage) => {
  let server: TestServer;
  const stations: Station[] = [];
  beforeAll(async () => {
    server = await startTestServer({ storage });
    await server.createSpace({ id: NEIGHBOUR, name: 'County Second Hospital', kind: 'hospital' });
    await server.createSpace({ id: 'drill-1', name: 'Drill', kind: 'exercise' });
  });
  afterAll(async () => {
    for (const s of stations) {
      await s.ws.close();
      s.cleanup();
    }
    await server.close();
  });

  async function desk(roles: Role[]): Promise<{ s: Station; token: string }> {
    const user = await server.createUser({ roles });
    const s = makeStation();
    stations.push(s);
    await s.ws.call('auth.login', { serverUrl: server.url, username: user.username, password: user.password });
    return { s, token: (await server.login(user)).token };
  }

  const incoming = async () =>
    (await server.server.db.query<{ data: unknown }>("SELECT data FROM entity WHERE kind = 'resourceRequest' AND space = $1", [NEIGHBOUR])).map((r) => ResourceRequestSchema.parse(r.data));

  it("sends a request raised on a desk to another hospital's space, where it lands as an incoming mutual-aid request, once", async () => {
    const { s } = await desk(['logistics_chief']);
    expect(await s.ws.call('mutualAid.hospitals', {})).toEqual({ hospitals: [{ id: NEIGHBOUR, name: 'County Second Hospital' }] });
    const requestId = newId();
    const raise = { id: requestId, item: 'N95 masks', qty: 200, neededBy: Date.now() + 86_400_000, priority: 'urgent', justification: 'Reserve short of quota', section: 'Logistics' };
    expect(await s.ws.handle('mutate', { name: 'request.raise', args: raise })).toMatchObject({ ok: true });
    // Sent at once: the desk pushes the request before asking the server to pass it on.
    const sent = await s.ws.call('mutualAid.send', { to: NEIGHBOUR, requestId });
    expect(sent).toMatchObject({ to: { id: NEIGHBOUR }, received: [{ item: 'N95 masks', qty: 200 }], refused: [] });
    const [landed] = await incoming();
    expect(landed).toMatchObject({ item: 'N95 masks', qty: 200, status: 'pending', priority: 'urgent', section: 'Mutual aid', mutualAid: { direction: 'incoming' } });
    expect(landed?.mutualAid?.messageId).toContain(requestId);

    expect(await s.ws.call('mutualAid.send', { to: NEIGHBOUR, requestId })).toMatchObject({ received: [], duplicates: [{ item: 'N95 masks' }] });
    expect(await incoming()).toHaveLength(1);
  });

  it('refuses a sender without request.approve, and a target that is not another hospital space', async () => {
    const { s, token } = await desk(['operator']);
    const requestId = newId();
    expect(await s.ws.handle('mutate', { name: 'request.raise', args: { id: requestId, item: 'Gowns', qty: 5, neededBy: Date.now(), priority: 'high', justification: 'Short', section: 'Logistics' } })).toMatchObject({ ok: true });
    expect(await s.ws.handle('mutualAid.send', { to: NEIGHBOUR, requestId })).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    const { token: logistics } = await desk(['logistics_chief']);
    for (const to of ['drill-1', 'demo-hospital', 'nowhere']) {
      const refused = await post(server.url, '/api/spaces/demo-hospital/mutual-aid', { to, requestId }, logistics);
      expect(refused.status, to).toBe(400);
    }
    expect((await post(server.url, '/api/spaces/demo-hospital/mutual-aid', { to: NEIGHBOUR, requestId }, token)).status).toBe(403);
    expect(await incoming()).toHaveLength(1);
  });
});
