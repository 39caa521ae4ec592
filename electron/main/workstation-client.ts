import type { ApiEvent, Method } from '../../src/contract/api';
import type { Outcome } from '../../src/contract/dispatch';
import type { LiveEvent } from '../../src/contract/live';
import type { FromWorkstation, ToWorkstation } from './workstation-messages';

/** The slice of Electron's `UtilityProcess` the client uses. */
export type ChildLike = {
  postMessage(message: ToWorkstation): void;
  on(event: 'message', listener: (message: FromWorkstation) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  kill(): boolean;
};

export type ClientDeps = {
  spawn: () => ChildLike;
  init: Extract<ToWorkstation, { type: 'init' }>;
  onEvent: (event: ApiEvent) => void;
  /** A live read's result for one window (by WebContents id). */
  onLive?: (conn: number, event: LiveEvent) => void;
  log: (message: string) => void;
  /** A restarted core is ready: the windows' live reads died with the old one and must be asked again. */
  onRestarted?: () => void;
  /** Restarts allowed per minute before the client gives up and reports the core as stopped. */
  maxRestartsPerMinute?: number;
};

export type WorkstationClient = {
  /** `conn` is the calling window's WebContents id (its live reads are its own). */
  call(method: Method, params: unknown, conn?: number): Promise<Outcome>;
  /** The window has gone: its live reads end. */
  disconnect(conn: number): void;
  /** Asks the core to close its database, waits up to `timeoutMs`, then kills it. */
  stop(timeoutMs: number): Promise<void>;
};

/**
 * Main's handle on the workstation core in its utility process: numbers requests, matches replies, relays
 * events, and restarts the process if it dies (a crash must not leave the command room without its data).
 */
export function startWorkstationClient(deps: ClientDeps): WorkstationClient {
  const pending = new Map<number, (outcome: Outcome) => void>();
  const restarts: number[] = [];
  const maxRestarts = deps.maxRestartsPerMinute ?? 3;
  let nextId = 1;
  let child: ChildLike | null = null;
  let lastFatal = '';
  let stopping = false;
  let exited: (() => void) | null = null;
  let launches = 0;

  const failAll = (message: string) => {
    for (const [id, resolve] of pending) {
      pending.delete(id);
      resolve({ ok: false, error: { code: 'internal', message } });
    }
  };

  const launch = () => {
    const current = deps.spawn();
    const restarted = ++launches > 1;
    child = current;
    current.on('message', (message) => {
      switch (message.type) {
        case 'result': {
          const resolve = pending.get(message.id);
          pending.delete(message.id);
          resolve?.(message.outcome);
          return;
        }
        case 'event':
          deps.onEvent(message.event);
          return;
        case 'live':
          deps.onLive?.(message.conn, message.event);
          return;
        case 'fatal':
          lastFatal = message.message;
          deps.log(`workstation core failed to start: ${message.message}`);
          return;
        case 'ready':
          deps.log(`workstation core ready (client ${message.clientId})`);
          if (restarted) deps.onRestarted?.();
          return;
        case 'closed':
          return;
      }
    });
    current.on('exit', (code) => {
      if (child === current) child = null;
      failAll(`workstation core stopped (exit ${code})${lastFatal ? `: ${lastFatal}` : ''}`);
      if (stopping) {
        exited?.();
        return;
      }
      const now = Date.now();
      while (restarts.length > 0 && (restarts[0] ?? 0) < now - 60_000) restarts.shift();
      if (restarts.length >= maxRestarts) {
        deps.log(`workstation core exited with ${code}; not restarting after ${maxRestarts} restarts in a minute`);
        return;
      }
      restarts.push(now);
      deps.log(`workstation core exited with ${code}; restarting`);
      launch();
    });
    current.postMessage(deps.init);
  };

  launch();

  return {
    call(method, params, conn = 0) {
      const current = child;
      if (!current || stopping) {
        const reason = lastFatal ? `workstation core is not running: ${lastFatal}` : 'workstation core is not running';
        return Promise.resolve({ ok: false, error: { code: 'internal', message: reason } });
      }
      const id = nextId++;
      return new Promise<Outcome>((resolve) => {
        pending.set(id, resolve);
        current.postMessage({ type: 'call', id, method, params, conn });
      });
    },
    disconnect(conn) {
      child?.postMessage({ type: 'disconnect', conn });
    },
    stop(timeoutMs) {
      stopping = true;
      const current = child;
      if (!current) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          current.kill();
          resolve();
        }, timeoutMs);
        exited = () => {
          clearTimeout(timer);
          resolve();
        };
        current.postMessage({ type: 'close' });
      });
    },
  };
}
