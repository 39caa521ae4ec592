import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { describeZodError } from '../contract/errors';
import { MutualAidSendSchema, type MutualAidHospitals, type MutualAidSent } from '../contract/mutual-aid';
import { SYNC_PROTOCOL_VERSION } from '../contract/sync';
import { newId, SpaceIdSchema } from '../domain/ids';
import { can } from '../domain/roles';
import { requireAuth } from './auth-routes';
import { bindClient } from './client-binding';
import type { Db } from './db/db';
import { findSpace } from './exchange/have-source';
import { deliverRmRequest, type Receive } from './exchange/rm-exchange';
import { forbidden, invalidRequest, SyncHttpError } from './http-errors';
import type { PushBatcher } from './push';
import type { AuthContext } from './sessions';
import type { PublishPokes } from './sync-routes';

/**
 * Mutual aid between hospital spaces of one server. `POST /api/spaces/:space/mutual-aid` sends one of the space's
 * resource requests (HICS 213RR) to another hospital's space as an EDXL-RM RequestResource, where it lands as an
 * incoming mutual-aid request, exactly as `import-rm` would bring it in; `GET …/mutual-aid/hospitals` lists where
 * one may go. The caller must be granted the sending space and hold `request.approve` (Logistics decides to ask a
 * neighbour); the receiving space is not theirs, and is widened to them for that one push only, so the receiving
 * mutator judges the sender's roles and the receiving space's audit names who asked. Exercise spaces neither send
 * nor receive: drill data never reaches a real hospital.
 */
export function registerMutualAidRoutes(app: FastifyInstance, db: Db, options: { now: () => number; batcher: PushBatcher; publish: PublishPokes }): void {
  const auth = requireAuth(db, options.now);
  const sender = async (request: FastifyRequest<{ Params: { space: string } }>): Promise<{ caller: AuthContext; space: string }> => {
    const caller = await auth(request);
    const parsed = SpaceIdSchema.safeParse(request.params.space);
    if (!parsed.success) {
      const { message, issues } = describeZodError(parsed.error, 'params.space');
      throw new SyncHttpError(400, { code: 'invalid_request', message, issues: issues ?? [] });
    }
    if (!caller.spaces.includes(parsed.data)) throw forbidden(`${caller.user.username} has no access to space ${parsed.data}`);
    if (!can({ userId: caller.user.id, roles: caller.user.roles }, 'request.approve')) throw forbidden(`${caller.user.username} may not ask other hospitals for aid (needs request.approve)`);
    const own = await findSpace(db, parsed.data);
    if (own?.kind !== 'hospital') throw forbidden(`space ${parsed.data} is not a hospital space: an exercise asks no real hospital for aid`);
    return { caller, space: parsed.data };
  };

  app.get<{ Params: { space: string } }>('/api/spaces/:space/mutual-aid/hospitals', async (request): Promise<MutualAidHospitals> => {
    const { space } = await sender(request);
    const rows = await db.query<{ id: string; name: string }>("SELECT id, name FROM space WHERE kind = 'hospital' AND id <> $1 ORDER BY name, id", [space]);
    return { hospitals: rows.map((r) => ({ id: r.id, name: r.name })) };
  });

  app.post<{ Params: { space: string } }>('/api/spaces/:space/mutual-aid', async (request): Promise<MutualAidSent> => {
    const { caller, space } = await sender(request);
    const body = MutualAidSendSchema.safeParse(request.body);
    if (!body.success) throw invalidRequest(body.error);
    const target = body.data.to === space ? undefined : await findSpace(db, body.data.to);
    if (target?.kind !== 'hospital') throw new SyncHttpError(400, { code: 'invalid_request', message: `${body.data.to} is not another hospital space of this server` });
    const [held] = await db.query<{ id: string }>("SELECT id FROM entity WHERE kind = 'resourceRequest' AND id = $1 AND space = $2 AND NOT deleted", [body.data.requestId, space]);
    if (!held) throw new SyncHttpError(409, { code: 'invalid_request', message: `request ${body.data.requestId} is not on the server yet: send it once the desk has synced` });

    const delivery = { ...caller, spaces: [...caller.spaces, target.id] };
    const push: Receive = async (to, mutations) => {
      // A stream of its own, used once, like an exercise set-up's: judged under the sender's roles.
      const clientId = `mutual-aid-${newId()}`;
      const deskProof = randomBytes(32).toString('base64url');
      await bindClient(db, delivery, clientId, deskProof, options.now());
      const { response, pokes } = await options.batcher.push(delivery, {
        protocolVersion: SYNC_PROTOCOL_VERSION,
        clientId,
        deskProof,
        mutations: mutations.map((m, i) => ({ ...m, mutationId: i + 1, space: to })),
      });
      options.publish(pokes, request.log);
      return response.results;
    };
    const outcome = await deliverRmRequest(db, { space, to: target.id, requestId: body.data.requestId, now: options.now }, push);
    request.log.info({ user: caller.user.username, from: space, to: target.id, request: body.data.requestId, received: outcome.received.length }, 'mutual-aid request delivered');
    return { to: { id: target.id, name: target.name }, received: outcome.received, duplicates: outcome.duplicates, refused: outcome.refused };
  });
}
