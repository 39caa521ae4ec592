import type { RawData, WebSocket } from 'ws';
import type { ApiEvent } from '../contract/api';
import type { ApiError } from '../contract/errors';
import { MAX_REQUEST_BYTES, WireRequestSchema, type WireResponse } from '../contract/wire';
import { describeZodError } from '../contract/errors';
import { MAX_JSON_DEPTH, nestsDeeperThan } from '../contract/json-depth';
import type { CallContext, LiveSession, Outcome } from '../contract/dispatch';
import type { LiveEvent } from '../contract/live';

/** What the socket needs of a workstation: the untrusted-edge entry point, its events, and live-read sessions. */
export type ApiBackend = {
  handle(method: unknown, params: unknown, context?: CallContext): Promise<Outcome>;
  subscribe(listener: (event: ApiEvent) => void): () => void;
  connect(push: (event: LiveEvent) => void): LiveSession & { close(): void };
};

/** Id used for answers to frames too broken to carry an id of their own. */
export const UNATTRIBUTED_ID = -1;

/** A client that stops reading must not make the host hold its events in memory without bound. */
const MAX_BUFFERED_BYTES = 8 * 1024 * 1024;

function byteLength(data: RawData): number {
  if (Array.isArray(data)) return data.reduce((sum, chunk) => sum + chunk.length, 0);
  return data instanceof ArrayBuffer ? data.byteLength : data.length;
}

function frameText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data instanceof ArrayBuffer ? new Uint8Array(data) : data).toString('utf8');
}

/**
 * Parses one frame into a request, or says why it cannot be one. The id is kept whenever the frame has a
 * usable one, so the caller that sent a bad request still hears about it instead of waiting.
 */
export function parseFrame(data: RawData): { ok: true; id: number; method: string; params: unknown } | { ok: false; id: number; error: ApiError } {
  if (byteLength(data) > MAX_REQUEST_BYTES) {
    return { ok: false, id: UNATTRIBUTED_ID, error: { code: 'payload_too_large', message: `a request may be at most ${MAX_REQUEST_BYTES} bytes` } };
  }
  const text = frameText(data);
  if (nestsDeeperThan(text)) {
    return { ok: false, id: UNATTRIBUTED_ID, error: { code: 'invalid_request', message: `the frame nests deeper than ${MAX_JSON_DEPTH} levels` } };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, id: UNATTRIBUTED_ID, error: { code: 'invalid_request', message: 'the frame is not valid JSON' } };
  }
  const parsed = WireRequestSchema.safeParse(json);
  if (!parsed.success) {
    const raw = json as { id?: unknown } | null;
    const id = typeof raw?.id === 'number' && Number.isSafeInteger(raw.id) && raw.id >= 0 ? raw.id : UNATTRIBUTED_ID;
    return { ok: false, id, error: describeZodError(parsed.error, 'frame') };
  }
  return { ok: true, ...parsed.data };
}

/** Serves the workstation API on one WebSocket: requests in, answers and pushed events out. */
export function serveApiSocket(socket: WebSocket, backend: ApiBackend): void {
  const send = (message: WireResponse | { event: ApiEvent }): void => {
    if (socket.readyState !== socket.OPEN) return;
    if (socket.bufferedAmount > MAX_BUFFERED_BYTES) {
      socket.close(1008, 'client is not reading');
      return;
    }
    socket.send(JSON.stringify(message));
  };
  const unsubscribe = backend.subscribe((event) => send({ event }));
  // This socket's live reads: their results come to it alone, and stop when it closes.
  const live = backend.connect((event) => send({ event }));
  socket.on('close', () => {
    unsubscribe();
    live.close();
  });
  socket.on('error', () => socket.terminate());
  socket.on('message', (data) => {
    const frame = parseFrame(data);
    if (!frame.ok) {
      send({ id: frame.id, ok: false, error: frame.error });
      return;
    }
    backend.handle(frame.method, frame.params, { live }).then(
      (outcome) => send(outcome.ok ? { id: frame.id, ok: true, result: outcome.result } : { id: frame.id, ok: false, error: outcome.error }),
      // handle() never rejects by contract; if it ever does, the caller still gets an answer.
      (error: unknown) => send({ id: frame.id, ok: false, error: { code: 'internal', message: String(error) } }),
    );
  });
}
