import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SpaceDirectorySchema } from '../../../src/contract/directory';
import { SyncErrorSchema } from '../../../src/contract/sync';
import { startTestServer, storageKinds, type TestServer } from '../../fixtures/server';

/** A GET with an optional bearer token; the status and the parsed body. */
async function get(base: string, path: string, token?: string): Promise<{ status: number; text: string; body: unknown }> {
  const response = await fetch(`${base}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const text = await response.text();
  return { status: response.status, text, body: text ? (JSON.parse(text) as unknown) : null };
}

describe.each(await storageKinds())('the user directory route on %s', (storage) => {
  let srv: TestServer;
  beforeAll(async () => {
    srv = await startTestServer({ storage });
    await srv.createSpace({ id: 'drill-2026', name: 'Spring drill', kind: 'exercise' });
  });
  afterAll(() => srv.close());

  const usersOf = (space: string, token?: string) => get(srv.url, `/api/spaces/${space}/users`, token);

  it('lists the users granted the space with id, username, display name and roles', async () => {
    const wang = await srv.createUser({ displayName: '王医生', roles: ['incident_commander'], spaces: ['demo-hospital'] });
    const chen = await srv.createUser({ displayName: 'Duty Officer Chen', roles: ['operator', 'planning_chief'], spaces: ['demo-hospital', 'drill-2026'] });
    const elsewhere = await srv.createUser({ displayName: 'Drill only', spaces: ['drill-2026'] });
    const session = await srv.login(wang);

    const response = await usersOf('demo-hospital', session.token);
    expect(response.status).toBe(200);
    const directory = SpaceDirectorySchema.parse(response.body);
    expect(directory.space).toBe('demo-hospital');
    expect(directory.users).toEqual(
      expect.arrayContaining([
        { id: wang.id, username: wang.username, displayName: '王医生', roles: ['incident_commander'] },
        { id: chen.id, username: chen.username, displayName: 'Duty Officer Chen', roles: ['operator', 'planning_chief'] },
      ]),
    );
    expect(directory.users.map((u) => u.id)).not.toContain(elsewhere.id);
  });

  it('sends no password hash, token or other secret, only the four fields of each user', async () => {
    const user = await srv.createUser({ password: 'a-secret-password-1', displayName: '李护士' });
    const session = await srv.login(user);
    const [row] = await srv.server.db.query<{ password_hash: string }>('SELECT password_hash FROM app_user WHERE id = $1', [user.id]);

    const response = await usersOf('demo-hospital', session.token);
    expect(response.status).toBe(200);
    for (const secret of ['a-secret-password-1', session.token, row?.password_hash ?? 'missing', '$argon2', 'password', 'token']) {
      expect(response.text).not.toContain(secret);
    }
    const { users } = response.body as { users: Record<string, unknown>[] };
    for (const u of users) expect(Object.keys(u).sort()).toEqual(['displayName', 'id', 'roles', 'username']);
    expect(Object.keys(response.body as object).sort()).toEqual(['space', 'users']);
  });

  it('refuses a space the caller is not granted with 403, whether or not it exists', async () => {
    const session = await srv.login(await srv.createUser({ spaces: ['demo-hospital'] }));
    for (const space of ['drill-2026', 'no-such-hospital']) {
      const response = await usersOf(space, session.token);
      expect(response.status, space).toBe(403);
      expect(SyncErrorSchema.parse(response.body).code).toBe('forbidden');
    }
  });

  it('refuses a caller without a valid token with 401', async () => {
    for (const token of [undefined, 'not-a-real-token-at-all']) {
      const response = await usersOf('demo-hospital', token);
      expect(response.status).toBe(401);
      expect(SyncErrorSchema.parse(response.body).code).toBe('unauthorized');
    }
  });

  it('stops answering for a space as soon as its grant is withdrawn', async () => {
    const user = await srv.createUser({ spaces: ['demo-hospital', 'drill-2026'] });
    const session = await srv.login(user);
    expect((await usersOf('drill-2026', session.token)).status).toBe(200);
    await srv.server.db.query('DELETE FROM user_space WHERE user_id = $1 AND space_id = $2', [user.id, 'drill-2026']);
    expect((await usersOf('drill-2026', session.token)).status).toBe(403);
  });

  it('names the parameter of a malformed space id', async () => {
    const session = await srv.login(await srv.createUser());
    const response = await usersOf('Not%20A%20Slug', session.token);
    expect(response.status).toBe(400);
    expect(SyncErrorSchema.parse(response.body)).toMatchObject({ code: 'invalid_request', message: expect.stringContaining('params.space') as unknown });
  });
});
