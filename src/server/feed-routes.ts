import { randomBytes, randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { FeedObservationsRequestSchema, type FeedObservationsResponse } from '../contract/feeds';
import { SYNC_PROTOCOL_VERSION } from '../contract/sync';
import { requireAuth } from './auth-routes';
import { bindClient } from './client-binding';
import type { Db } from './db/db';
import { forbidden, invalidRequest } from './http-errors';
import type { PushBatcher } from './push';
import type { PublishPokes } from './sync-routes';

/**
 * Automated feeds. A request is applied as one push of a client id of its own: feeds have no desk whose stream
 * could be continued, and two requests at once must not race for the next mutation id of a shared stream (a
 * lost race would be answered `duplicate` and dropped). Idempotency comes from the observation's id instead,
 * derived from the indicator and the day, so a resent request changes nothing.
 */
export function registerFeedRoutes(app: FastifyInstance, db: Db, options: { now: () => number; batcher: PushBatcher; publish: PublishPokes }): void {
  const auth = requireAuth(db, options.now);

  app.post('/api/feeds/observations', async (request): Promise<FeedObservationsResponse> => {
    const caller = await auth(request);
    const parsed = FeedObservationsRequestSchema.safeParse(request.body);
    if (!parsed.success) throw invalidRequest(parsed.error);
    const { space, observations } = parsed.data;
    if (!caller.spaces.includes(space)) throw forbidden(`this account may not write to space ${space}`);
    const clientId = `feed-${randomUUID()}`;
    const deskProof = randomBytes(32).toString('base64url');
    await bindClient(db, caller, clientId, deskProof, options.now());
    const at = options.now();
    const { response, pokes } = await options.batcher.push(caller, {
      protocolVersion: SYNC_PROTOCOL_VERSION,
      clientId,
      deskProof,
      mutations: observations.map((o, i) => ({
        mutationId: i + 1,
        name: 'observation.record',
        args: { ...o, replace: true, via: 'feed' },
        space,
        at,
      })),
    });
    options.publish(pokes, request.log);
    request.log.info({ user: caller.user.username, space, received: observations.length }, 'feed');
    return {
      results: observations.map((o, i) => {
        const result = response.results[i];
        return {
          indicatorId: o.indicatorId,
          date: o.date,
          status: result?.status ?? 'rejected',
          ...(result?.code ? { code: result.code } : {}),
          ...(result?.message ? { message: result.message } : {}),
        };
      }),
    };
  });
}
