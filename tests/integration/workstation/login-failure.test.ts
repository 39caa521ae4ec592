import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiFailure } from '../../../src/contract/errors';
import { startTestServer, type TestServer, type TestUser } from '../../fixtures/server';
import { withWorkstation } from '../../fixtures/workstation';

/** The code a failed call was refused with, or 'none' when it did not fail. */
async function refusal(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return 'none';
  } catch (error) {
    if (error instanceof ApiFailure) return error.error.code;
    throw error;
  }
}

// Issue 13, item 9: a wrong password at login read "use the correct access token" (the web host's token).
describe('logging a desk in to the hospital server', () => {
  let srv: TestServer;
  let user: TestUser;
  beforeAll(async () => {
    srv = await startTestServer({ storage: 'pglite' });
    user = await srv.createUser({ roles: ['operator'] });
  });
  afterAll(async () => {
    await srv.close();
  });

  it('refuses a wrong password as a login failure, not as a missing access token', async () => {
    await withWorkstation(async (ws) => {
      const code = await refusal(ws.call('auth.login', { serverUrl: srv.url, username: user.username, password: 'not-the-password-9' }));
      expect(code).toBe('login_failed');
      expect((await ws.call('sync.status', {})).user).toBeNull();
    });
  });

  it('refuses an unknown username the same way', async () => {
    await withWorkstation(async (ws) => {
      expect(await refusal(ws.call('auth.login', { serverUrl: srv.url, username: 'nobody-here', password: user.password }))).toBe('login_failed');
    });
  });

  it('logs in with the right password', async () => {
    await withWorkstation(async (ws) => {
      expect(await refusal(ws.call('auth.login', { serverUrl: srv.url, username: user.username, password: user.password }))).toBe('none');
    });
  });
});
