import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../../src/domain/ids';
import { PushBatcher } from '../../../src/server/push';
import type { AuthContext } from '../../../src/server/sessions';
import { newClientId, pushBody, pushed, startTestServer, storageKinds, type TestServer } from '../../fixtures/server';

describe.each(await storageKinds())('group commit of concurrent pushes on %s', (storage) => {
  let srv: TestServer;
  let auth: AuthContext;

  beforeAll(async () => {
    srv = await startTestServer({ storage });
    const user = await srv.createUser();
    auth = { user, spaces: user.spaces, tokenHash: 'test', expiresAt: Number.MAX_SAFE_INTEGER };
  });
  afterAll(() => srv.close());

  const qtyOf = async (id: string) =>
    (await srv.server.db.query<{ qty: number }>("SELECT (data->>'qty')::int AS qty FROM entity WHERE kind = 'stock' AND id = $1", [id]))[0]?.qty;

  it('gives every push of a group its own answer, and keeps stock from going negative across them', async () => {
    const batcher = new PushBatcher(srv.server.db, Date.now);
    const stock = newId();
    const seed = await batcher.push(auth, pushBody(newClientId(), [pushed(1, 'stock.receive', { id: stock, item: 'Gowns', store: 'ICU', qty: 20 })]));
    expect(seed.response.results[0]?.status).toBe('applied');

    // Ten desks issue 3 each at once: only six fit.
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, () => batcher.push(auth, pushBody(newClientId(), [pushed(1, 'stock.issue', { id: stock, qty: 3 })]))),
    );
    const statuses = outcomes.map((o) => o.response.results[0]?.status);
    expect(statuses.filter((s) => s === 'applied')).toHaveLength(6);
    expect(outcomes.filter((o) => o.response.results[0]?.code === 'stock_negative')).toHaveLength(4);
    expect(outcomes.every((o) => o.response.lastMutationId === 1)).toBe(true);
    expect(await qtyOf(stock)).toBe(2);
  });

  it('applies two pushes of one client in the same group in order, and the resend as a duplicate', async () => {
    const batcher = new PushBatcher(srv.server.db, Date.now);
    const client = newClientId();
    const stock = newId();
    const first = pushBody(client, [pushed(1, 'stock.receive', { id: stock, item: 'Masks', store: 'ED', qty: 5 })]);
    const [a, b, c] = await Promise.all([
      batcher.push(auth, first),
      batcher.push(auth, pushBody(client, [pushed(2, 'stock.issue', { id: stock, qty: 4 })])),
      batcher.push(auth, first),
    ]);
    expect(a?.response.results[0]?.status).toBe('applied');
    expect(b?.response.results[0]?.status).toBe('applied');
    expect(c?.response.results[0]?.status).toBe('duplicate');
    expect(await qtyOf(stock)).toBe(1);
  });
});
