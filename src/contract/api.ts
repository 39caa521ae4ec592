import { z } from 'zod';
import { combine } from '../common/combine';
import { IncidentSchema } from '../domain/incidents/incident';
import { IdSchema } from '../domain/ids';
import { JobActionSheetSchema } from '../domain/board/job-action-sheets';
import { TimelineItemSchema } from '../domain/board/timeline';
import { BoardSchema } from './board';
import { casualtyApi } from './casualty-api';
import { reportsApi } from './reports-api';
import { MAX_CHANGED_IDS } from './changed-ids';
import { directoryApi } from './directory';
import { exchangeApi } from './exchange-api';
import { mutualAidApi } from './mutual-aid';
import { exerciseSpacesApi } from './exercise-spaces';
import { mselApi } from './msel-api';
import { replayApi } from './replay-api';
import { warningSettingsApi } from './warning-settings-api';
import { LiveEventSchema, liveMethods, QueryIdSchema } from './live';
import { MutationRequestSchema, type MutationRequest } from './mutation-request';
import { mapApi } from './map-api';
import { resourcesApi } from './resources-api';
import { rosterApi } from './roster-api';
import { SettingsSchema } from './settings';
import { StuckChangeSchema, SyncStatusSchema } from './sync-status';
import { warningApi } from './warning-api';
import { plansApi } from './plans-api';
import { aarApi } from './aar-api';
import { recoveryApi } from './recovery-api';
import { LoginRequestSchema } from './sync';

const NoParams = z.strictObject({});

/** The methods of the app itself: settings, the board, sync and sessions, live reads. */
export const coreApi = {
  'app.info': {
    params: NoParams,
    result: z.object({ version: z.string(), schemaVersion: z.number().int(), clientId: z.string(), dataDir: z.string() }),
  },
  'settings.get': { params: NoParams, result: SettingsSchema },
  'settings.update': { params: SettingsSchema.partial(), result: SettingsSchema },
  'incident.list': { params: NoParams, result: z.array(IncidentSchema) },
  /** Everything the commander's board shows for one incident, as this workstation sees it (pending work included). */
  'board.get': { params: z.strictObject({ incidentId: IdSchema }), result: BoardSchema },
  'timeline.get': { params: z.strictObject({ incidentId: IdSchema }), result: z.array(TimelineItemSchema) },
  /** The Job Action Sheets shipped with this build, in both languages. */
  'jas.templates': { params: NoParams, result: z.array(JobActionSheetSchema) },
  mutate: {
    params: MutationRequestSchema,
    result: z.object({ mutationId: z.number().int() }),
  },
  'sync.status': { params: NoParams, result: SyncStatusSchema },
  /** Ask for a push and pull now (after a reconnect, or from the status area). */
  'sync.now': { params: NoParams, result: z.object({}) },
  'auth.login': {
    params: z.strictObject({
      serverUrl: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }),
      username: LoginRequestSchema.shape.username,
      password: LoginRequestSchema.shape.password,
    }),
    result: SyncStatusSchema,
  },
  'auth.logout': { params: NoParams, result: SyncStatusSchema },
  'sync.dismissRejection': { params: z.strictObject({ mutationId: z.number().int() }), result: z.object({}) },
  /**
   * Takes over all pending work of a user who made it on this desk and is not coming back to send it: it is sent
   * as the logged-in user's, judged under their roles, and the server's audit records whom it was taken from.
   */
  'sync.handOver': { params: z.strictObject({ from: z.string().min(1).max(100) }), result: SyncStatusSchema },
  'sync.dismissNotices': { params: NoParams, result: z.object({}) },
  /** Changes held because no push could carry them, oldest first (kept live: `sync.stuck` in live.ts). */
  'sync.stuck': { params: NoParams, result: z.array(StuckChangeSchema) },
  /** Releases a held change: it goes with the next push, under a new number. */
  'sync.retryStuck': { params: z.strictObject({ mutationId: z.number().int() }), result: z.object({}) },
  /** Drops a held change: its effect is taken off this desk and the discard recorded in the desk's refusals. */
  'sync.discardStuck': { params: z.strictObject({ mutationId: z.number().int() }), result: z.object({}) },
  /**
   * Sends a change the server refused as `internal_error` (a server fault meeting one record) again, as a new
   * change of the logged-in user; its refusal is dismissed with it. Other refusals are final and cannot be retried.
   */
  'sync.retryRejected': { params: z.strictObject({ mutationId: z.number().int() }), result: z.object({ mutationId: z.number().int() }) },
  /**
   * Keeps a read live for this connection (window or socket): its result now, then a fresh result or a row delta
   * as a `live` event whenever a committed write or an applied pull touches what it reads. `queryId` is the
   * caller's name for it; subscribing an id again replaces what it watched.
   */
  'live.subscribe': {
    params: z
      .strictObject({ queryId: QueryIdSchema, method: z.enum(liveMethods), params: z.unknown() })
      .superRefine((value, ctx) => {
        // The inner read's own schema, so a live read is refused for exactly what a plain call would be.
        const inner = api[value.method].params.safeParse(value.params ?? {});
        for (const issue of inner.success ? [] : inner.error.issues) {
          ctx.addIssue({ code: 'custom', message: issue.message, path: ['params', ...issue.path] });
        }
      }),
    result: z.object({}),
  },
  'live.unsubscribe': { params: z.strictObject({ queryId: QueryIdSchema }), result: z.object({}) },
} as const;

/**
 * The workstation API: every method the renderer may call, with its parameter and result schemas. The same map
 * is bound to Electron IPC and to the web host's WebSocket; the parameters are validated at each edge. Each
 * feature brings its part; a method two parts both name stops the app at start-up.
 */
export const api = combine('API methods', coreApi, resourcesApi, mapApi, rosterApi, directoryApi, exchangeApi, mutualAidApi, warningApi, warningSettingsApi, casualtyApi, plansApi, exerciseSpacesApi, mselApi, replayApi, reportsApi, aarApi, recoveryApi);

export type Api = typeof api;
export type Method = keyof Api;
export type Params<M extends Method> = M extends 'mutate' ? MutationRequest : z.input<Api[M]['params']>;
export type Result<M extends Method> = z.infer<Api[M]['result']>;
export const methods = Object.keys(api) as Method[];

export function isMethod(value: unknown): value is Method {
  return typeof value === 'string' && Object.hasOwn(api, value);
}

/** Events the workstation pushes to every connected renderer. */
export const EventSchema = z.discriminatedUnion('type', [
  // `ids` (optional, additive): the rows that changed, so a 20,000-row grid can re-read only those.
  z.object({ type: z.literal('changed'), kinds: z.array(z.string()), ids: z.array(z.string()).max(MAX_CHANGED_IDS).optional() }),
  z.object({ type: z.literal('sync'), status: SyncStatusSchema }),
  z.object({ type: z.literal('settings'), settings: SettingsSchema }),
  // The desktop's workstation core was restarted after a crash: it knows none of the window's live reads.
  z.object({ type: z.literal('restarted') }),
  LiveEventSchema,
]);
export type ApiEvent = z.infer<typeof EventSchema>;

/** What a transport exposes to the renderer: the preload's bridge and the web client both implement it. */
export type ApiClient = {
  call<M extends Method>(method: M, params: Params<M>): Promise<Result<M>>;
  subscribe(listener: (event: ApiEvent) => void): () => void;
};
