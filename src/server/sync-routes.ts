import type { FastifyInstance } from 'fastify';
import { PullRequestSchema, PushRequestSchema, type PullResponse, type PushResponse } from '../contract/sync';
import { requireAuth } from './auth-routes';
import { bindClient, serverEpoch } from './client-binding';
import type { Db } from './db/db';
import { checkProtocolVersion, forbidden, invalidRequest } from './http-errors';
import type { PokeHub } from './pokes';
import { PushBatcher, type Poke } from './push';
import { readPull } from './pull';

export type SyncRouteOptions = {
  now: () => number;
  hub: PokeHub;
  /** Tells other instances (PostgreSQL NOTIFY); this instance's own sockets are poked directly. */
  announce: (pokes: readonly Poke[]) => Promise<void>;
};

/** Registers push and pull; returns the push queue, whose age `/health` reports. */
export function registerSyncRoutes(app: FastifyInstance, db: Db, options: SyncRouteOptions): PushBatcher {
  const auth = requireAuth(db, options.now);
  const batcher = new PushBatcher(db, options.now);
  // The epoch is made once, with the database, and a server serves one database: read it once.
  let epoch: Promise<string> | undefined;
  const epochOf = () => (epoch ??= serverEpoch(db).catch((error: unknown) => {
    epoch = undefined;
    throw error;
  }));

  app.post('/api/sync/push', async (request): Promise<PushResponse> => {
    const caller = await auth(request);
    checkProtocolVersion(request.body);
    const parsed = PushRequestSchema.safeParse(request.body);
    if (!parsed.success) throw invalidRequest(parsed.error);
    await bindClient(db, caller, parsed.data.clientId, parsed.data.deskProof, options.now());
    const { response: answer, pokes } = await batcher.push(caller, parsed.data);
    const response: PushResponse = { ...answer, serverEpoch: await epochOf() };
    // After COMMIT: a poke before it could send a client to pull a version it cannot see yet.
    for (const poke of pokes) options.hub.publish(poke);
    if (pokes.length > 0) {
      options.announce(pokes).catch((error: unknown) => request.log.warn({ err: error }, 'could not announce pokes'));
    }
    const rejected = response.results.filter((r) => r.status === 'rejected').length;
    request.log.info(
      { client: parsed.data.clientId, user: caller.user.username, received: parsed.data.mutations.length, rejected, last: response.lastMutationId },
      'push',
    );
    return response;
  });

  app.post('/api/sync/pull', async (request): Promise<PullResponse> => {
    const caller = await auth(request);
    checkProtocolVersion(request.body);
    const parsed = PullRequestSchema.safeParse(request.body);
    if (!parsed.success) throw invalidRequest(parsed.error);
    const refused = Object.keys(parsed.data.cursors).filter((space) => !caller.spaces.includes(space));
    if (refused.length > 0) throw forbidden(`${caller.user.username} has no access to space ${refused.join(', ')}`);
    await bindClient(db, caller, parsed.data.clientId, parsed.data.deskProof, options.now());
    return { ...(await readPull(db, parsed.data)), serverEpoch: await epochOf() };
  });
  return batcher;
}
