import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FeedObservationsResponseSchema } from '../../../src/contract/feeds';
import { newId } from '../../../src/domain/ids';
import { dayFromNumber } from '../../../src/domain/warning/daily-series';
import { post, startTestServer, storageKinds, type TestServer } from '../../fixtures/server';
import { eventually, makeStation, type Station } from '../../fixtures/sync';

const SPACE = 'demo-hospital';
const today = Math.floor(Date.now() / 86_400_000);
const month = (last: number) => Array.from({ length: 30 }, (_, i) => ({ date: dayFromNumber(today - 29 + i), value: i === 29 ? last : i % 2 ? 4 : 6 }));

describe.each(await storageKinds())('the observation feed on %s', (storage) => {
  let server: TestServer;
  let desk: Station;
  let token: string;
  const lab = newId();

  beforeAll(async () => {
    server = await startTestServer({ storage });
    const commander = await server.createUser({ roles: ['incident_commander'] });
    desk = makeStation();
    await desk.ws.call('auth.login', { serverUrl: server.url, username: commander.username, password: commander.password });
    await desk.ws.call('mutate', { name: 'indicator.define', args: { id: lab, name: 'Influenza A positives', source: 'lab_positive', method: 'ears_c1', group: 'respiratory' } });
    await eventually(desk.ws, () => desk.ws.store.pendingCount() === 0, 20_000);
    const feed = await server.createUser({ roles: ['operator'] });
    token = (await server.login(feed)).token;
  });

  afterAll(async () => {
    await desk.ws.close();
    desk.cleanup();
    await server.close();
  });

  const send = (body: unknown, as = token) => post(server.url, '/api/feeds/observations', body, as);

  it('takes a month of figures from a laboratory system, and the desk sees them and the alert they raise', async () => {
    const answer = await send({ space: SPACE, observations: month(20).map((o) => ({ indicatorId: lab, ...o })) });
    expect(answer.status).toBe(200);
    const { results } = FeedObservationsResponseSchema.parse(answer.body);
    expect(results.every((r) => r.status === 'applied')).toBe(true);
    await eventually(desk.ws, () => desk.ws.store.list('alert', SPACE).length === 1 && desk.ws.store.list('observation', SPACE).length === 30, 20_000);
    expect(desk.ws.store.list('alert', SPACE)[0]?.signals[0]).toMatchObject({ indicatorId: lab, value: 20 });
  });

  it('is idempotent by indicator and day: the same figures again change nothing, a corrected one revises its day', async () => {
    await send({ space: SPACE, observations: month(20).map((o) => ({ indicatorId: lab, ...o })) });
    const corrected = month(20)[10];
    await send({ space: SPACE, observations: [{ indicatorId: lab, date: corrected?.date, value: 7 }] });
    await eventually(desk.ws, () => desk.ws.store.list('observation', SPACE).some((o) => o.date === corrected?.date && o.value === 7), 20_000);
    const rows = desk.ws.store.list('observation', SPACE);
    expect(rows).toHaveLength(30);
    expect(rows.find((o) => o.date === corrected?.date)).toMatchObject({ revision: 2, via: 'feed' });
    expect(rows.filter((o) => o.date !== corrected?.date).every((o) => o.revision === 1)).toBe(true);
    expect(desk.ws.store.list('alert', SPACE)).toHaveLength(1);
  });

  it('refuses a bad body by field, a space not granted with 403, no token with 401, and a viewer figure by figure', async () => {
    const bad = await send({ space: SPACE, observations: [{ indicatorId: lab, date: '2026-02-30', value: -1 }] });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toMatch(/observations\.0\.date/);
    expect((await send({ space: 'other-hospital', observations: [{ indicatorId: lab, date: month(1)[0]?.date, value: 1 }] })).status).toBe(403);
    expect((await send({ space: SPACE, observations: [] }, '')).status).toBe(401);
    const viewer = await server.createUser({ roles: ['viewer'] });
    const refused = await send({ space: SPACE, observations: [{ indicatorId: lab, date: month(1)[0]?.date, value: 99 }] }, (await server.login(viewer)).token);
    expect(FeedObservationsResponseSchema.parse(refused.body).results).toEqual([expect.objectContaining({ status: 'rejected', code: 'forbidden' })]);
  });
});
