import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PullResponseSchema, PushResponseSchema, SyncErrorSchema } from '../../../src/contract/sync';
import { newId } from '../../../src/domain/ids';
import { newClientId, post, pullBody, pushBody, pushed, startTestServer, storageKinds, type TestServer } from '../../fixtures/server';

const receive = (id: string, qty: number) => ({ id, item: 'N95 respirator', store: 'ED store', qty });
const OTHER_DESK_PROOF = 'another-desk-proof-0123456789abcdefghijklmnopq';

describe.each(await storageKinds())('client ids bound to their account and desk on %s', (storage) => {
  let srv: TestServer;
  let owner: string;
  let intruder: string;
  beforeAll(async () => {
    srv = await startTestServer({ storage });
    owner = (await srv.login(await srv.createUser())).token;
    intruder = (await srv.login(await srv.createUser())).token;
  });
  afterAll(() => srv.close());

  const stockQty = async (id: string) =>
    (await srv.server.db.query<{ qty: number }>("SELECT (data->>'qty')::int AS qty FROM entity WHERE kind = 'stock' AND id = $1", [id]))[0]?.qty;

  it('refuses a push and a pull under another account\'s client id with 403, and the real desk carries on', async () => {
    const client = newClientId();
    const stock = newId();
    const first = await post(srv.url, '/api/sync/push', pushBody(client, [pushed(1, 'stock.receive', receive(stock, 5))]), owner);
    expect(first.status).toBe(200);

    const burn = await post(srv.url, '/api/sync/push', pushBody(client, [pushed(2, 'stock.issue', { id: stock, qty: 5 })]), intruder);
    expect(burn.status).toBe(403);
    expect(SyncErrorSchema.parse(burn.body)).toMatchObject({ code: 'forbidden', message: expect.stringMatching(/another account/) as unknown });
    const peek = await post(srv.url, '/api/sync/pull', pullBody(client, {}), intruder);
    expect(peek.status).toBe(403);

    // The desk's own next change is applied, not answered as a duplicate of the intruder's.
    const genuine = await post(srv.url, '/api/sync/push', pushBody(client, [pushed(2, 'stock.issue', { id: stock, qty: 2 })]), owner);
    expect(PushResponseSchema.parse(genuine.body).results).toEqual([{ mutationId: 2, status: 'applied' }]);
    expect(await stockQty(stock)).toBe(3);
  });

  it('tells a desk how far it holds the desk\'s other users\' streams, never another desk\'s, and 0 for an unknown id', async () => {
    const colleagues = newClientId();
    await post(srv.url, '/api/sync/push', pushBody(colleagues, [pushed(1, 'stock.receive', receive(newId(), 1)), pushed(2, 'stock.receive', receive(newId(), 1))]), intruder);
    const unknown = newClientId();
    const other = [
      { clientId: colleagues, deskProof: pullBody(colleagues, {}).deskProof },
      { clientId: unknown, deskProof: pullBody(unknown, {}).deskProof },
    ];
    const here = PullResponseSchema.parse((await post(srv.url, '/api/sync/pull', pullBody(newClientId(), {}, { otherStreams: other }), owner)).body);
    expect(here.otherLastMutationIds).toEqual({ [colleagues]: 2, [unknown]: 0 });
    // Another workstation naming the same id learns nothing of it.
    const elsewhere = [{ clientId: colleagues, deskProof: OTHER_DESK_PROOF }];
    const there = PullResponseSchema.parse((await post(srv.url, '/api/sync/pull', pullBody(newClientId(), {}, { otherStreams: elsewhere }), owner)).body);
    expect(there.otherLastMutationIds).toEqual({});
  });

  it('applies a re-keyed change once whichever copy delivers it first, and a different change with the same origin', async () => {
    const [original, copyA, copyB] = [newClientId(), newClientId(), newClientId()];
    const [stock, other] = [newId(), newId()];
    const at = Date.now();
    const change = pushed(2, 'stock.receive', receive(stock, 7), { at });
    const origin = { clientId: original, mutationId: 2 };
    const answer = async (client: string, mutations: ReturnType<typeof pushed>[]) =>
      PushResponseSchema.parse((await post(srv.url, '/api/sync/push', pushBody(client, mutations), owner)).body).results;

    // Two copies of one desk file re-keyed the same change; the first applies it, the second is a duplicate.
    expect(await answer(copyA, [{ ...change, mutationId: 1, origin }])).toEqual([{ mutationId: 1, status: 'applied' }]);
    expect(await answer(copyB, [{ ...change, mutationId: 1, origin }])).toEqual([{ mutationId: 1, status: 'duplicate' }]);
    // The original stream then delivers it under its first number: still once.
    const first = pushed(1, 'stock.receive', receive(other, 1), { at });
    expect(await answer(original, [first, change])).toEqual([{ mutationId: 1, status: 'applied' }, { mutationId: 2, status: 'duplicate' }]);
    expect(await stockQty(stock)).toBe(7);
    // Other content under the same origin (a restored desk's new work that clashed with its old number) is applied.
    expect(await answer(copyB, [pushed(2, 'stock.issue', { id: stock, qty: 2 }, { at, origin })])).toEqual([{ mutationId: 2, status: 'applied' }]);
    expect(await stockQty(stock)).toBe(5);
    // A resend of the duplicate is answered the same, and changes nothing.
    expect(await answer(copyB, [{ ...change, mutationId: 1, origin }])).toEqual([{ mutationId: 1, status: 'duplicate' }]);
    expect(await stockQty(stock)).toBe(5);
  });

  it('refuses the right account without the desk\'s proof: another workstation cannot use the id', async () => {
    const client = newClientId();
    await post(srv.url, '/api/sync/pull', pullBody(client, {}), owner);
    const elsewhere = await post(srv.url, '/api/sync/push', pushBody(client, [pushed(1, 'stock.receive', receive(newId(), 1))], undefined, OTHER_DESK_PROOF), owner);
    expect(elsewhere.status).toBe(403);
    expect(SyncErrorSchema.parse(elsewhere.body).message).toMatch(/another workstation/);
    const [row] = await srv.server.db.query<{ last: number }>('SELECT last_mutation_id::int AS last FROM client WHERE id = $1', [client]);
    expect(row?.last).toBe(0);
  });

  it('answers a reused id with other content as a conflict, applies nothing, and stops the batch there', async () => {
    const client = newClientId();
    const stock = newId();
    const original = [pushed(1, 'stock.receive', receive(stock, 10)), pushed(2, 'stock.issue', { id: stock, qty: 1 })];
    await post(srv.url, '/api/sync/push', pushBody(client, original), owner);
    // The same file restored from a backup: 1 is resent as it was, 2 was made again with other content.
    const restored = [original[0]!, pushed(2, 'stock.issue', { id: stock, qty: 4 }), pushed(3, 'stock.issue', { id: stock, qty: 1 })];
    const response = PushResponseSchema.parse((await post(srv.url, '/api/sync/push', pushBody(client, restored), owner)).body);
    expect(response.results).toEqual([{ mutationId: 1, status: 'duplicate' }, { mutationId: 2, status: 'conflict' }]);
    expect(response.lastMutationId).toBe(2);
    expect(await stockQty(stock)).toBe(9);
  });

  it('tells a desk whose cursor the database never reached that the space went back', async () => {
    const client = newClientId();
    const [space] = await srv.server.db.query<{ version: number }>("SELECT version::int FROM space WHERE id = 'demo-hospital'");
    const ahead = (space?.version ?? 0) + 50;
    const page = PullResponseSchema.parse((await post(srv.url, '/api/sync/pull', pullBody(client, { 'demo-hospital': ahead }), owner)).body);
    expect(page.rewound).toEqual(['demo-hospital']);
    expect(page.rows).toEqual([]);

    // A token the database does not have at that version says the same, even below the head.
    await post(srv.url, '/api/sync/push', pushBody(client, [pushed(1, 'stock.receive', receive(newId(), 1))]), owner);
    const fresh = PullResponseSchema.parse((await post(srv.url, '/api/sync/pull', pullBody(client, { 'demo-hospital': 0 }), owner)).body);
    const cursor = fresh.cursors['demo-hospital'] ?? 0;
    expect(fresh.tokens['demo-hospital']).toEqual(expect.any(String));
    const honest = await post(srv.url, '/api/sync/pull', pullBody(client, { 'demo-hospital': cursor }, { cursorTokens: fresh.tokens }), owner);
    expect(PullResponseSchema.parse(honest.body).rewound).toEqual([]);
    const forged = await post(srv.url, '/api/sync/pull', pullBody(client, { 'demo-hospital': cursor }, { cursorTokens: { 'demo-hospital': 'not-the-token' } }), owner);
    expect(PullResponseSchema.parse(forged.body).rewound).toEqual(['demo-hospital']);
  });
});
