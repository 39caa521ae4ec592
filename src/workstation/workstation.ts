import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { ApiEvent, Method, Params, Result } from '../contract/api';
import { LOCAL_OPERATOR_ID } from '../contract/directory';
import { dispatch, type CallContext, type Handlers, type Outcome } from '../contract/dispatch';
import type { LiveEvent } from '../contract/live';
import { ApiFailure } from '../contract/errors';
import type { Actor } from '../domain/roles';
import { DirectoryStore } from './directory-store';
import { deskSecret } from './desk-identity';
import { createHandlers } from './handlers';
import { EventHub } from './events';
import { startExerciseScheduler, type ExerciseScheduler } from './exercise-scheduler';
import { LiveQueries, type LiveConnection } from './live-queries';
import { LocalStore } from './local-store';
import { migrate, SCHEMA_VERSION } from './migrations';
import { SerialQueue } from '../common/serial-queue';
import { openDatabase } from './sqlite';
import { readSettings } from './settings-store';
import { SyncClient, type SyncClientOptions } from './sync-client';

export type WorkstationOptions = {
  dataDir: string;
  nativeBinding?: string | undefined;
  /** Clock for mutation timestamps; tests pass a fixed one. */
  now?: () => number;
  appVersion?: string;
  /** Sync tuning (tests shorten the poll, benchmarks change batch sizes). */
  sync?: Partial<Pick<SyncClientOptions, 'pollMs' | 'pushBatch' | 'pushBytes' | 'pullLimit' | 'random' | 'protocolVersion' | 'directoryRefreshMs' | 'socketHeartbeatMs'>>;
};

/** Before anyone logs in to a hospital server, the person at this desk runs the incident locally. */
const STANDALONE_ACTOR: Actor = { userId: LOCAL_OPERATOR_ID, roles: ['admin'] };

export type Workstation = {
  readonly clientId: string;
  readonly dataDir: string;
  readonly store: LocalStore;
  readonly directory: DirectoryStore;
  readonly queue: SerialQueue;
  readonly events: EventHub;
  /** Validates and runs one API call from an untrusted edge; never throws. `context` names the calling connection. */
  handle(method: unknown, params: unknown, context?: CallContext): Promise<Outcome>;
  /**
   * Opens a connection's live-read session (one per window or socket): `live` events for its subscriptions go to
   * `push`; pass it as `{ live }` to `handle`, and close it when the connection closes.
   */
  connect(push: (event: LiveEvent) => void): LiveConnection;
  readonly live: LiveQueries;
  /** Typed call for in-process callers (tests, the Electron main process). Throws ApiFailure on error. */
  call<M extends Method>(method: M, params: Params<M>): Promise<Result<M>>;
  subscribe(listener: (event: ApiEvent) => void): () => void;
  readonly sync: SyncClient;
  /** Delivers the exercise's injects as they fall due, on a controller's desk. */
  readonly injects: ExerciseScheduler;
  close(): Promise<void>;
};

export type WorkstationInternals = {
  store: LocalStore;
  directory: DirectoryStore;
  queue: SerialQueue;
  events: EventHub;
  now: () => number;
  actor: () => Actor;
  clientId: string;
  dataDir: string;
  appVersion: string;
  sync: SyncClient;
};

export function createWorkstation(options: WorkstationOptions): Workstation {
  const db = openDatabase(join(options.dataDir, 'workstation.sqlite'), { nativeBinding: options.nativeBinding });
  migrate(db);
  const store = new LocalStore(db);
  const directory = new DirectoryStore(db);
  let clientId = store.getMeta('clientId');
  if (!clientId) {
    clientId = randomUUID();
    store.setMeta('clientId', clientId);
  }
  const queue = new SerialQueue();
  const events = new EventHub();
  const now = options.now ?? Date.now;
  const sync = new SyncClient({ store, directory, queue, events, clientId, deskSecret: deskSecret(store), now, ...options.sync });
  const internals: WorkstationInternals = {
    store,
    directory,
    queue,
    events,
    now,
    actor: () => sync.actor() ?? STANDALONE_ACTOR,
    clientId,
    dataDir: options.dataDir,
    appVersion: options.appVersion ?? '0.1.0',
    sync,
  };
  // Resumes from the outbox after a restart: pending work from before a crash is pushed as soon as it can be.
  sync.start();
  const handlers: Handlers = createHandlers(internals);
  const injects = startExerciseScheduler(internals);
  const live = new LiveQueries(
    (method, params) => (handlers[method] as (p: unknown, c: CallContext) => Promise<unknown>)(params, {}),
    () => queue.run(() => undefined),
    events,
    readSettings(store),
  );
  let closed = false;

  const handle = (method: unknown, params: unknown, context: CallContext = {}): Promise<Outcome> => {
    if (closed) return Promise.resolve({ ok: false, error: { code: 'internal', message: 'workstation is closed' } });
    return dispatch(handlers, method, params, context);
  };

  return {
    clientId,
    dataDir: options.dataDir,
    store,
    directory,
    queue,
    events,
    handle,
    connect: (push) => live.connect(push),
    live,
    async call(method, params) {
      const outcome = await handle(method, params);
      if (!outcome.ok) throw new ApiFailure(outcome.error);
      return outcome.result as Result<typeof method>;
    },
    subscribe: (listener) => events.subscribe(listener),
    sync,
    injects,
    async close() {
      if (closed) return;
      closed = true;
      injects.stop();
      await sync.stop();
      await queue.run(() => db.close());
    },
  };
}

export { SCHEMA_VERSION };
