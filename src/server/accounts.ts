import argon2 from 'argon2';
import { z } from 'zod';
import { visibleText } from '../domain/display-text';
import { newId, SpaceIdSchema } from '../domain/ids';
import { RoleSchema, type Role } from '../domain/roles';
import { SpaceKindSchema, SpaceNameSchema, SpaceSchema, type Space } from '../domain/spaces';
import type { Queryable } from './db/db';
import { isUsername, passwordProblem } from './password-policy';

export const NewUserSchema = z
  .strictObject({
    username: visibleText(z.string().trim().min(1).max(100).regex(/^[^\s:]+$/, { message: 'no spaces or colons' })),
    password: z.string().superRefine((password, ctx) => {
      const problem = passwordProblem(password);
      if (problem) ctx.addIssue({ code: 'custom', message: `password ${problem}` });
    }),
    displayName: visibleText(z.string().trim().min(1).max(200)).optional(),
    roles: z.array(RoleSchema).min(1),
    spaces: z.array(SpaceIdSchema),
  })
  .superRefine((user, ctx) => {
    if (isUsername(user.password, user.username)) ctx.addIssue({ code: 'custom', path: ['password'], message: 'password must not be the username' });
  });
export type NewUser = z.input<typeof NewUserSchema>;

export const NewSpaceSchema = z.strictObject({
  id: SpaceIdSchema,
  name: visibleText(SpaceNameSchema),
  kind: SpaceKindSchema.default('hospital'),
});
export type NewSpace = z.input<typeof NewSpaceSchema>;

export type User = { id: string; username: string; displayName: string; roles: Role[] };

export type UserRow = { id: string; username: string; display_name: string; roles: string[]; password_hash: string };

export function toUser(row: Omit<UserRow, 'password_hash'>): User {
  // Roles the code no longer knows are dropped, not trusted.
  const roles = row.roles.flatMap((r) => {
    const parsed = RoleSchema.safeParse(r);
    return parsed.success ? [parsed.data] : [];
  });
  return { id: row.id, username: row.username, displayName: row.display_name, roles };
}

export class AccountError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AccountError';
  }
}

/** argon2id with the library's defaults (64 MiB, 3 passes): slow for a guesser, ~0.1 s for a login. */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

export async function createSpace(db: Queryable, input: NewSpace, now = Date.now()): Promise<void> {
  const space = NewSpaceSchema.parse(input);
  const rows = await db.query(
    'INSERT INTO space (id, name, kind, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO NOTHING RETURNING id',
    [space.id, space.name, space.kind, now],
  );
  if (rows.length === 0) throw new AccountError(`space ${space.id} already exists`);
}

export async function createUser(db: Queryable, input: NewUser, now = Date.now()): Promise<User> {
  const user = NewUserSchema.parse(input);
  const known = await db.query<{ id: string }>('SELECT id FROM space WHERE id = ANY($1::text[])', [user.spaces]);
  const missing = user.spaces.filter((s) => !known.some((k) => k.id === s));
  if (missing.length > 0) throw new AccountError(`no such space: ${missing.join(', ')}`);
  const [taken] = await db.query('SELECT 1 FROM app_user WHERE lower(username) = lower($1)', [user.username]);
  if (taken) throw new AccountError(`user ${user.username} already exists`);
  const id = newId();
  const displayName = user.displayName ?? user.username;
  await db.query(
    'INSERT INTO app_user (id, username, display_name, password_hash, roles, created_at) VALUES ($1, $2, $3, $4, $5::text[], $6)',
    [id, user.username, displayName, await hashPassword(user.password), user.roles, now],
  );
  for (const space of new Set(user.spaces)) {
    await db.query('INSERT INTO user_space (user_id, space_id) VALUES ($1, $2)', [id, space]);
  }
  return { id, username: user.username, displayName, roles: user.roles };
}

export async function findUserByUsername(db: Queryable, username: string): Promise<UserRow | undefined> {
  const [row] = await db.query<UserRow>(
    'SELECT id, username, display_name, roles, password_hash FROM app_user WHERE lower(username) = lower($1)',
    [username],
  );
  return row;
}

/** The spaces a user is granted, as the session describes them: a desk reads a drill's kind here, not its name. */
export async function grantedSpaces(db: Queryable, userId: string): Promise<Space[]> {
  const rows = await db.query<Space>(
    'SELECT s.id, s.kind, s.name FROM user_space g JOIN space s ON s.id = g.space_id WHERE g.user_id = $1 ORDER BY s.id',
    [userId],
  );
  return rows.map((row) => SpaceSchema.parse(row));
}
