import type { SyncStatus } from '../../src/contract/sync-status';

/** Messages between the chaos orchestrator and a workstation running in its own process. */
export type ToWorker =
  | { type: 'login'; reqId: number; serverUrl: string; username: string; password: string }
  | { type: 'mutate'; reqId: number; name: string; args: unknown }
  | { type: 'status'; reqId: number }
  | { type: 'syncNow'; reqId: number }
  | { type: 'dump'; reqId: number };

export type ReplicaRow = { kind: string; id: string; data: string; deleted: number };

export type FromWorker =
  | { type: 'ready'; clientId: string }
  | { type: 'acked'; reqId: number; mutationId: number }
  | { type: 'refused'; reqId: number; code: string; message: string }
  | { type: 'status'; reqId: number; status: SyncStatus }
  | { type: 'done'; reqId: number }
  | { type: 'dump'; reqId: number; rows: ReplicaRow[]; pending: number };
