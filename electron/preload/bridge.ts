import type { ApiEvent, Method, Params, Result } from '../../src/contract/api';
import type { DesktopBridge, BridgeFailure } from '../../src/contract/bridge';
import type { ApiError } from '../../src/contract/errors';
import type { Outcome } from '../../src/contract/dispatch';
import { CALL_CHANNEL, EVENT_CHANNEL, OPEN_WALL_CHANNEL } from './channels';

/** The slice of `ipcRenderer` the bridge uses, so tests can drive it without Electron. */
export type IpcRendererLike = {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: IpcListener): unknown;
  removeListener(channel: string, listener: IpcListener): unknown;
};
type IpcListener = (event: { ports?: readonly unknown[] }, ...args: unknown[]) => void;

export type BridgeOptions = {
  /** Methods this window may call; `'all'` for the operator. Main enforces the same list. */
  methods: 'all' | readonly Method[];
  /** Whether the page may ask for the wall display (operator only). */
  canOpenWall: boolean;
};

function fail(error: ApiError): never {
  const failure: BridgeFailure = { name: 'ApiFailure', message: error.message, error };
  // A plain object on purpose: contextBridge strips an Error's own fields, and the code is what the UI needs.
  // eslint-disable-next-line @typescript-eslint/only-throw-error
  throw failure;
}

function isOutcome(value: unknown): value is Outcome {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}

function isApiEvent(value: unknown): value is ApiEvent {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/**
 * Builds `window.hcc`. The page gets two functions and plain data: never `ipcRenderer`, never the IPC event
 * (its `sender` would hand the page the whole IPC surface).
 */
export function createBridge(ipc: IpcRendererLike, options: BridgeOptions): DesktopBridge {
  const listeners = new Set<(event: ApiEvent) => void>();

  const onEvent = (event: { ports?: readonly unknown[] }, payload?: unknown): void => {
    // Only main can reach a renderer's ipcRenderer since Electron 28 removed sendTo; ports are never part of
    // our protocol, and the legacy senderId (absent from 45's types) is checked in case an older runtime runs us.
    const senderId = (event as { senderId?: unknown }).senderId;
    if ((event.ports?.length ?? 0) > 0 || (senderId !== undefined && senderId !== 0)) return;
    if (!isApiEvent(payload)) return;
    for (const listener of listeners) {
      try {
        listener(payload);
      } catch {
        // A throwing subscriber must not stop the others hearing of the change.
      }
    }
  };

  const call = async <M extends Method>(method: M, params: Params<M>): Promise<Result<M>> => {
    if (options.methods !== 'all' && !options.methods.includes(method)) {
      fail({ code: 'unauthorized', message: `${method} is not available in this window` });
    }
    let payload: string;
    try {
      // JSON keeps the wire identical to the web host's and lets main measure the request before parsing it.
      payload = JSON.stringify(params ?? {});
    } catch (error) {
      fail({ code: 'invalid_request', message: `params are not serialisable: ${String(error)}` });
    }
    const outcome = await ipc.invoke(CALL_CHANNEL, method, payload);
    if (!isOutcome(outcome)) fail({ code: 'internal', message: 'malformed reply from the main process' });
    if (!outcome.ok) return fail(outcome.error);
    return outcome.result as Result<M>;
  };

  const subscribe = (listener: (event: ApiEvent) => void): (() => void) => {
    if (listeners.size === 0) ipc.on(EVENT_CHANNEL, onEvent);
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0) ipc.removeListener(EVENT_CHANNEL, onEvent);
    };
  };

  const bridge: DesktopBridge = { call, subscribe };
  if (options.canOpenWall) {
    bridge.openWallDisplay = async () => {
      await ipc.invoke(OPEN_WALL_CHANNEL);
    };
  }
  return bridge;
}
