import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SessionSchema, SYNC_PROTOCOL_VERSION, SyncErrorSchema } from '../../../src/contract/sync';
import { defaultLogger } from '../../../src/server/app';
import { SERVER_SCHEMA_VERSION } from '../../../src/server/db/migrations';
import { hashToken } from '../../../src/server/sessions';
import { newClientId, post, pullBody, startTestServer, storageKinds, type TestServer } from '../../fixtures/server';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe.each(await storageKinds())('authentication on %s', (storage) => {
  let srv: TestServer;
  const logLines: string[] = [];
  beforeAll(async () => {
    srv = await startTestServer({
      storage,
      server: {
        loginRateLimit: { max: 5, windowMs: 60_000 },
        logger: { ...defaultLogger, level: 'info', stream: { write: (line: string) => void logLines.push(line) } },
      },
    });
  });
  afterAll(() => srv.close());

  const pull = (token: string) => post(srv.url, '/api/sync/pull', pullBody(newClientId(), { 'demo-hospital': 0 }), token);

  it('answers health without a token, naming the storage and schema version', async () => {
    const response = await fetch(`${srv.url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, storage, schemaVersion: SERVER_SCHEMA_VERSION, protocolVersion: SYNC_PROTOCOL_VERSION, pushQueueAgeMs: 0 });
  });

  it('logs in with the right password and returns a session with roles and spaces', async () => {
    const user = await srv.createUser({ roles: ['operator'], displayName: 'Wang Fang' });
    const response = await post(srv.url, '/api/auth/login', { username: user.username, password: user.password });
    expect(response.status).toBe(200);
    const session = SessionSchema.parse(response.body);
    expect(session.user).toEqual({ id: user.id, username: user.username, displayName: 'Wang Fang', roles: ['operator'] });
    expect(session.spaces).toEqual(['demo-hospital']);
    expect(session.expiresAt).toBeGreaterThan(Date.now() + 11 * HOUR);
    expect((await pull(session.token)).status).toBe(200);
  });

  it('stores only the hash of a token', async () => {
    const user = await srv.createUser();
    const session = await srv.login(user);
    const rows = await srv.server.db.query<{ token_hash: string }>('SELECT token_hash FROM session WHERE user_id = $1', [user.id]);
    expect(rows.map((r) => r.token_hash)).toEqual([hashToken(session.token)]);
    expect(JSON.stringify(rows)).not.toContain(session.token);
  });

  it('refuses a wrong password and an unknown user alike', async () => {
    const user = await srv.createUser();
    const wrong = await post(srv.url, '/api/auth/login', { username: user.username, password: 'not the password' });
    const unknown = await post(srv.url, '/api/auth/login', { username: 'nobody-here', password: 'whatever123' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(SyncErrorSchema.parse(wrong.body)).toEqual(SyncErrorSchema.parse(unknown.body));
  });

  it('rate-limits logins per address and username, not for everyone', async () => {
    const user = await srv.createUser();
    const other = await srv.createUser();
    for (let i = 0; i < 5; i++) {
      expect((await post(srv.url, '/api/auth/login', { username: user.username, password: 'guess' + i })).status).toBe(401);
    }
    const limited = await post(srv.url, '/api/auth/login', { username: user.username, password: user.password });
    expect(limited.status).toBe(429);
    expect(SyncErrorSchema.parse(limited.body).code).toBe('rate_limited');
    expect((await post(srv.url, '/api/auth/login', { username: other.username, password: other.password })).status).toBe(200);
  });

  it('requires a bearer token on every sync and auth route but login and health', async () => {
    for (const path of ['/api/sync/push', '/api/sync/pull', '/api/auth/logout', '/api/auth/renew']) {
      const response = await post(srv.url, path, {});
      expect(response.status, path).toBe(401);
      expect(SyncErrorSchema.parse(response.body).code).toBe('unauthorized');
    }
    expect((await pull('not-a-real-token-at-all')).status).toBe(401);
  });

  it('renews a valid token: the new one works, the old one is revoked', async () => {
    const session = await srv.login(await srv.createUser());
    const renewed = await post(srv.url, '/api/auth/renew', {}, session.token);
    expect(renewed.status).toBe(200);
    const fresh = SessionSchema.parse(renewed.body);
    expect(fresh.token).not.toBe(session.token);
    expect((await pull(fresh.token)).status).toBe(200);
    expect((await pull(session.token)).status).toBe(401);
    expect((await post(srv.url, '/api/auth/renew', {}, session.token)).status).toBe(401);
  });

  it('renews a token that expired days ago, so a long incident never logs the operator out', async () => {
    const session = await srv.login(await srv.createUser());
    try {
      srv.setClockOffset(3 * DAY);
      expect((await pull(session.token)).status).toBe(401);
      const renewed = await post(srv.url, '/api/auth/renew', {}, session.token);
      expect(renewed.status).toBe(200);
      expect((await pull(SessionSchema.parse(renewed.body).token)).status).toBe(200);
    } finally {
      srv.setClockOffset(0);
    }
  });

  it('refuses to renew a token that expired beyond the grace period', async () => {
    const session = await srv.login(await srv.createUser());
    try {
      srv.setClockOffset(12 * HOUR + 8 * DAY);
      expect((await post(srv.url, '/api/auth/renew', {}, session.token)).status).toBe(401);
    } finally {
      srv.setClockOffset(0);
    }
  });

  it('refuses a revoked token, and will not renew it even when it has expired', async () => {
    const session = await srv.login(await srv.createUser());
    expect((await post(srv.url, '/api/auth/logout', {}, session.token)).status).toBe(204);
    expect((await pull(session.token)).status).toBe(401);
    try {
      srv.setClockOffset(13 * HOUR);
      expect((await post(srv.url, '/api/auth/renew', {}, session.token)).status).toBe(401);
    } finally {
      srv.setClockOffset(0);
    }
  });

  it('names the field of a malformed login', async () => {
    const response = await post(srv.url, '/api/auth/login', { username: 'x' });
    expect(response.status).toBe(400);
    expect(SyncErrorSchema.parse(response.body)).toMatchObject({ code: 'invalid_request', message: expect.stringContaining('body.password') as unknown });
  });

  it('never writes a password or a token to the log', async () => {
    const user = await srv.createUser({ password: 'secret-pass-42' });
    await post(srv.url, '/api/auth/login', { username: user.username, password: 'wrong-pass-17' });
    const session = await srv.login(user);
    const renewed = SessionSchema.parse((await post(srv.url, '/api/auth/renew', {}, session.token)).body);
    await pull(renewed.token);
    const log = logLines.join('');
    expect(log).toContain('logged in');
    for (const secret of ['secret-pass-42', 'wrong-pass-17', session.token, renewed.token]) expect(log).not.toContain(secret);
  });
});
