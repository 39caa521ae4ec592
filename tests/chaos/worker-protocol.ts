import type { SyncStatus } from '../../src/contract/sync-status';

/** Messages between the chaos orchestrator and a workstation running in its own process. */
export type ToWorker =
  | { type: 'login'; reqId: number; serverUrl: string; username: string; password: string }
  | { type: 'logout'; reqId: number }
  | { type: 'mutate'; reqId: number; name: string; args: unknown }
  | { type: 'status'; reqId: number }
  | { type: 'syncNow'; reqId: number }
  | { type: 'dump'; reqId: number };

export type ReplicaRow = { kind: string; id: string; data: string; deleted: number };

/**
 * `at` and `args` are what the desk stored for the mutation (its own clock, skew and all; the arguments as
 * parsed): they name it in the server's audit whatever client id and mutation id it was finally pushed under (a
 * restored or cloned desk may re-key and re-send). Null if the outbox no longer held it when asked.
 */
export type FromWorker =
  | { type: 'ready'; clientId: string }
  | { type: 'acked'; reqId: number; mutationId: number; at: number | null; args: unknown }
  | { type: 'refused'; reqId: number; code: string; message: string }
  | { type: 'status'; reqId: number; status: SyncStatus }
  | { type: 'done'; reqId: number }
  | { type: 'dump'; reqId: number; rows: ReplicaRow[]; pending: number };
