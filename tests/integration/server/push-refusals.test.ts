import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PushResponseSchema } from '../../../src/contract/sync';
import { newId } from '../../../src/domain/ids';
import { newClientId, post, pushBody, pushed, startTestServer, storageKinds, type TestServer } from '../../fixtures/server';

const receive = (id: string, item: string, qty = 5) => ({ id, item, store: 'ED store', qty });

/** Refusals that must never block a desk: each is recorded with its reason and the mutations behind it go on. */
describe.each(await storageKinds())('push refusals that used to fail the whole push, on %s', (storage) => {
  let srv: TestServer;
  let token: string;
  beforeAll(async () => {
    srv = await startTestServer({ storage });
    token = (await srv.login(await srv.createUser())).token;
  });
  afterAll(() => srv.close());

  const push = async (body: unknown) => {
    const response = await post(srv.url, '/api/sync/push', body, token);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return PushResponseSchema.parse(response.body);
  };
  const auditOf = (client: string) =>
    srv.server.db.query<{ mutation_id: number; result: string; code: string | null; args: unknown; name: string }>(
      'SELECT mutation_id, result, code, args, name FROM audit WHERE client_id = $1 ORDER BY mutation_id',
      [client],
    );

  it('refuses a NUL and a lone surrogate as invalid_text, records them, and applies the mutations behind', async () => {
    const client = newClientId();
    const response = await push(
      pushBody(client, [
        pushed(1, 'stock.receive', receive(newId(), 'N95\u0000 respirator')),
        pushed(2, 'stock.receive', receive(newId(), 'Gloves \uD800')),
        pushed(3, 'nope\u0000', {}),
        pushed(4, 'stock.receive', receive(newId(), 'Gowns')),
      ]),
    );
    expect(response.results.map((r) => [r.status, r.code])).toEqual([
      ['rejected', 'invalid_text'], ['rejected', 'invalid_text'], ['rejected', 'invalid_text'], ['applied', undefined],
    ]);
    expect(response.results[0]).toMatchObject({ params: { field: 'args.item', char: 'U+0000' } });
    expect(response.results[1]).toMatchObject({ params: { field: 'args.item', char: 'U+D800' } });
    expect(response.lastMutationId).toBe(4);
    const audit = await auditOf(client);
    expect(audit.map((a) => [a.mutation_id, a.result, a.code])).toEqual([
      [1, 'rejected', 'invalid_text'], [2, 'rejected', 'invalid_text'], [3, 'rejected', 'invalid_text'], [4, 'applied', null],
    ]);
    // Kept as evidence with the offending characters made visible, not dropped.
    expect(audit[0]?.args).toMatchObject({ item: 'N95\uFFFD respirator' });
    expect(audit[2]?.name).toBe('nope\uFFFD');
  });

  it('records unsafe text of a mutation refused for another reason (a space the user may not write)', async () => {
    const client = newClientId();
    const response = await push(
      pushBody(client, [
        pushed(1, 'stock.receive', receive(newId(), 'Masks\u0000'), { space: 'other-hospital' }),
        pushed(2, 'stock.receive', receive(newId(), 'Masks')),
      ]),
    );
    expect(response.results.map((r) => r.status)).toEqual(['rejected', 'applied']);
    expect((await auditOf(client))[0]).toMatchObject({ code: 'forbidden', args: { item: 'Masks\uFFFD' } });
  });

  it('refuses a change dated outside 2000..2100 as time_out_of_range and applies the next', async () => {
    const client = newClientId();
    const entry = { id: newId(), incidentId: newId(), text: 'Generator on' };
    const response = await push(
      pushBody(client, [
        pushed(1, 'stock.receive', receive(newId(), 'Masks'), { at: 9007199254740000 }),
        pushed(2, 'log.append', { ...entry, at: 9007199254740000 }),
        pushed(3, 'stock.receive', receive(newId(), 'Masks')),
      ]),
    );
    expect(response.results.map((r) => [r.status, r.code])).toEqual([
      ['rejected', 'time_out_of_range'], ['rejected', 'invalid_args'], ['applied', undefined],
    ]);
    expect(response.results[1]?.message).toMatch(/at: must be a time before 2100-01-01/);
  });

  it('refuses a mutator that throws something other than a DomainError as internal_error, and goes on', async () => {
    // A record an older version stored under looser rules (a 300-character item name): writing it back fails the
    // entity check inside the mutator (a ZodError, not a refusal), which used to 500 the whole push forever.
    const stock = newId();
    const legacy = { id: stock, space: 'demo-hospital', item: 'x'.repeat(300), store: 'ED store', qty: 9, updatedAt: Date.now() };
    await srv.server.db.query(
      `INSERT INTO entity (kind, id, space, data, version, deleted) VALUES ('stock', $1, 'demo-hospital', $2::jsonb, 0, false)`,
      [stock, JSON.stringify(legacy)],
    );
    const client = newClientId();
    const response = await push(
      pushBody(client, [pushed(1, 'stock.issue', { id: stock, qty: 1 }), pushed(2, 'stock.receive', receive(newId(), 'Gowns'))]),
    );
    expect(response.results[0]).toMatchObject({ status: 'rejected', code: 'internal_error' });
    expect(response.results[0]?.message).not.toMatch(/Zod|too_big|stack/i);
    expect(response.results[1]).toEqual({ mutationId: 2, status: 'applied' });
    expect(response.lastMutationId).toBe(2);
  });
});
