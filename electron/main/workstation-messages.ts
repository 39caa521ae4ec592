import type { ApiEvent, Method } from '../../src/contract/api';
import type { Outcome } from '../../src/contract/dispatch';

/** Main -> utility process. Both ends are our code; the renderer's input was checked before it got here. */
export type ToWorkstation =
  | { type: 'init'; dataDir: string; nativeBinding: string | undefined; appVersion: string }
  | { type: 'call'; id: number; method: Method; params: unknown }
  | { type: 'close' };

/** Utility process -> main. */
export type FromWorkstation =
  | { type: 'ready'; clientId: string }
  | { type: 'result'; id: number; outcome: Outcome }
  | { type: 'event'; event: ApiEvent }
  | { type: 'fatal'; message: string }
  | { type: 'closed' };
