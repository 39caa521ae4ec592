import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { describeZodError } from '../contract/errors';
import { HaveFeedQuerySchema, type HaveFeed } from '../contract/exchange-feed';
import { SpaceIdSchema } from '../domain/ids';
import { SchemaRefusal } from '../node/xml-schema';
import { requireAuth } from './auth-routes';
import type { Db } from './db/db';
import { haveFeed } from './exchange/have-feed';
import { serverTimeZone, spaceHaveDocument } from './exchange/have-source';
import { forbidden, SyncHttpError } from './http-errors';

/** True when the client's If-None-Match names this ETag (a list, weak validators and `*` included, RFC 9110). */
export function matchesEtag(header: string | string[] | undefined, etag: string): boolean {
  if (header === undefined) return false;
  const strip = (tag: string) => tag.trim().replace(/^W\//, '');
  return [header].flat().flatMap((h) => h.split(',')).some((tag) => tag.trim() === '*' || strip(tag) === strip(etag));
}

/**
 * Regional exchange for a county system that polls: `GET /api/spaces/:space/have` (the space's EDXL-HAVE 1.0
 * document, validated) and `GET /api/spaces/:space/have/feed?after=N` (its bed-line changes). Both need a token
 * of a user granted the space, and answer 304 to an If-None-Match that still holds.
 */
export function registerExchangeRoutes(app: FastifyInstance, db: Db, options: { now: () => number; timeZone?: string | undefined }): void {
  const auth = requireAuth(db, options.now);
  const grantedSpace = async (request: FastifyRequest<{ Params: { space: string } }>): Promise<string> => {
    const caller = await auth(request);
    const parsed = SpaceIdSchema.safeParse(request.params.space);
    if (!parsed.success) {
      const { message, issues } = describeZodError(parsed.error, 'params.space');
      throw new SyncHttpError(400, { code: 'invalid_request', message, issues: issues ?? [] });
    }
    // A space that does not exist is refused like one that is not granted: the answer says nothing of either.
    if (!caller.spaces.includes(parsed.data)) throw forbidden(`${caller.user.username} has no access to space ${parsed.data}`);
    return parsed.data;
  };
  const notModified = (request: FastifyRequest, reply: FastifyReply, etag: string): boolean => {
    void reply.header('etag', etag).header('cache-control', 'private, no-cache');
    if (!matchesEtag(request.headers['if-none-match'], etag)) return false;
    void reply.status(304);
    return true;
  };

  app.get<{ Params: { space: string } }>('/api/spaces/:space/have', async (request, reply) => {
    const space = await grantedSpace(request);
    const snapshot = await spaceHaveDocument(db, space, options.now(), options.timeZone ?? serverTimeZone()).catch((error: unknown) => {
      // Our own document failing its schema is a fault here, never something to hand a county system.
      if (error instanceof SchemaRefusal) throw new SyncHttpError(500, { code: 'internal', message: `the HAVE document failed validation: ${error.message}` });
      throw error;
    });
    if (!snapshot) throw forbidden(`no access to space ${space}`);
    if (notModified(request, reply, snapshot.etag)) return reply.send();
    return reply.type('application/xml; charset=utf-8').send(snapshot.xml);
  });

  app.get<{ Params: { space: string }; Querystring: Record<string, string> }>('/api/spaces/:space/have/feed', async (request, reply): Promise<HaveFeed | undefined> => {
    const space = await grantedSpace(request);
    const query = HaveFeedQuerySchema.safeParse(request.query);
    if (!query.success) {
      const { message, issues } = describeZodError(query.error, 'query');
      throw new SyncHttpError(400, { code: 'invalid_request', message, issues: issues ?? [] });
    }
    const feed = await haveFeed(db, space, query.data.after, query.data.limit);
    if (notModified(request, reply, `"${space}:${feed.after}:${feed.cursor}:${feed.changes.length}"`)) {
      void reply.send();
      return undefined;
    }
    return feed;
  });
}
