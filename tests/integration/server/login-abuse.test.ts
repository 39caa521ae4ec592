import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { connect } from 'node:net';
import { promisify } from 'node:util';
import type { WebSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SessionSchema, SyncErrorSchema } from '../../../src/contract/sync';
import { createUser, NewUserSchema } from '../../../src/server/accounts';
import { SESSION_ENDED } from '../../../src/server/socket';
import { openPokeSocket, post, startTestServer, storageKinds, type TestServer } from '../../fixtures/server';
import { makeTempDir } from '../../fixtures/workstation';

const closed = (socket: WebSocket) => new Promise<number>((resolve) => socket.once('close', (code: number) => resolve(code)));

describe.each(await storageKinds())('login abuse on %s', { timeout: 120_000 }, (storage) => {
  let srv: TestServer;
  beforeAll(async () => {
    // Generous per username (tests log in a lot); 10 failures per address, so the test hashes few passwords
    // (argon2 with 64 MiB each, on a loaded machine). The default is 30 per 15 minutes.
    srv = await startTestServer({
      storage,
      server: { socketSessionCheckMs: 200, loginRateLimit: { max: 1_000, windowMs: 60_000, perAddress: { max: 10, windowMs: 60_000 } } },
    });
  });
  afterAll(() => srv.close());

  const loginFrom = async (address: string, username: string, password: string) => {
    const response = await srv.server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress: address });
    return { status: response.statusCode, body: response.json<unknown>() };
  };

  it('throttles password spraying: 40 usernames from one address are refused after its 10 failures, other addresses are not', async () => {
    const user = await srv.createUser();
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) statuses.push((await loginFrom('10.0.0.66', `nurse${i}`, 'Spring2026!')).status);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses.slice(10)).toEqual(Array(30).fill(429));
    const refused = await loginFrom('10.0.0.66', user.username, user.password);
    expect(refused.status).toBe(429);
    expect(SyncErrorSchema.parse(refused.body)).toMatchObject({ code: 'rate_limited', message: expect.stringContaining('this address') as unknown });
    expect((await loginFrom('10.0.0.67', user.username, user.password)).status).toBe(200);
  });

  it('does not count successful logins: 12 desks behind one NAT address log in at a shift change', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const user = await srv.createUser();
      statuses.push((await loginFrom('10.0.0.80', user.username, user.password)).status);
    }
    expect(statuses).toEqual(Array(12).fill(200));
  });

  it('answers a NUL or another control character in a username with 400 invalid_request', async () => {
    for (const username of ['li\u0000wei', 'li\u001bwei', 'li\u0085wei']) {
      const response = await post(srv.url, '/api/auth/login', { username, password: 'whatever-long' });
      expect(response.status, JSON.stringify(username)).toBe(400);
      expect(SyncErrorSchema.parse(response.body)).toMatchObject({ code: 'invalid_request', message: expect.stringContaining('body.username') as unknown });
    }
  });

  it('closes the poke socket of a session that logs out', async () => {
    const session = await srv.login(await srv.createUser());
    const { socket } = await openPokeSocket(srv.url, session.token);
    const code = closed(socket);
    expect((await post(srv.url, '/api/auth/logout', {}, session.token)).status).toBe(204);
    expect(await code).toBe(SESSION_ENDED);
  });

  it('closes the poke socket of a token revoked by renewal, and keeps the new token’s socket open', async () => {
    const session = await srv.login(await srv.createUser());
    const old = await openPokeSocket(srv.url, session.token);
    const code = closed(old.socket);
    const renewed = SessionSchema.parse((await post(srv.url, '/api/auth/renew', {}, session.token)).body);
    const fresh = await openPokeSocket(srv.url, renewed.token);
    expect(await code).toBe(SESSION_ENDED);
    // Two more session checks pass without closing the new one: it is still open when its own logout closes it.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(fresh.socket.readyState).toBe(fresh.socket.OPEN);
    fresh.socket.close();
  });

  it('keeps serving when desks reset their poke socket while the server is still checking its token', async () => {
    // A desk that logs out, or a cable pulled, mid-handshake resets the connection while the session is looked up:
    // with no one listening for that socket's error, the reset was an uncaught exception that ended the server.
    const session = await srv.login(await srv.createUser());
    const { port } = new URL(srv.url);
    const uncaught: unknown[] = [];
    const record = (error: unknown) => uncaught.push(error);
    process.on('uncaughtException', record);
    try {
      for (let i = 0; i < 20; i++) {
        const raw = connect(Number(port), '127.0.0.1');
        raw.on('error', () => undefined);
        await new Promise<void>((resolve) => raw.once('connect', () => resolve()));
        raw.write(
          `GET /api/sync/socket HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n` +
            `Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\nAuthorization: Bearer ${session.token}\r\n\r\n`,
        );
        // 0 to 19 ms after the request: some resets land while the session is looked up.
        await new Promise((resolve) => setTimeout(resolve, i));
        raw.resetAndDestroy();
      }
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(uncaught).toEqual([]);
      const { socket } = await openPokeSocket(srv.url, session.token);
      expect(socket.readyState).toBe(socket.OPEN);
      socket.close();
    } finally {
      process.off('uncaughtException', record);
    }
  });

  it('closes the poke socket of a session that expires', async () => {
    const session = await srv.login(await srv.createUser());
    const { socket } = await openPokeSocket(srv.url, session.token);
    const code = closed(socket);
    srv.setClockOffset(13 * 3_600_000);
    try {
      expect(await code).toBe(SESSION_ENDED);
    } finally {
      srv.setClockOffset(0);
    }
  });
});

describe('the password policy for new accounts', { timeout: 120_000 }, () => {
  const base: { username: string; roles: ['operator']; spaces: string[] } = { username: 'li.wei', roles: ['operator'], spaces: ['demo-hospital'] };
  const problem = (password: string, username: string = base.username) => {
    const parsed = NewUserSchema.safeParse({ ...base, username, password });
    return parsed.success ? undefined : parsed.error.issues.map((i) => i.message).join('; ');
  };

  it.each([
    ['password', /most common/],
    ['12345678', /most common/],
    ['PassWord1', /most common/],
    ['woaini1314', /most common/],
    ['short7!', /at least 8/],
    ['x'.repeat(201), /at most 200/],
  ])('refuses %j with a clear reason', (password, reason) => {
    expect(problem(password)).toMatch(reason);
  });

  it('refuses the username as its password, ignoring case', () => {
    expect(problem('Li.Wei.2026', 'li.wei.2026')).toBe('password must not be the username');
  });

  it('accepts a passphrase, and counts characters, not UTF-16 units', () => {
    expect(problem('correct horse battery')).toBeUndefined();
    expect(problem('急诊科指挥中心值班')).toBeUndefined();
    expect(problem('🚑🚑🚑🚑🚑🚑🚑')).toMatch(/at least 8/);
  });

  it('refuses a control character in a new username', () => {
    expect(NewUserSchema.safeParse({ ...base, username: 'li\u0000wei', password: 'correct horse battery' }).success).toBe(false);
  });

  it('is enforced by createUser itself, whatever calls it', async () => {
    const srv = await startTestServer();
    try {
      await expect(srv.server.db.transaction((tx) => createUser(tx, { ...base, password: '12345678' }))).rejects.toThrow(/most common/);
      expect(await srv.server.db.query('SELECT 1 FROM app_user WHERE username = $1', [base.username])).toEqual([]);
    } finally {
      await srv.close();
    }
  });

  it('makes `npm run server -- create-user` refuse a common password with the reason and exit 1', async () => {
    const { dir, cleanup } = makeTempDir('hcc-cli-');
    try {
      const run = promisify(execFile)('npx', ['tsx', 'src/server/cli.ts', 'create-user', '--data-dir', dir, '--username', 'li.wei', '--password', 'password', '--roles', 'operator', '--spaces', 'demo-hospital'], {
        env: { ...process.env, DATABASE_URL: '' },
      });
      await expect(run).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('password is one of the most common passwords') as unknown });
    } finally {
      cleanup();
    }
  });
});
