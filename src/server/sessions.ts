import { createHash, randomBytes } from 'node:crypto';
import type { Session } from '../contract/sync';
import { grantedSpaces, toUser, type User } from './accounts';
import type { Db, Queryable } from './db/db';

export type SessionPolicy = {
  /** How long a token is good for after login or renewal. */
  ttlMs: number;
  /**
   * How long after expiry a token that was never revoked may still be renewed. An operator offline through a
   * long incident comes back and carries on instead of being logged out by age in the middle of the response.
   */
  renewGraceMs: number;
};

export const defaultSessionPolicy: SessionPolicy = { ttlMs: 12 * 3_600_000, renewGraceMs: 7 * 86_400_000 };

/** Who is calling, as the routes see it. */
export type AuthContext = { user: User; spaces: string[]; tokenHash: string; expiresAt: number };

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function issueSession(db: Queryable, user: User, now: number, policy: SessionPolicy): Promise<Session> {
  // 256 bits from the OS: unguessable, so the table can be keyed by its hash alone.
  const token = randomBytes(32).toString('base64url');
  const expiresAt = now + policy.ttlMs;
  await db.query('INSERT INTO session (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)', [
    hashToken(token),
    user.id,
    now,
    expiresAt,
  ]);
  const spaces = await grantedSpaces(db, user.id);
  return { token, expiresAt, user, spaces: spaces.map((space) => space.id), spaceInfo: spaces };
}

type SessionRow = {
  token_hash: string;
  expires_at: number;
  revoked_at: number | null;
  id: string;
  username: string;
  display_name: string;
  roles: string[];
  spaces: string[] | null;
};

async function findSession(db: Queryable, token: string): Promise<SessionRow | undefined> {
  const [row] = await db.query<SessionRow>(
    `SELECT s.token_hash, s.expires_at, s.revoked_at, u.id, u.username, u.display_name, u.roles,
            (SELECT array_agg(space_id ORDER BY space_id) FROM user_space WHERE user_id = u.id) AS spaces
       FROM session s JOIN app_user u ON u.id = s.user_id
      WHERE s.token_hash = $1`,
    [hashToken(token)],
  );
  return row;
}

function toContext(row: SessionRow): AuthContext {
  return { user: toUser(row), spaces: row.spaces ?? [], tokenHash: row.token_hash, expiresAt: row.expires_at };
}

/** The caller behind a bearer token, or undefined for an unknown, revoked or expired one. */
export async function authenticate(db: Queryable, token: string, now: number): Promise<AuthContext | undefined> {
  const row = await findSession(db, token);
  if (!row || row.revoked_at !== null || row.expires_at <= now) return undefined;
  return toContext(row);
}

/**
 * Swaps a token for a fresh one and revokes the old, so a token is only ever renewed once. Accepts a valid
 * token and one that expired within the grace period; never a revoked one. The old row is locked so two
 * concurrent renewals of one token cannot both succeed.
 */
export async function renewSession(db: Db, token: string, now: number, policy: SessionPolicy): Promise<Session | undefined> {
  return db.transaction(async (tx) => {
    const found = await findSession(tx, token);
    if (!found) return undefined;
    const [locked] = await tx.query<{ revoked_at: number | null }>(
      'SELECT revoked_at FROM session WHERE token_hash = $1 FOR UPDATE',
      [found.token_hash],
    );
    if (!locked || locked.revoked_at !== null || found.expires_at + policy.renewGraceMs <= now) return undefined;
    await tx.query('UPDATE session SET revoked_at = $2 WHERE token_hash = $1', [found.token_hash, now]);
    return issueSession(tx, toUser(found), now, policy);
  });
}

export async function revokeSession(db: Queryable, tokenHash: string, now: number): Promise<void> {
  await db.query('UPDATE session SET revoked_at = $2 WHERE token_hash = $1 AND revoked_at IS NULL', [tokenHash, now]);
}
