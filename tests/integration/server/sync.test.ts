import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PullResponseSchema, PushResponseSchema, SYNC_PROTOCOL_VERSION, SyncErrorSchema, type PullResponse, type PushResponse,
} from '../../../src/contract/sync';
import { newId } from '../../../src/domain/ids';
import { createHospitalServer } from '../../../src/server/app';
import { createDirectTx } from '../../../src/server/server-tx';
import {
  newClientId, openPokeSocket, post, pullBody, pushBody, pushed, startTestServer, storageKinds, type TestServer,
} from '../../fixtures/server';
import { makeIncidentArgs } from '../../fixtures/workstation';

const receive = (id: string, qty: number) => ({ id, item: 'N95 respirator', store: 'ED store', qty });

describe.each(await storageKinds())('sync push and pull on %s', (storage) => {
  let srv: TestServer;
  let token: string;
  beforeAll(async () => {
    srv = await startTestServer({ storage });
    token = (await srv.login(await srv.createUser())).token;
  });
  afterAll(() => srv.close());

  const push = async (body: unknown, as = token) => {
    const response = await post(srv.url, '/api/sync/push', body, as);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return PushResponseSchema.parse(response.body);
  };
  const pull = async (clientId: string, cursors: Record<string, number>, extra = {}, as = token): Promise<PullResponse> => {
    const response = await post(srv.url, '/api/sync/pull', pullBody(clientId, cursors, extra), as);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return PullResponseSchema.parse(response.body);
  };
  const stockQty = async (id: string) => {
    const [row] = await srv.server.db.query<{ data: { qty: number } }>(`SELECT data FROM entity WHERE kind = 'stock' AND id = $1`, [id]);
    return row?.data.qty;
  };

  it('applies a mutation once: a resend is a duplicate and changes nothing', async () => {
    const client = newClientId();
    const stock = newId();
    const batch = pushBody(client, [pushed(1, 'stock.receive', receive(stock, 10)), pushed(2, 'stock.issue', { id: stock, qty: 3 })]);
    const first = await push(batch);
    expect(first).toEqual({ results: [{ mutationId: 1, status: 'applied' }, { mutationId: 2, status: 'applied' }], lastMutationId: 2, serverEpoch: expect.any(String) as unknown });
    const again = await push(batch);
    expect(again.results.map((r) => r.status)).toEqual(['duplicate', 'duplicate']);
    expect(again.lastMutationId).toBe(2);
    expect(await stockQty(stock)).toBe(7);
    const audit = await srv.server.db.query('SELECT mutation_id FROM audit WHERE client_id = $1', [client]);
    expect(audit).toHaveLength(2);
  });

  it('records a refusal with its reason, consumes the id, and keeps going', async () => {
    const client = newClientId();
    const stock = newId();
    const refused = pushed(2, 'stock.issue', { id: stock, qty: 5 });
    const response = await push(pushBody(client, [pushed(1, 'stock.receive', receive(stock, 2)), refused, pushed(3, 'stock.issue', { id: stock, qty: 1 })]));
    expect(response.results[1]).toMatchObject({ mutationId: 2, status: 'rejected', code: 'stock_negative' });
    expect(response.results[1]?.message).toMatch(/only 2/);
    expect(response.results[2]).toEqual({ mutationId: 3, status: 'applied' });
    expect(response.lastMutationId).toBe(3);
    expect(await stockQty(stock)).toBe(1);
    const [audit] = await srv.server.db.query<{ result: string; code: string; user_id: string; version: number | null; args: unknown }>(
      'SELECT result, code, user_id, version, args FROM audit WHERE client_id = $1 AND mutation_id = 2',
      [client],
    );
    expect(audit).toMatchObject({ result: 'rejected', code: 'stock_negative', version: null, args: { id: stock, qty: 5 } });
    // The resent refusal reports what happened the first time.
    const again = await push(pushBody(client, [refused]));
    expect(again.results).toEqual([
      { mutationId: 2, status: 'duplicate', code: 'stock_negative', message: response.results[1]?.message, params: response.results[1]?.params },
    ]);
  });

  it('keeps a refusal’s numbers: in the audit, the push result, a resend and the pull', async () => {
    const client = newClientId();
    const stock = newId();
    const numbers = { item: 'N95 respirator', store: 'ED store', onHand: 10, requested: 15 };
    const refused = pushed(2, 'stock.issue', { id: stock, qty: 15 });
    // The same id again in the same batch: answered from the refusal not yet written.
    const response = await push(pushBody(client, [pushed(1, 'stock.receive', receive(stock, 10)), refused, refused]));
    expect(response.results.slice(1)).toEqual([
      { mutationId: 2, status: 'rejected', code: 'stock_negative', message: expect.stringMatching(/only 10/) as unknown, params: numbers },
      { mutationId: 2, status: 'duplicate', code: 'stock_negative', message: expect.stringMatching(/only 10/) as unknown, params: numbers },
    ]);
    const audit = await srv.server.db.query<{ mutation_id: number; params: unknown }>(
      'SELECT mutation_id::int, params FROM audit WHERE client_id = $1 ORDER BY mutation_id',
      [client],
    );
    expect(audit).toEqual([{ mutation_id: 1, params: null }, { mutation_id: 2, params: numbers }]);

    // A resend in a later push (the answer was lost) hears the numbers too, read back from the audit.
    const again = await push(pushBody(client, [refused]));
    expect(again.results).toEqual([{ mutationId: 2, status: 'duplicate', code: 'stock_negative', message: response.results[1]?.message, params: numbers }]);
    const raw = await post(srv.url, '/api/sync/pull', pullBody(client, {}), token);
    expect((raw.body as PullResponse).rejections).toEqual([
      { mutationId: 2, code: 'stock_negative', message: response.results[1]?.message, params: numbers },
    ]);
  });

  it('sends a refusal without params as before: no params field at all', async () => {
    const client = newClientId();
    const response = await push(pushBody(client, [pushed(1, 'stock.teleport', {})]));
    expect(response.results[0]).not.toHaveProperty('params');
    const raw = await post(srv.url, '/api/sync/pull', pullBody(client, {}), token);
    expect((raw.body as PullResponse).rejections).toEqual([{ mutationId: 1, code: 'invalid_args', message: 'unknown mutation stock.teleport' }]);
  });

  it('rejects an unknown mutation name and invalid arguments as refusals, not failures', async () => {
    const client = newClientId();
    const response = await push(pushBody(client, [pushed(1, 'stock.teleport', {}), pushed(2, 'stock.issue', { id: 'nope', qty: -1 })]));
    expect(response.results.map((r) => [r.status, r.code])).toEqual([['rejected', 'invalid_args'], ['rejected', 'invalid_args']]);
    expect(response.results[1]?.message).toMatch(/id/);
    expect(response.lastMutationId).toBe(2);
  });

  it('stops at a gap and waits for the client to resend in order', async () => {
    const client = newClientId();
    const a = newId();
    const response = await push(pushBody(client, [pushed(1, 'stock.receive', receive(a, 1)), pushed(3, 'stock.receive', receive(a, 1))]));
    expect(response).toMatchObject({ results: [{ mutationId: 1, status: 'applied' }], lastMutationId: 1 });
    expect(await stockQty(a)).toBe(1);
  });

  it('refuses a mutation into a space the user was not granted, and a pull of it with 403', async () => {
    await srv.createSpace({ id: `other-${storage}`, name: 'Other hospital' });
    const client = newClientId();
    const response = await push(pushBody(client, [pushed(1, 'stock.receive', receive(newId(), 1), { space: `other-${storage}` })]));
    expect(response.results).toEqual([{ mutationId: 1, status: 'rejected', code: 'forbidden', message: expect.stringContaining(`other-${storage}`) as unknown }]);
    const refused = await post(srv.url, '/api/sync/pull', pullBody(client, { [`other-${storage}`]: 0 }), token);
    expect(refused.status).toBe(403);
    expect(SyncErrorSchema.parse(refused.body).code).toBe('forbidden');
  });

  it('checks roles on the server: a viewer cannot declare an incident', async () => {
    const viewer = await srv.login(await srv.createUser({ roles: ['viewer'] }));
    const response = await push(pushBody(newClientId(), [pushed(1, 'incident.declare', makeIncidentArgs())]), viewer.token);
    expect(response.results[0]).toMatchObject({ status: 'rejected', code: 'forbidden' });
  });

  /** Writes several rows under one version through the server's own write path, as a multi-row mutation does. */
  const writeVersion = (space: string, ids: string[]) =>
    srv.server.db.transaction(async (tx) => {
      const [row] = await tx.query<{ version: number }>('UPDATE space SET version = version + 1 WHERE id = $1 RETURNING version', [space]);
      const version = row?.version ?? 0;
      const serverTx = createDirectTx(tx, space, version);
      for (const id of ids) await serverTx.put('stock', { id, space, item: 'gloves', store: 'ICU', qty: 1, updatedAt: 0 });
      await serverTx.flush();
      return version;
    });

  it('pulls in cursor order, in pages that never split a version', async () => {
    const space = `paging-${storage}`;
    await srv.createSpace({ id: space, name: 'Paging' });
    const own = (await srv.login(await srv.createUser({ spaces: [space] }))).token;
    const client = newClientId();
    const groups = [1, 3, 1, 2].map((size) => Array.from({ length: size }, () => newId()));
    for (const ids of groups) await writeVersion(space, ids);
    const pages: PullResponse[] = [];
    let cursor = 0;
    for (let guard = 0; guard < 10; guard++) {
      const page = await pull(client, { [space]: cursor }, { limit: 2 }, own);
      pages.push(page);
      cursor = page.cursors[space] ?? cursor;
      if (!page.more) break;
    }
    // The 3-row version exceeds the limit: it comes whole and alone rather than split.
    expect(pages.map((p) => p.rows.map((r) => r.version))).toEqual([[1], [2, 2, 2], [3], [4, 4]]);
    expect(pages.map((p) => p.more)).toEqual([true, true, true, false]);
    expect(pages.map((p) => p.cursors[space])).toEqual([1, 2, 3, 4]);
    expect(pages.flatMap((p) => p.rows.map((r) => r.id))).toEqual(groups.flatMap((ids) => [...ids].sort()));
    expect((await pull(client, { [space]: 4 }, {}, own)).rows).toEqual([]);
  });

  it('fills a page across spaces up to the limit, still never splitting a version', async () => {
    const [s1, s2] = [`multi-a-${storage}`, `multi-b-${storage}`];
    await srv.createSpace({ id: s1, name: 'A' });
    await srv.createSpace({ id: s2, name: 'B' });
    const own = (await srv.login(await srv.createUser({ spaces: [s1, s2] }))).token;
    await writeVersion(s1, [newId()]);
    await writeVersion(s2, [newId(), newId()]);
    await writeVersion(s2, [newId()]);
    const first = await pull(newClientId(), { [s1]: 0, [s2]: 0 }, { limit: 2 }, own);
    expect(first.rows.map((r) => [r.space, r.version])).toEqual([[s1, 1]]);
    expect(first).toMatchObject({ more: true, cursors: { [s1]: 1, [s2]: 0 } });
    const second = await pull(newClientId(), first.cursors, { limit: 3 }, own);
    expect(second.rows.map((r) => [r.space, r.version])).toEqual([[s2, 1], [s2, 1], [s2, 2]]);
    expect(second).toMatchObject({ more: false, cursors: { [s1]: 1, [s2]: 2 } });
  });

  it('returns the client’s last mutation id and its refusals after the given id', async () => {
    const client = newClientId();
    const stock = newId();
    await push(
      pushBody(client, [
        pushed(1, 'stock.issue', { id: stock, qty: 1 }),
        pushed(2, 'stock.receive', receive(stock, 1)),
        pushed(3, 'stock.issue', { id: stock, qty: 9 }),
      ]),
    );
    const all = await pull(client, {});
    expect(all.lastMutationId).toBe(3);
    expect(all.rejections.map((r) => [r.mutationId, r.code])).toEqual([[1, 'not_found'], [3, 'stock_negative']]);
    expect((await pull(client, {}, { rejectionsAfter: 1 })).rejections.map((r) => r.mutationId)).toEqual([3]);
    expect((await pull(newClientId(), {})).lastMutationId).toBe(0);
  });

  it('sends deletes as tombstones', async () => {
    const client = newClientId();
    const stock = newId();
    await push(pushBody(client, [pushed(1, 'stock.receive', receive(stock, 1))]));
    const before = await pull(client, { 'demo-hospital': 0 }, { limit: 10_000 });
    // No mutator deletes yet: delete through the server's own transaction interface, as one will.
    await srv.server.db.transaction(async (tx) => {
      const [row] = await tx.query<{ version: number }>(`UPDATE space SET version = version + 1 WHERE id = 'demo-hospital' RETURNING version`);
      const serverTx = createDirectTx(tx, 'demo-hospital', row?.version ?? 0);
      await serverTx.del('stock', stock);
      await serverTx.flush();
    });
    const after = await pull(client, before.cursors);
    expect(after.rows).toEqual([expect.objectContaining({ kind: 'stock', id: stock, deleted: true })]);
  });

  it('answers an old client with update_required and a newer one with server_outdated', async () => {
    const old = await post(srv.url, '/api/sync/push', { protocolVersion: 0, shape: 'anything' }, token);
    expect(old.status).toBe(426);
    expect(SyncErrorSchema.parse(old.body)).toMatchObject({ code: 'update_required', serverProtocolVersion: SYNC_PROTOCOL_VERSION });
    const newer = await post(srv.url, '/api/sync/pull', { ...pullBody(newClientId(), {}), protocolVersion: SYNC_PROTOCOL_VERSION + 1 }, token);
    expect(newer.status).toBe(409);
    expect(SyncErrorSchema.parse(newer.body).code).toBe('server_outdated');
  });

  it('names the offending field of a malformed body', async () => {
    const bad = await post(srv.url, '/api/sync/push', pushBody(newClientId(), [{ ...pushed(1, 'stock.issue', {}), space: 'Not A Space' }]), token);
    expect(bad.status).toBe(400);
    const error = SyncErrorSchema.parse(bad.body);
    expect(error.code).toBe('invalid_request');
    expect(error.message).toMatch(/body\.mutations\.0\.space/);
    const notJson = await post(srv.url, '/api/sync/pull', '{"protocolVersion": 1,', token);
    expect(notJson.status).toBe(400);
    expect(SyncErrorSchema.parse(notJson.body).code).toBe('invalid_request');
  });

  it('refuses a body over the size limit before parsing it', async () => {
    const huge = pushBody(newClientId(), [pushed(1, 'stock.receive', { pad: 'x'.repeat(5 * 1024 * 1024) })]);
    const response = await post(srv.url, '/api/sync/push', huge, token);
    expect(response.status).toBe(413);
    expect(SyncErrorSchema.parse(response.body).code).toBe('invalid_request');
  });

  it('keeps stock from going negative when two workstations each issue what alone would fit', async () => {
    const stock = newId();
    await push(pushBody(newClientId(), [pushed(1, 'stock.receive', receive(stock, 10))]));
    const [a, b] = [newClientId(), newClientId()];
    const results: PushResponse[] = await Promise.all([
      push(pushBody(a, [pushed(1, 'stock.issue', { id: stock, qty: 7 })])),
      push(pushBody(b, [pushed(1, 'stock.issue', { id: stock, qty: 6 })])),
    ]);
    const statuses = results.map((r) => r.results[0]?.status).sort();
    expect(statuses).toEqual(['applied', 'rejected']);
    const rejected = results.find((r) => r.results[0]?.status === 'rejected');
    expect(rejected?.results[0]?.code).toBe('stock_negative');
    expect([3, 4]).toContain(await stockQty(stock));
  });

  it('pokes a subscribed WebSocket after a push commits, and refuses a socket without a valid token', async () => {
    await expect(openPokeSocket(srv.url, 'not-a-valid-token-at-all')).rejects.toThrow(/401/);
    const { socket, next } = await openPokeSocket(srv.url, token);
    try {
      const response = await push(pushBody(newClientId(), [pushed(1, 'stock.receive', receive(newId(), 1))]));
      expect(response.results[0]?.status).toBe('applied');
      const [row] = await srv.server.db.query<{ version: number }>(`SELECT version FROM space WHERE id = 'demo-hospital'`);
      expect(await next()).toEqual({ type: 'poke', space: 'demo-hospital', version: row?.version });
    } finally {
      socket.close();
    }
  });

  it.runIf(storage === 'pglite')('refuses a second process on the same PGlite folder instead of corrupting it', async () => {
    await expect(createHospitalServer({ dataDir: srv.dataDir, logger: false })).rejects.toThrow(/in use by process/);
  });
});
