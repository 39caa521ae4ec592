import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { describeZodError } from '../contract/errors';
import { ExerciseSetUpSchema, type ExerciseSpaceCreated } from '../contract/exercise-spaces';
import { SYNC_PROTOCOL_VERSION } from '../contract/sync';
import { newId, SpaceIdSchema } from '../domain/ids';
import { can } from '../domain/roles';
import { requireAuth } from './auth-routes';
import { bindClient } from './client-binding';
import type { Db } from './db/db';
import { dropExerciseSpace, exerciseRecord, makeExerciseSpace } from './exercise-spaces';
import { forbidden, invalidRequest, SyncHttpError } from './http-errors';
import type { PushBatcher } from './push';
import type { PublishPokes } from './sync-routes';

/**
 * `POST /api/spaces/:space/exercises`: a facilitator sets up an exercise from a real space. The server makes the
 * exercise space (kind `exercise`, id of its own making) and writes the `exercise` record into it as the
 * facilitator's `exercise.create`, through the push path: the same mutator, the same audit, the same pokes.
 */
export function registerExerciseSpaceRoutes(app: FastifyInstance, db: Db, options: { now: () => number; batcher: PushBatcher; publish: PublishPokes }): void {
  const auth = requireAuth(db, options.now);

  app.post<{ Params: { space: string } }>('/api/spaces/:space/exercises', async (request, reply): Promise<ExerciseSpaceCreated> => {
    const caller = await auth(request);
    const source = SpaceIdSchema.safeParse(request.params.space);
    if (!source.success) {
      const { message, issues } = describeZodError(source.error, 'params.space');
      throw new SyncHttpError(400, { code: 'invalid_request', message, issues: issues ?? [] });
    }
    if (!caller.spaces.includes(source.data)) throw forbidden(`${caller.user.username} has no access to space ${source.data}`);
    if (!can({ userId: caller.user.id, roles: caller.user.roles }, 'exercise.control')) throw forbidden(`${caller.user.username} may not set up exercises (needs exercise.control)`);
    const body = ExerciseSetUpSchema.safeParse(request.body);
    if (!body.success) throw invalidRequest(body.error);

    const made = await makeExerciseSpace(db, caller, source.data, body.data, options.now());
    const exerciseId = newId();
    // A stream of its own, used once, like a feed's: the record is the facilitator's, judged under their roles.
    const clientId = `exercise-setup-${newId()}`;
    const deskProof = randomBytes(32).toString('base64url');
    const asCreator = { ...caller, spaces: [...caller.spaces, made.space.id] };
    try {
      await bindClient(db, asCreator, clientId, deskProof, options.now());
      const { response, pokes } = await options.batcher.push(asCreator, {
        protocolVersion: SYNC_PROTOCOL_VERSION,
        clientId,
        deskProof,
        mutations: [{ mutationId: 1, name: 'exercise.create', args: exerciseRecord(exerciseId, body.data, made.participants), space: made.space.id, at: options.now() }],
      });
      const [result] = response.results;
      if (result?.status !== 'applied') {
        throw new SyncHttpError(400, { code: 'invalid_request', message: `the exercise was refused: ${result?.message ?? 'no answer'}` });
      }
      options.publish(pokes, request.log);
    } catch (error) {
      await dropExerciseSpace(db, made.space.id).catch((dropError: unknown) => request.log.error({ err: dropError, space: made.space.id }, 'could not take back an exercise space'));
      throw error;
    }
    request.log.info({ user: caller.user.username, source: source.data, space: made.space.id, participants: made.participants.length }, 'exercise space made');
    void reply.status(201);
    return { space: made.space, sourceSpace: source.data, exerciseId, participants: made.participants };
  });
}
