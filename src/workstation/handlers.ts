import { combine } from '../common/combine';
import type { coreApi } from '../contract/api';
import type { Handlers } from '../contract/dispatch';
import { ApiFailure } from '../contract/errors';
import { DomainError } from '../domain/errors';
import { jobActionSheets } from '../domain/board/job-action-sheets';
import { incidentDeadlines } from '../domain/incidents/reporting-deadlines';
import { receiptToShow } from '../domain/received-time';
import { buildTimeline, type TimelineItem, type TimelineSources } from '../domain/board/timeline';
import type { Board } from '../contract/board';
import type { LocalStore } from './local-store';
import { SyncHttpError, SyncUnreachableError } from './sync-http';
import { readSettings, writeSettings } from './settings-store';
import { SCHEMA_VERSION } from './migrations';
import type { WorkstationInternals } from './workstation';
import { createMapHandlers } from './map-handlers';
import { createResourcesHandlers } from './resources-handlers';
import { createRosterHandlers } from './roster-handlers';
import { createDirectoryHandlers } from './directory-handlers';
import { createExchangeHandlers } from './exchange-handlers';
import { createMutualAidHandlers } from './mutual-aid-handlers';
import { createWarningHandlers } from './warning-handlers';
import { createPlansHandlers } from './plans-handlers';
import { createWarningSettingsHandlers } from './warning-settings-handlers';
import { createCasualtyHandlers } from './casualty-handlers';
import { createReportsHandlers } from './reports-handlers';
import { createExerciseSpaceHandlers } from './exercise-space-handlers';
import { createMselHandlers } from './msel-handlers';
import { createReplayHandlers } from './replay-handlers';
import { createAarHandlers } from './aar-handlers';
import { createRecoveryHandlers } from './recovery-handlers';
import { changedEvent } from './events';
import { announceSpaceChange } from './space-store';

/** The API contract served by the workstation. Every store access goes through the one serial queue. */
export function createHandlers(ws: WorkstationInternals): Handlers {
  return combine(
    'workstation handlers',
    coreHandlers(ws),
    createResourcesHandlers(ws),
    createMapHandlers(ws),
    createRosterHandlers(ws),
    createDirectoryHandlers(ws),
    createExchangeHandlers(ws),
    createMutualAidHandlers(ws),
    createWarningHandlers(ws),
    createWarningSettingsHandlers(ws),
    createCasualtyHandlers(ws),
    createReportsHandlers(ws),
    createPlansHandlers(ws),
    createExerciseSpaceHandlers(ws),
    createMselHandlers(ws),
    createReplayHandlers(ws),
    createAarHandlers(ws),
    createRecoveryHandlers(ws),
  );
}

/** The handlers of the app's own methods (coreApi in contract/api.ts). */
function coreHandlers(ws: WorkstationInternals): Pick<Handlers, keyof typeof coreApi> {
  const { store, queue, events } = ws;
  return {
    'app.info': () =>
      Promise.resolve({ version: ws.appVersion, schemaVersion: SCHEMA_VERSION, clientId: ws.clientId, dataDir: ws.dataDir }),

    'settings.get': () => queue.run(() => readSettings(store)),

    'settings.update': (patch) =>
      queue.run(() => {
        const before = readSettings(store).space;
        const settings = writeSettings(store, patch);
        events.emit({ type: 'settings', settings });
        if (settings.space !== before) {
          announceSpaceChange(events);
          events.emit({ type: 'sync', status: ws.sync.status() });
        }
        return settings;
      }),

    'incident.list': () =>
      queue.run(() =>
        store.list('incident', readSettings(store).space).sort((a, b) => b.declaredAt - a.declaredAt),
      ),

    'board.get': ({ incidentId }) =>
      queue.run(() => {
        const board = readBoard(store, readSettings(store).space, incidentId);
        return { ...board, deadlines: incidentDeadlines(board.incident, board.deadlines) };
      }),

    'timeline.get': ({ incidentId }) =>
      queue.run(() => {
        const space = readSettings(store).space;
        return withReceipts(readBoard(store, space, incidentId), store.list('enquiry', space));
      }),

    'jas.templates': () => Promise.resolve([...jobActionSheets]),

    mutate: (request) =>
      queue.run(async () => {
        const space = readSettings(store).space;
        const { mutationId, touched, touchedIds } = await store.applyLocal(request.name, request.args, {
          at: ws.now(),
          actor: ws.actor(),
          space,
        });
        events.emit(changedEvent(touched, touchedIds));
        events.emit({ type: 'sync', status: ws.sync.status() });
        ws.sync.requestSync();
        return { mutationId };
      }),

    'sync.status': () => queue.run(() => ws.sync.status()),

    'sync.now': () => {
      ws.sync.requestSync();
      return Promise.resolve({});
    },

    'auth.login': ({ serverUrl, username, password }) => ws.sync.login(serverUrl, username, password).catch(asApiFailure),

    'auth.logout': () => ws.sync.logout(),

    'sync.handOver': ({ from }) => ws.sync.handOver(from),

    'sync.dismissNotices': () => ws.sync.dismissNotices().then(() => ({})),

    'sync.stuck': () => queue.run(() => store.stuck()),

    'sync.retryStuck': ({ mutationId }) => ws.sync.retryStuck(mutationId).then(() => ({})),

    'sync.discardStuck': ({ mutationId }) => ws.sync.discardStuck(mutationId).then(() => ({})),

    'sync.retryRejected': async ({ mutationId }) => {
      const space = await queue.run(() => readSettings(store).space);
      return { mutationId: await ws.sync.retryRejected(mutationId, ws.actor(), space) };
    },

    'live.subscribe': ({ queryId, method, params }, { live }) => {
      if (!live) return Promise.reject(new ApiFailure({ code: 'invalid_request', message: 'live reads need a connection (a window or a socket)' }));
      return live.subscribe(queryId, method, params).then(() => ({}));
    },

    'live.unsubscribe': ({ queryId }, { live }) => {
      live?.unsubscribe(queryId);
      return Promise.resolve({});
    },

    'sync.dismissRejection': ({ mutationId }) =>
      queue.run(() => {
        store.dismissRejection(mutationId);
        events.emit({ type: 'sync', status: ws.sync.status() });
        return {};
      }),
  };
}

/**
 * One incident's rows of every board kind; kinds are scanned per space and filtered here (no per-kind tables).
 * `deadlines` holds the user-added rows only; the statutory clock is derived from the incident.
 */
function readBoard(store: LocalStore, space: string, incidentId: string): Board {
  const incident = store.list('incident', space).find((i) => i.id === incidentId);
  if (!incident) throw new DomainError('not_found', `incident ${incidentId} does not exist`, { id: incidentId });
  const mine = <T extends { incidentId: string }>(rows: T[]) => rows.filter((r) => r.incidentId === incidentId);
  const logEntries = mine(store.list('logEntry', space));
  const messages = mine(store.list('message', space));
  const times = [...store.rows.receivedTimes('logEntry', space), ...store.rows.receivedTimes('message', space)];
  const ids = new Set([...logEntries, ...messages].map((row) => row.id));
  return {
    incident,
    assignments: mine(store.list('assignment', space)),
    objectives: mine(store.list('objective', space)),
    tasks: mine(store.list('task', space)),
    logEntries,
    messages,
    deadlines: mine(store.list('deadline', space)),
    received: Object.fromEntries(times.filter(([id]) => ids.has(id))),
  };
}

/** The timeline, with the server's receive time on the log entries and messages a desk's clock put far from it. */
function withReceipts(board: Board, enquiries: TimelineSources['enquiries'] = []): TimelineItem[] {
  const received = board.received ?? {};
  const deskTime = new Map<string, number>([
    ...board.logEntries.map((e): [string, number] => [e.id, e.recordedAt]),
    ...board.messages.map((m): [string, number] => [m.id, m.sentAt]),
  ]);
  return buildTimeline({ ...board, enquiries }).map((item) => {
    const id = item.type === 'log' ? item.entryId : item.type === 'message' ? item.messageId : null;
    const deskAt = id === null ? undefined : deskTime.get(id);
    const shown = id === null || deskAt === undefined ? null : receiptToShow(deskAt, received[id]);
    return shown === null ? item : { ...item, receivedAt: shown };
  });
}

/**
 * Turns a failed login into an error the UI can translate. The server's 401 at login means the username or the
 * password is wrong; `unauthorized` is kept for the web host's access token, which the user did not type here.
 */
function asApiFailure(error: unknown): never {
  if (error instanceof SyncHttpError) {
    const code = error.status === 401 ? 'login_failed' : error.status === 403 ? 'forbidden' : error.body.code === 'update_required' ? 'update_required' : 'internal';
    throw new ApiFailure({ code, message: error.body.message });
  }
  if (error instanceof SyncUnreachableError) throw new ApiFailure({ code: 'server_unreachable', message: error.message });
  throw error;
}
