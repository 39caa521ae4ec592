import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { PullRequestSchema, PushRequestSchema, type PullResponse, type PushResponse } from '../contract/sync';
import { requireAuth } from './auth-routes';
import { bindClient, serverEpoch } from './client-binding';
import type { Db } from './db/db';
import { checkProtocolVersion, invalidRequest } from './http-errors';
import type { PokeHub } from './pokes';
import type { PushBatcher, Poke } from './push';
import { readPull } from './pull';
import { withoutIdentities } from '../domain/casualties';
import { mayReceive } from '../domain/recovery';
import { withoutScenario } from './scenario-filter';

export type SyncRouteOptions = {
  now: () => number;
  hub: PokeHub;
  /** Tells other instances (PostgreSQL NOTIFY); this instance's own sockets are poked directly. */
  announce: (pokes: readonly Poke[]) => Promise<void>;
};

/** Tells the clients of the spaces a commit wrote: this instance's sockets at once, other instances through the database. */
export type PublishPokes = (pokes: readonly Poke[], log: FastifyBaseLogger) => void;

export function pokePublisher(options: SyncRouteOptions): PublishPokes {
  return (pokes, log) => {
    // After COMMIT: a poke before it could send a client to pull a version it cannot see yet.
    for (const poke of pokes) options.hub.publish(poke);
    if (pokes.length > 0) options.announce(pokes).catch((error: unknown) => log.warn({ err: error }, 'could not announce pokes'));
  };
}

/** Registers push and pull; returns the push queue, whose age `/health` reports. */
export function registerSyncRoutes(app: FastifyInstance, db: Db, options: SyncRouteOptions, batcher: PushBatcher): void {
  const publish = pokePublisher(options);
  const auth = requireAuth(db, options.now);
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
    publish(pokes, request.log);
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
    // A space taken from this user must not stop the others: answer for the granted ones and name the rest.
    const cursors = Object.entries(parsed.data.cursors);
    const withdrawn = cursors.filter(([space]) => !caller.spaces.includes(space)).map(([space]) => space);
    await bindClient(db, caller, parsed.data.clientId, parsed.data.deskProof, options.now());
    const page = await readPull(db, { ...parsed.data, cursors: Object.fromEntries(cursors.filter(([space]) => caller.spaces.includes(space))) });
    // Names of patients and families leave the server only for a user who may see them (patient.identify): the
    // rest receive the same rows without those fields, so no desk of theirs, wall or export can hold one.
    const actor = { userId: caller.user.id, roles: caller.user.roles };
    // Individual wellbeing check-ins are not sent at all without wellbeing.read: every desk gets the unit tally instead.
    const named = page.rows
      .filter((row) => mayReceive(row.kind, actor))
      .map((row) => (row.deleted ? row : { ...row, data: withoutIdentities(row.kind, row.data, actor) }));
    // Players do not receive the MSEL ahead of play, nor the evaluation (scenario-filter.ts).
    const rows = await withoutScenario(db, named, actor);
    const answer = { ...page, rows, serverEpoch: await epochOf() };
    return withdrawn.length > 0 ? { ...answer, withdrawnSpaces: withdrawn } : answer;
  });
}
