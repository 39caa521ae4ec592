import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SyncErrorSchema } from '../../../src/contract/sync';
import type { PgTimeouts } from '../../../src/server/db/pg-db';
import type { HealthPolicy } from '../../../src/server/health';
import { TcpProxy } from '../../chaos/tcp-proxy';
import {
  createTestDatabase, newClientId, post, postgresReachable, pushBody, pushed, startTestServer, type TestServer,
} from '../../fixtures/server';
import { makeIncidentArgs } from '../../fixtures/workstation';

type Rig = { srv: TestServer; proxy: TcpProxy; admin: pg.Client; token: string };

const rigs: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of rigs.splice(0).reverse()) await close();
});

/**
 * A server whose every PostgreSQL connection goes through a proxy the test controls, plus a direct admin
 * connection (not through the proxy) to hold locks and watch the server's sessions.
 */
async function serverBehindProxy(timeouts: Partial<PgTimeouts>, health: Partial<HealthPolicy> = {}): Promise<Rig> {
  const database = await createTestDatabase();
  const direct = new URL(database.url);
  const proxy = new TcpProxy(Number(direct.port || 5432));
  const proxied = new URL(database.url);
  proxied.hostname = '127.0.0.1';
  proxied.port = String(await proxy.listen());
  const srv = await startTestServer({ databaseUrl: proxied.toString(), server: { databaseTimeouts: timeouts, health } });
  const admin = new pg.Client({ connectionString: database.url });
  await admin.connect();
  rigs.push(async () => {
    proxy.setMode('up');
    await admin.end().catch(() => undefined);
    await srv.close();
    await proxy.close();
    await database.drop();
  });
  const token = (await srv.login(await srv.createUser())).token;
  return { srv, proxy, admin, token };
}

const declare = (mutationId: number) => pushed(mutationId, 'incident.declare', makeIncidentArgs());

/** Holds the space's row lock from outside the server, so a push waits inside its open transaction. */
async function holdSpace(admin: pg.Client): Promise<() => Promise<void>> {
  await admin.query('BEGIN');
  await admin.query(`SELECT id FROM space WHERE id = 'demo-hospital' FOR UPDATE`);
  return async () => {
    await admin.query('COMMIT');
  };
}

async function untilWaitingOnLock(admin: pg.Client): Promise<void> {
  for (;;) {
    const { rows } = await admin.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
    );
    if ((rows[0]?.n ?? 0) > 0) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function health(srv: TestServer): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${srv.url}/health`);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function untilHealth(srv: TestServer, status: number): Promise<Record<string, unknown>> {
  for (;;) {
    const answer = await health(srv);
    if (answer.status === status) return answer.body;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.runIf(await postgresReachable())('the server when its PostgreSQL link is cut or goes silent', { timeout: 90_000 }, () => {
  it('survives a link cut in the middle of a push: that push gets a retryable 503, and the server serves again when the link is back', async () => {
    const { srv, proxy, admin, token } = await serverBehindProxy({ statementTimeoutMs: 60_000, queryTimeoutMs: 60_000 });
    const client = newClientId();
    const release = await holdSpace(admin);
    const open = post(srv.url, '/api/sync/push', pushBody(client, [declare(1)]), token);
    await untilWaitingOnLock(admin);

    proxy.setMode('down');
    const cut = await open;
    expect(cut.status).toBe(503);
    expect(SyncErrorSchema.parse(cut.body).code).toBe('unavailable');
    await release();
    // While the link is down: pushes and health say so at once, and the process keeps answering.
    const during = await post(srv.url, '/api/sync/push', pushBody(client, [declare(1)]), token);
    expect(during.status).toBe(503);
    expect((await health(srv)).status).toBe(503);

    proxy.setMode('up');
    const again = await post(srv.url, '/api/sync/push', pushBody(client, [declare(1)]), token);
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    expect(again.body).toMatchObject({ results: [{ mutationId: 1, status: 'applied' }], lastMutationId: 1 });
    expect((await health(srv)).body).toMatchObject({ ok: true, storage: 'postgres' });
  });

  it('does not hang a push on a silent link: it ends with a retryable 503, health says so, and pushes work once the link answers', async () => {
    const { srv, proxy, token } = await serverBehindProxy(
      { statementTimeoutMs: 1_000, queryTimeoutMs: 1_500, connectionTimeoutMs: 1_000 },
      { probeTimeoutMs: 1_000 },
    );
    const client = newClientId();
    proxy.setMode('silent');
    const stuck = await post(srv.url, '/api/sync/push', pushBody(client, [declare(1)]), token);
    expect(stuck.status).toBe(503);
    expect(SyncErrorSchema.parse(stuck.body).code).toBe('unavailable');
    expect(await health(srv)).toMatchObject({ status: 503, body: { ok: false } });

    proxy.setMode('up');
    const again = await post(srv.url, '/api/sync/push', pushBody(client, [declare(1)]), token);
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    expect(await untilHealth(srv, 200)).toMatchObject({ ok: true });
  });

  it('reports a stalled write path on /health while a push waits, and healthy again once it is answered', async () => {
    const { srv, admin, token } = await serverBehindProxy({ statementTimeoutMs: 60_000, queryTimeoutMs: 60_000 }, { pushStallMs: 200 });
    expect((await health(srv)).status).toBe(200);
    const release = await holdSpace(admin);
    const open = post(srv.url, '/api/sync/push', pushBody(newClientId(), [declare(1)]), token);
    await untilWaitingOnLock(admin);
    const stalled = await untilHealth(srv, 503);
    expect(stalled).toMatchObject({ ok: false, reason: 'pushes stalled' });
    expect(stalled['pushQueueAgeMs']).toBeGreaterThan(200);

    await release();
    expect((await open).status).toBe(200);
    expect(await untilHealth(srv, 200)).toMatchObject({ ok: true, pushQueueAgeMs: 0 });
  });
});

describe('the embedded PGlite server', () => {
  let srv: TestServer;
  beforeAll(async () => {
    srv = await startTestServer({ storage: 'pglite', server: { health: { probeTimeoutMs: 300 } } });
  });
  afterAll(() => srv.close());

  it('reports 503 on /health while its one connection is held, instead of a 200 that waits forever', async () => {
    expect((await health(srv)).status).toBe(200);
    let finish = () => undefined as void;
    const held = srv.server.db.transaction(() => new Promise<void>((resolve) => (finish = resolve)));
    expect(await health(srv)).toMatchObject({ status: 503, body: { ok: false, storage: 'pglite' } });
    finish();
    await held;
    expect(await untilHealth(srv, 200)).toMatchObject({ ok: true, storage: 'pglite' });
  });
});
