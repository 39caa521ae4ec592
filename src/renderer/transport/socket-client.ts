import { api, EventSchema, type ApiClient, type ApiEvent, type Method, type Params, type Result } from '../../contract/api';
import { ApiFailure } from '../../contract/errors';
import { MAX_REQUEST_BYTES, WireEventSchema, WireResponseSchema } from '../../contract/wire';
import type { ConnectionState } from './transport';
import { TransportFailure } from './transport-error';

export type { ConnectionState } from './transport';

export type SocketClient = ApiClient & {
  state: () => ConnectionState;
  onState: (listener: (state: ConnectionState) => void) => () => void;
  /** Stops reconnecting and fails every call still waiting. */
  close: () => void;
};

/** The subset of the DOM WebSocket we use, so tests can pass the `ws` package's client in Node 20. */
export type SocketLike = {
  readonly readyState: number;
  send(data: string): void;
  close(): void;
  onopen: ((event: unknown) => void) | null;
  onclose: ((event: unknown) => void) | null;
  onerror: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
};

export type SocketClientOptions = {
  createSocket?: (url: string) => SocketLike;
  /** A call with no answer after this long fails instead of hanging the form that made it. */
  timeoutMs?: number;
  minBackoffMs?: number;
  maxBackoffMs?: number;
};

type Waiting = { method: Method; resolve: (value: unknown) => void; reject: (error: Error) => void; timer: ReturnType<typeof setTimeout> };

const OPEN = 1;

/**
 * The workstation API over the web host's WebSocket. Reconnects with capped, jittered back-off; a call made
 * while the socket is down fails at once with `disconnected`, so the UI can say so rather than wait.
 */
export function createSocketClient(url: string, options: SocketClientOptions = {}): SocketClient {
  const createSocket = options.createSocket ?? ((u: string) => new WebSocket(u) as unknown as SocketLike);
  const timeoutMs = options.timeoutMs ?? 30_000;
  const minBackoff = options.minBackoffMs ?? 250;
  const maxBackoff = options.maxBackoffMs ?? 10_000;
  const waiting = new Map<number, Waiting>();
  const eventListeners = new Set<(event: ApiEvent) => void>();
  const stateListeners = new Set<(state: ConnectionState) => void>();
  let state: ConnectionState = 'connecting';
  let socket: SocketLike | null = null;
  let nextId = 1;
  let attempt = 0;
  let stopped = false;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;

  const setState = (next: ConnectionState): void => {
    if (state === next) return;
    state = next;
    for (const listener of stateListeners) listener(next);
  };

  const failAll = (): void => {
    for (const [id, call] of waiting) {
      clearTimeout(call.timer);
      call.reject(new TransportFailure('disconnected', `connection lost during ${call.method}`));
      waiting.delete(id);
    }
  };

  const onMessage = (data: unknown): void => {
    if (typeof data !== 'string') return;
    let json: unknown;
    try {
      json = JSON.parse(data);
    } catch {
      return;
    }
    const response = WireResponseSchema.safeParse(json);
    if (response.success) {
      const call = waiting.get(response.data.id);
      if (!call) return;
      waiting.delete(response.data.id);
      clearTimeout(call.timer);
      if (!response.data.ok) return call.reject(new ApiFailure(response.data.error));
      const result = api[call.method].result.safeParse(response.data.result);
      if (result.success) call.resolve(result.data);
      else call.reject(new TransportFailure('invalid_response', `${call.method} answered with an unexpected shape`));
      return;
    }
    const wireEvent = WireEventSchema.safeParse(json);
    const event = wireEvent.success ? EventSchema.safeParse(wireEvent.data.event) : null;
    if (event?.success) for (const listener of eventListeners) listener(event.data);
  };

  const scheduleReconnect = (): void => {
    if (stopped || retryTimer) return;
    const ceiling = Math.min(maxBackoff, minBackoff * 2 ** attempt);
    attempt += 1;
    // Jitter so a room full of wall displays does not reconnect in lockstep after a host restart.
    const delay = ceiling / 2 + Math.random() * (ceiling / 2);
    retryTimer = setTimeout(() => {
      retryTimer = null;
      connect();
    }, delay);
  };

  function connect(): void {
    if (stopped) return;
    setState('connecting');
    let current: SocketLike;
    try {
      current = createSocket(url);
    } catch {
      setState('closed');
      scheduleReconnect();
      return;
    }
    socket = current;
    current.onopen = () => {
      attempt = 0;
      setState('open');
    };
    current.onmessage = (event) => onMessage(event.data);
    current.onerror = () => undefined;
    current.onclose = () => {
      if (socket !== current) return;
      socket = null;
      failAll();
      setState('closed');
      scheduleReconnect();
    };
  }

  connect();

  return {
    call<M extends Method>(method: M, params: Params<M>): Promise<Result<M>> {
      if (!socket || socket.readyState !== OPEN) {
        return Promise.reject(new TransportFailure('disconnected', `not connected to the workstation (${method})`));
      }
      const id = nextId++;
      const frame = JSON.stringify({ id, method, params });
      // Counted in UTF-16 units: an upper bound of nothing useful, so measure the bytes the host will count.
      if (new TextEncoder().encode(frame).length > MAX_REQUEST_BYTES) {
        return Promise.reject(new TransportFailure('payload_too_large', `${method} request is too large`));
      }
      const open = socket;
      return new Promise<Result<M>>((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting.delete(id);
          reject(new TransportFailure('timeout', `${method} had no answer after ${timeoutMs} ms`));
        }, timeoutMs);
        waiting.set(id, { method, resolve: resolve as (value: unknown) => void, reject, timer });
        open.send(frame);
      });
    },
    subscribe(listener) {
      eventListeners.add(listener);
      return () => eventListeners.delete(listener);
    },
    state: () => state,
    onState(listener) {
      stateListeners.add(listener);
      return () => stateListeners.delete(listener);
    },
    close() {
      stopped = true;
      if (retryTimer) clearTimeout(retryTimer);
      const current = socket;
      socket = null;
      current?.close();
      failAll();
      setState('closed');
    },
  };
}
