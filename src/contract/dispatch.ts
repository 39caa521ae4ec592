import type { z } from 'zod';
import { isDomainError } from '../domain/errors';
import { findUnsafeText } from '../domain/text';
import { api, isMethod, type Api, type Method, type Result } from './api';
import { ApiFailure, describeZodError, type ApiError } from './errors';
import type { LiveMethod } from './live';
import { MAX_REQUEST_BYTES } from './wire';

/** One connection's live reads (a window, a socket): its subscriptions end when it closes. */
export type LiveSession = {
  subscribe(queryId: string, method: LiveMethod, params: unknown): Promise<void>;
  unsubscribe(queryId: string): void;
};

/** Who a call came from, for the few methods that belong to a connection rather than to the workstation. */
export type CallContext = { live?: LiveSession | undefined };

export type Handlers = { [M in Method]: (params: z.infer<Api[M]['params']>, context: CallContext) => Promise<Result<M>> };

/** The handlers of one feature's slice of the API (see src/contract/<feature>-api.ts). */
export type FeatureHandlers<A extends Record<string, { params: z.ZodType; result: z.ZodType }>> = {
  [M in keyof A]: (params: z.infer<A[M]['params']>) => Promise<z.infer<A[M]['result']>>;
};

export type Outcome = { ok: true; result: unknown } | { ok: false; error: ApiError };

/**
 * Validates a call from an untrusted edge (IPC, WebSocket) and runs its handler. Never throws: a bad method,
 * a bad payload or a failing handler all come back as a named error, and a refused call changes nothing.
 */
export async function dispatch(handlers: Handlers, method: unknown, params: unknown, context: CallContext = {}): Promise<Outcome> {
  if (!isMethod(method)) {
    return { ok: false, error: { code: 'unknown_method', message: `unknown method ${String(method).slice(0, 100)}` } };
  }
  const size = jsonSize(params);
  if (size === null) return { ok: false, error: { code: 'invalid_request', message: 'params: must be plain JSON data' } };
  if (size > MAX_REQUEST_BYTES) {
    return { ok: false, error: { code: 'payload_too_large', message: `params: ${size} bytes is over the ${MAX_REQUEST_BYTES}-byte limit` } };
  }
  // The text rule at the edge, for every method; mutations meet it again in runMutation, which the server shares.
  const unsafe = findUnsafeText(params, 'params');
  if (unsafe) {
    return { ok: false, error: { code: 'invalid_text', message: `${unsafe.path} contains ${unsafe.char}`, params: { field: unsafe.path, char: unsafe.char } } };
  }
  const parsed = api[method].params.safeParse(params ?? {});
  if (!parsed.success) return { ok: false, error: describeZodError(parsed.error, 'params') };
  try {
    const handler = handlers[method] as (p: unknown, c: CallContext) => Promise<unknown>;
    return { ok: true, result: await handler(parsed.data, context) };
  } catch (error) {
    return { ok: false, error: toApiError(error) };
  }
}

export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiFailure) return error.error;
  if (isDomainError(error)) return { code: error.code, message: error.message, params: error.params };
  return { code: 'internal', message: error instanceof Error ? error.message : String(error) };
}

/** Size of the params as JSON, or null when they are not JSON data (cycles, BigInt): a transport-independent limit. */
function jsonSize(params: unknown): number | null {
  try {
    return (JSON.stringify(params) ?? '').length;
  } catch {
    return null;
  }
}
