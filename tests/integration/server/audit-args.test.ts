import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PushResponseSchema } from '../../../src/contract/sync';
import { newId } from '../../../src/domain/ids';
import { canonicalJson, REFUSED_ARGS_MAX_BYTES } from '../../../src/server/audit-args';
import { newClientId, post, pushBody, pushed, startTestServer, storageKinds, type TestServer } from '../../fixtures/server';

describe.each(await storageKinds())('what the audit keeps of a mutation’s args on %s', (storage) => {
  let srv: TestServer;
  beforeAll(async () => {
    srv = await startTestServer({ storage });
  });
  afterAll(() => srv.close());

  const auditOf = async (clientId: string) => {
    const [row] = await srv.server.db.query<{ result: string; args: Record<string, unknown>; size: number }>(
      'SELECT result, args, octet_length(args::text)::int AS size FROM audit WHERE client_id = $1',
      [clientId],
    );
    return row;
  };

  it('keeps a 3 MB refused argument from a viewer as a bounded row: head, full size and SHA-256', async () => {
    const viewer = await srv.login(await srv.createUser({ roles: ['viewer'] }));
    const clientId = newClientId();
    const args = { id: newId(), qty: 1, note: `${'x'.repeat(3 * 1024 * 1024)}` };
    const response = await post(srv.url, '/api/sync/push', pushBody(clientId, [pushed(1, 'stock.issue', args)]), viewer.token);
    expect(response.status).toBe(200);
    expect(PushResponseSchema.parse(response.body).results[0]).toMatchObject({ status: 'rejected' });
    const row = await auditOf(clientId);
    const full = canonicalJson(args);
    expect(row?.result).toBe('rejected');
    expect(row?.args).toEqual({
      truncated: true,
      bytes: Buffer.byteLength(full),
      sha256: createHash('sha256').update(full).digest('hex'),
      head: full.slice(0, REFUSED_ARGS_MAX_BYTES),
    });
    expect(row?.size).toBeLessThan(REFUSED_ARGS_MAX_BYTES + 1024);
  });

  it('cuts a long refused argument of Chinese text and emoji on a character boundary', async () => {
    const viewer = await srv.login(await srv.createUser({ roles: ['viewer'] }));
    const clientId = newClientId();
    const args = { note: '急诊🚑'.repeat(5000) };
    await post(srv.url, '/api/sync/push', pushBody(clientId, [pushed(1, 'log.add', args)]), viewer.token);
    const row = await auditOf(clientId);
    const head = String(row?.args['head']);
    expect(Buffer.byteLength(head)).toBeLessThanOrEqual(REFUSED_ARGS_MAX_BYTES);
    expect(canonicalJson(args).startsWith(head)).toBe(true);
    expect(/[\uD800-\uDBFF]$/.test(head)).toBe(false);
  });

  it('keeps a small refused argument whole, so the refusal can be read in full', async () => {
    const viewer = await srv.login(await srv.createUser({ roles: ['viewer'] }));
    const clientId = newClientId();
    const args = { id: newId(), qty: 5 };
    await post(srv.url, '/api/sync/push', pushBody(clientId, [pushed(1, 'stock.issue', args)]), viewer.token);
    expect((await auditOf(clientId))?.args).toEqual(args);
  });

  it('keeps an applied mutation’s args whole, however long (its schema bounded them)', async () => {
    const user = await srv.login(await srv.createUser());
    const clientId = newClientId();
    const rows = Array.from({ length: 200 }, (_, i) => ({
      item: `${'物'.repeat(95)}${String(i).padStart(5, '0')}`, category: 'ppe', unit: 'box', store: 'Central store',
      qty: 1, par: 10, yellowAt: 5, redAt: 2, levelId: newId(),
    }));
    const response = await post(srv.url, '/api/sync/push', pushBody(clientId, [pushed(1, 'stock.import', { rows })]), user.token);
    expect(PushResponseSchema.parse(response.body).results[0]).toMatchObject({ status: 'applied' });
    const row = await auditOf(clientId);
    expect(row?.result).toBe('applied');
    expect(row?.args).toEqual({ rows });
  });
});
