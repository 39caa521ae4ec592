import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { describeZodError } from '../contract/errors';
import { SYNC_PROTOCOL_VERSION, type SyncError } from '../contract/sync';
import { StorageUnavailableError } from './db/db';

/** A refusal with its HTTP status and the SyncError body the client reads. */
export class SyncHttpError extends Error {
  readonly statusCode: number;
  readonly body: SyncError & { issues?: { path: string; message: string }[] };

  constructor(statusCode: number, body: SyncHttpError['body']) {
    super(body.message);
    this.name = 'SyncHttpError';
    this.statusCode = statusCode;
    this.body = body;
  }
}

export const unauthorized = (message = 'log in again: the token is missing, unknown, expired or revoked') =>
  new SyncHttpError(401, { code: 'unauthorized', message });

export const forbidden = (message: string) => new SyncHttpError(403, { code: 'forbidden', message });

/** Names each field and the rule it broke, e.g. `body.mutations.0.space: must be lowercase ... (invalid_format)`. */
export function invalidRequest(error: z.ZodError): SyncHttpError {
  const described = describeZodError(error, 'body');
  return new SyncHttpError(400, { code: 'invalid_request', message: described.message, issues: described.issues ?? [] });
}

/**
 * Checked before the rest of the body: a client of another protocol may send another shape, and "update" is
 * the answer it can act on. Its pending work stays on its disk.
 */
export function checkProtocolVersion(body: unknown): void {
  const version = typeof body === 'object' && body !== null ? (body as { protocolVersion?: unknown }).protocolVersion : undefined;
  if (typeof version !== 'number' || !Number.isInteger(version) || version === SYNC_PROTOCOL_VERSION) return;
  if (version < SYNC_PROTOCOL_VERSION) {
    throw new SyncHttpError(426, {
      code: 'update_required',
      message: `this workstation speaks sync protocol ${version}; the server needs ${SYNC_PROTOCOL_VERSION}: update the app (pending work is kept)`,
      serverProtocolVersion: SYNC_PROTOCOL_VERSION,
    });
  }
  throw new SyncHttpError(409, {
    code: 'server_outdated',
    message: `this workstation speaks sync protocol ${version}; the server only ${SYNC_PROTOCOL_VERSION}: update the server`,
    serverProtocolVersion: SYNC_PROTOCOL_VERSION,
  });
}

/** Every failure leaves as a SyncError body; internals are logged, not sent. */
export function handleError(error: FastifyError | SyncHttpError | Error, request: FastifyRequest, reply: FastifyReply): void {
  if (error instanceof SyncHttpError) {
    void reply.status(error.statusCode).send(error.body);
    return;
  }
  if (error instanceof StorageUnavailableError) {
    // Nothing was committed (or a retry is answered from the dedupe record): the client keeps its work and retries.
    request.log.warn({ err: error }, 'database unavailable');
    void reply
      .status(503)
      .header('retry-after', '5')
      .send({ code: 'unavailable', message: 'the hospital server cannot reach its database; the request may be retried' } satisfies SyncError);
    return;
  }
  const status = 'statusCode' in error && typeof error.statusCode === 'number' ? error.statusCode : 500;
  if (status === 429) {
    void reply.status(429).send({ code: 'rate_limited', message: 'too many attempts: wait a minute and try again' } satisfies SyncError);
    return;
  }
  if (status >= 400 && status < 500) {
    // Fastify's own refusals: unparsable JSON, wrong content type, a body over the limit.
    void reply.status(status).send({ code: 'invalid_request', message: error.message } satisfies SyncError);
    return;
  }
  request.log.error({ err: error }, 'request failed');
  void reply.status(500).send({ code: 'internal', message: 'the server failed; the request may be retried' } satisfies SyncError);
}
