import rateLimit from '@fastify/rate-limit';
import argon2 from 'argon2';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { LoginRequestSchema, type Session } from '../contract/sync';
import { findUserByUsername, hashPassword, toUser } from './accounts';
import type { Db } from './db/db';
import { invalidRequest, SyncHttpError, unauthorized } from './http-errors';
import { LoginThrottle, type AddressLimit } from './login-throttle';
import { authenticate, issueSession, renewSession, revokeSession, type AuthContext, type SessionPolicy } from './sessions';

/**
 * `max` attempts per address and username in `windowMs` (a guesser on one account), and `perAddress`: failed
 * logins per address whatever the username (a sprayer across many; see login-throttle.ts).
 */
export type LoginRateLimit = { max: number; windowMs: number; perAddress?: AddressLimit };

export const defaultAddressLimit: AddressLimit = { max: 30, windowMs: 15 * 60_000 };

export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer ([A-Za-z0-9_-]{16,200})$/.exec(header ?? '');
  return match?.[1];
}

export function requireAuth(db: Db, now: () => number) {
  return async (request: FastifyRequest): Promise<AuthContext> => {
    const token = bearerToken(request.headers.authorization);
    const auth = token ? await authenticate(db, token, now()) : undefined;
    if (!auth) throw unauthorized();
    return auth;
  };
}

function usernameOf(request: FastifyRequest): string {
  const body = request.body as { username?: unknown } | undefined;
  return typeof body?.username === 'string' ? body.username.trim().toLowerCase().slice(0, 100) : '';
}

/** `POST /api/auth/login`, `/renew`, `/logout`. Only login and health are reachable without a token. */
export async function registerAuthRoutes(
  app: FastifyInstance,
  db: Db,
  options: {
    now: () => number;
    policy: SessionPolicy;
    loginRateLimit: LoginRateLimit;
    /** Called after a logout revokes a session, so its poke sockets close at once. */
    onSessionEnded?: (tokenHash: string) => void;
  },
): Promise<void> {
  const { now, policy } = options;
  const addressLimit = options.loginRateLimit.perAddress ?? defaultAddressLimit;
  const throttle = new LoginThrottle(addressLimit);
  // Hashing a fixed password for unknown usernames makes "no such user" take as long as "wrong password".
  const decoyHash = await hashPassword('decoy password, never matches a login');

  await app.register(rateLimit, {
    global: false,
    // After the body is parsed, so the key can name the username being guessed.
    hook: 'preHandler',
    errorResponseBuilder: () =>
      new SyncHttpError(429, { code: 'rate_limited', message: 'too many login attempts: wait a minute and try again' }),
  });

  app.post(
    '/api/auth/login',
    {
      config: {
        rateLimit: {
          max: options.loginRateLimit.max,
          timeWindow: options.loginRateLimit.windowMs,
          // Per address and username: a guesser is slowed down without locking out the rest of the command room.
          keyGenerator: (request: FastifyRequest) => `${request.ip}|${usernameOf(request)}`,
        },
      },
    },
    async (request): Promise<Session> => {
      const parsed = LoginRequestSchema.safeParse(request.body);
      if (!parsed.success) throw invalidRequest(parsed.error);
      const slot = throttle.take(request.ip, now());
      if (!slot) {
        request.log.warn({ address: request.ip }, 'login refused: too many failed logins from this address');
        const minutes = Math.ceil(addressLimit.windowMs / 60_000);
        throw new SyncHttpError(429, { code: 'rate_limited', message: `too many failed logins from this address: wait ${minutes} minutes and try again` });
      }
      const row = await findUserByUsername(db, parsed.data.username);
      const ok = await argon2.verify(row?.password_hash ?? decoyHash, parsed.data.password);
      if (!row || !ok) {
        request.log.info({ username: parsed.data.username }, 'login refused');
        throw new SyncHttpError(401, { code: 'unauthorized', message: 'wrong username or password' });
      }
      slot.succeeded();
      const session = await issueSession(db, toUser(row), now(), policy);
      request.log.info({ user: row.username }, 'logged in');
      return session;
    },
  );

  app.post('/api/auth/renew', async (request): Promise<Session> => {
    const token = bearerToken(request.headers.authorization);
    const session = token ? await renewSession(db, token, now(), policy) : undefined;
    if (!session) throw unauthorized('this token cannot be renewed: log in again');
    return session;
  });

  const auth = requireAuth(db, now);
  app.post('/api/auth/logout', async (request, reply) => {
    const { tokenHash } = await auth(request);
    await revokeSession(db, tokenHash, now());
    options.onSessionEnded?.(tokenHash);
    return reply.status(204).send();
  });
}
