import type { FastifyInstance } from 'fastify';
import { SpaceDirectorySchema, type SpaceDirectory } from '../contract/directory';
import { describeZodError } from '../contract/errors';
import { SpaceIdSchema } from '../domain/ids';
import { toUser } from './accounts';
import { requireAuth } from './auth-routes';
import type { Db, Queryable } from './db/db';
import { forbidden, SyncHttpError } from './http-errors';

type DirectoryRow = { id: string; username: string; display_name: string; roles: string[] };

/** The users granted `space`: names and roles, selected column by column so a hash can never come along. */
export async function usersOfSpace(db: Queryable, space: string): Promise<SpaceDirectory> {
  const rows = await db.query<DirectoryRow>(
    `SELECT u.id, u.username, u.display_name, u.roles
       FROM app_user u JOIN user_space g ON g.user_id = u.id
      WHERE g.space_id = $1
      ORDER BY lower(u.username)`,
    [space],
  );
  // Parsed on the way out: the answer is exactly the contract's shape, whatever a later query adds.
  return SpaceDirectorySchema.parse({ space, users: rows.map(toUser) });
}

/** `GET /api/spaces/:space/users`: who the account ids on a space's records belong to. */
export function registerDirectoryRoutes(app: FastifyInstance, db: Db, options: { now: () => number }): void {
  const auth = requireAuth(db, options.now);
  app.get<{ Params: { space: string } }>('/api/spaces/:space/users', async (request): Promise<SpaceDirectory> => {
    const caller = await auth(request);
    const parsed = SpaceIdSchema.safeParse(request.params.space);
    if (!parsed.success) {
      const { message, issues } = describeZodError(parsed.error, 'params.space');
      throw new SyncHttpError(400, { code: 'invalid_request', message, issues: issues ?? [] });
    }
    // A space that does not exist is refused like one that is not granted: the answer says nothing of either.
    if (!caller.spaces.includes(parsed.data)) throw forbidden(`${caller.user.username} has no access to space ${parsed.data}`);
    return usersOfSpace(db, parsed.data);
  });
}
