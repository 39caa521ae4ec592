import type { FastifyInstance } from 'fastify';
import { MAX_JSON_DEPTH, nestsDeeperThan } from '../contract/json-depth';
import { SyncHttpError } from './http-errors';

/**
 * Fastify's own JSON parser (prototype poisoning refused as before), behind a nesting bound: a body 100,000
 * levels deep used to parse and then overflow the stack in validation, a 500 the client retried forever.
 */
export function boundJsonBodies(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, raw, done) => {
    const body = typeof raw === 'string' ? raw : raw.toString('utf8');
    if (nestsDeeperThan(body)) {
      done(new SyncHttpError(400, { code: 'invalid_request', message: `the body nests deeper than ${MAX_JSON_DEPTH} levels` }), undefined);
      return;
    }
    void parse(request, body, done);
  });
}
