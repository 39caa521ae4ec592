import { ApiFailure } from '../contract/errors';
import type { z } from 'zod';
import { SyncErrorSchema, type SyncError } from '../contract/sync';

export class SyncHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: SyncError,
  ) {
    super(`${status} ${body.code}: ${body.message}`);
    this.name = 'SyncHttpError';
  }
}

/** Network failure, timeout or a server that is not there: the workstation keeps working and retries. */
export class SyncUnreachableError extends Error {
  constructor(cause: unknown) {
    super(`hospital server unreachable: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'SyncUnreachableError';
  }
}

/** POSTs JSON to the hospital server and validates the answer; the server is trusted less than our own code. */
export function postJson<S extends z.ZodType>(
  baseUrl: string,
  path: string,
  body: unknown,
  schema: S,
  token: string | null,
  timeoutMs = 15_000,
): Promise<z.infer<S>> {
  return requestJson(baseUrl, path, { method: 'POST', body: JSON.stringify(body) }, schema, token, timeoutMs);
}

/** GETs JSON from the hospital server and validates the answer, like `postJson`. */
export function getJson<S extends z.ZodType>(baseUrl: string, path: string, schema: S, token: string | null, timeoutMs = 15_000): Promise<z.infer<S>> {
  return requestJson(baseUrl, path, { method: 'GET' }, schema, token, timeoutMs);
}

async function requestJson<S extends z.ZodType>(
  baseUrl: string,
  path: string,
  init: { method: 'GET' | 'POST'; body?: string },
  schema: S,
  token: string | null,
  timeoutMs: number,
): Promise<z.infer<S>> {
  let response: Response;
  try {
    response = await fetch(new URL(path, baseUrl), {
      ...init,
      headers: { ...(init.body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    throw new SyncUnreachableError(error);
  }
  let json: unknown;
  try {
    json = await response.json();
  } catch (error) {
    throw new SyncUnreachableError(error);
  }
  if (!response.ok) {
    const parsed = SyncErrorSchema.safeParse(json);
    throw new SyncHttpError(
      response.status,
      parsed.success ? parsed.data : { code: 'internal', message: `HTTP ${response.status}` },
    );
  }
  return schema.parse(json);
}

/** The server's refusal in the terms the UI translates: its message names the field or the missing right. */
export function asApiFailure(error: unknown): never {
  if (error instanceof SyncHttpError) {
    const { code, message } = error.body;
    if (error.status === 401) throw new ApiFailure({ code: 'unauthorized', message });
    if (error.status === 403) throw new ApiFailure({ code: 'forbidden', message });
    throw new ApiFailure({ code: code === 'invalid_request' ? 'invalid_request' : 'internal', message });
  }
  if (error instanceof SyncUnreachableError) throw new ApiFailure({ code: 'server_unreachable', message: error.message });
  throw error;
}
