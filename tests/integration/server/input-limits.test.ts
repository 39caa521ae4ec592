import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SpaceDirectorySchema, type SpaceDirectory } from '../../../src/contract/directory';
import { SyncErrorSchema } from '../../../src/contract/sync';
import { newClientId, post, pushBody, pushed, startTestServer, storageKinds, type TestServer } from '../../fixtures/server';
import { makeIncidentArgs } from '../../fixtures/workstation';

describe.each(await storageKinds())('bad input at the server on %s', (storage) => {
  let srv: TestServer;
  let token: string;
  beforeAll(async () => {
    srv = await startTestServer({ storage });
    token = (await srv.login(await srv.createUser())).token;
  });
  afterAll(() => srv.close());

  it('answers a push nested 100,000 levels deep with 400 invalid_request, not a retryable 500', async () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const body = `{"protocolVersion":1,"clientId":"${newClientId()}","mutations":[{"mutationId":1,"name":"incident.declare","space":"demo-hospital","at":1,"args":${deep}}]}`;
    const response = await post(srv.url, '/api/sync/push', body, token);
    expect(response.status).toBe(400);
    const error = SyncErrorSchema.parse(response.body);
    expect(error.code).toBe('invalid_request');
    expect(error.message).toContain('nests deeper than 64');
    // The server is fine afterwards, and ordinary nesting (a map polygon is about ten levels) still goes through.
    const ok = await post(srv.url, '/api/sync/push', pushBody(newClientId(), [pushed(1, 'incident.declare', makeIncidentArgs())]), token);
    expect(ok.status).toBe(200);
  });

  it('answers a login with NUL or a bidi override in the username with 400 naming the character, never 500', async () => {
    for (const username of ['li\u0000wei', 'admin\u202E']) {
      const response = await post(srv.url, '/api/auth/login', { username, password: 'whatever password' });
      expect(response.status).toBe(400);
      expect(SyncErrorSchema.parse(response.body).code).toBe('invalid_request');
    }
    const nul = await post(srv.url, '/api/auth/login', { username: 'li\u0000wei', password: 'whatever password' });
    expect(JSON.stringify(nul.body)).toContain('U+0000');
  });

  it('refuses a display name or username with a right-to-left override or control characters, creating nobody', async () => {
    await expect(srv.createUser({ displayName: 'Dr \u202Egpj.exe' })).rejects.toThrow(/U\+202E \(a bidirectional control\)/);
    await expect(srv.createUser({ displayName: 'Ward\u00073' })).rejects.toThrow(/U\+0007 \(a control character\)/);
    await expect(srv.createUser({ username: 'nurse\u2066' })).rejects.toThrow(/U\+2066/);
    await expect(srv.createSpace({ id: 'ward-rtl', name: 'Ward \u202E7' })).rejects.toThrow(/U\+202E/);
    const [count] = await srv.server.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM app_user WHERE display_name LIKE 'Dr %' OR username LIKE 'nurse%'`);
    expect(count?.n).toBe(0);
  });

  it('shows a name stored before the rule without its hidden characters on the desk', async () => {
    const user = await srv.createUser({ displayName: 'Placeholder' });
    await srv.server.db.query('UPDATE app_user SET display_name = $2 WHERE id = $1', [user.id, 'Dr \u202EanA']);
    const response = await fetch(`${srv.url}/api/spaces/demo-hospital/users`, { headers: { authorization: `Bearer ${token}` } });
    const directory: SpaceDirectory = SpaceDirectorySchema.parse(await response.json());
    expect(directory.users.find((u) => u.id === user.id)?.displayName).toBe('Dr anA');
  });
});
