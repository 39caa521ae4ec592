import type { ApiEvent, Method } from '../../src/contract/api';
import type { Outcome } from '../../src/contract/dispatch';
import type { LiveEvent } from '../../src/contract/live';

/** Main -> utility process. Both ends are our code; the renderer's input was checked before it got here. */
export type ToWorkstation =
  | { type: 'init'; dataDir: string; nativeBinding: string | undefined; appVersion: string }
  /** `conn` is the calling window's WebContents id: live reads belong to it. */
  | { type: 'call'; id: number; method: Method; params: unknown; conn: number }
  /** The window is gone: its live reads end. */
  | { type: 'disconnect'; conn: number }
  | { type: 'close' };

/** Utility process -> main. */
export type FromWorkstation =
  | { type: 'ready'; clientId: string }
  | { type: 'result'; id: number; outcome: Outcome }
  | { type: 'event'; event: ApiEvent }
  /** A live read's result for the one window that subscribed it. */
  | { type: 'live'; conn: number; event: LiveEvent }
  | { type: 'fatal'; message: string }
  | { type: 'closed' };
