import { z } from 'zod';
import { DIRECTORY_CHANGED_KIND } from './directory';
import { ApiErrorSchema } from './errors';
import { byShiftId } from './roster-api';
import { STUCK_CHANGED_KIND } from './sync-status';

/**
 * A read whose result is a list of rows keyed by id, one kind: a `changed` event naming only rows of that kind
 * costs a read of those rows (`byIds`, called with the query's params plus `ids`), and a row delta on the wire.
 * `field` is where the rows sit in the full result (absent: the result is the list), `from` where they sit in
 * `byIds`'s answer; `order`, when the full read sorts, keeps a patched list in the order a full read gives.
 */
export type KeyedRead = {
  kind: string;
  byIds: 'resources.stockRows' | 'map.featuresByIds' | 'roster.planShifts';
  field?: string;
  from: string;
  order?: (a: { id: string }, b: { id: string }) => number;
};

/** What a live read depends on: the entity kinds it reads, and how to re-read it by id when that helps. */
export type LiveSpec = { reads: readonly string[]; keyed?: KeyedRead };

const BOARD_KINDS = ['incident', 'task', 'assignment', 'objective', 'logEntry', 'message', 'deadline'] as const;
const byCreation = (a: { id: string }, b: { id: string }): number => {
  const x = a as { id: string; createdAt?: number };
  const y = b as { id: string; createdAt?: number };
  return (x.createdAt ?? 0) - (y.createdAt ?? 0) || (x.id < y.id ? -1 : 1);
};

/**
 * The read methods a renderer may keep live, and what each reads: the one list of entity kinds per read (the
 * workstation re-runs a read only when a committed write or an applied pull touches one of them).
 */
export const liveReads = {
  'incident.list': { reads: ['incident'] },
  'board.get': { reads: BOARD_KINDS },
  'timeline.get': { reads: [...BOARD_KINDS, 'enquiry'] },
  'resources.stock': {
    reads: ['stock', 'stockItem', 'store'],
    keyed: { kind: 'stock', byIds: 'resources.stockRows', field: 'rows', from: 'rows' },
  },
  'resources.catalogue': { reads: ['stockItem', 'store'] },
  'resources.trend': { reads: ['stock'] },
  'resources.beds': { reads: ['bedCount'] },
  'resources.requests': { reads: ['resourceRequest'] },
  'resources.summary': { reads: ['bedCount', 'stock', 'stockItem', 'incident', 'alert', 'warningSettings'] },
  'resources.reserves': { reads: ['stock', 'stockItem', 'incident', 'alert', 'warningSettings'] },
  'map.features': { reads: ['mapFeature'], keyed: { kind: 'mapFeature', byIds: 'map.featuresByIds', from: 'features', order: byCreation } },
  'map.region': { reads: ['districtWarning', 'neighbourHospital', 'indicator', 'observation', 'alert'] },
  'roster.staff': { reads: ['staff'] },
  'roster.plan': {
    reads: ['rosterShift', 'staffingRequirement', 'shiftTemplate', 'rosterRules', 'poolEntry'],
    keyed: { kind: 'rosterShift', byIds: 'roster.planShifts', field: 'shifts', from: 'shifts', order: byShiftId },
  },
  // A pool check-in or check-out, a person's home unit, or an incident's close changes who is on duty.
  'roster.coverage': { reads: ['rosterShift', 'staffingRequirement', 'shiftTemplate', 'poolEntry', 'staff', 'incident'] },
  'roster.pool': { reads: ['poolEntry'] },
  'directory.users': { reads: [DIRECTORY_CHANGED_KIND] },
  'sync.stuck': { reads: [STUCK_CHANGED_KIND] },
  'warning.indicators': { reads: ['indicator', 'observation'] },
  'warning.series': { reads: ['indicator', 'observation'] },
  'warning.alerts': { reads: ['alert'] },
  'warning.rules': { reads: ['triggerRule'] },
  'warning.responseLevels': { reads: ['warningSettings'] },
  'casualty.list': { reads: ['casualty'] },
  'casualty.counts': { reads: ['casualty'] },
  'enquiry.list': { reads: ['enquiry'] },
  'enquiry.candidates': { reads: ['enquiry', 'casualty'] },
  'report.list': { reads: ['sitRep'] },
  'plans.list': { reads: ['plan', 'planVersion'] },
  'plans.get': { reads: ['plan', 'planVersion'] },
  // A plan, its versions, a corrective action against it, a person's training or a reserve's stock moves the score.
  'plans.readiness': { reads: ['plan', 'planVersion', 'correctiveAction', 'staff', 'stock', 'stockItem'] },
  'plans.incident': { reads: ['incident', 'plan', 'planVersion', 'planActivation', 'positionChecklist'] },
  'aar.get': { reads: ['aar', 'correctiveAction', 'plan', 'planVersion', 'exercise', 'objectiveRating'] },
  'correctiveAction.toVerify': { reads: ['correctiveAction'] },
  'correctiveAction.list': { reads: ['correctiveAction', 'aar', 'incident', 'exercise'] },
  'recovery.get': {
    reads: ['incident', 'assignment', 'poolEntry', 'staff', 'demobCheckout', 'recoveryMetric', 'bedCount', 'stock', 'stockItem', 'costLine', 'wellbeingCheckIn', 'wellbeingTally'],
  },
  'recovery.wall': { reads: ['incident', 'assignment', 'poolEntry', 'staff', 'demobCheckout', 'recoveryMetric', 'bedCount', 'stock', 'stockItem', 'wellbeingTally'] },
  'msel.get': { reads: ['exercise', 'inject'] },
  'exercise.inbox': { reads: ['exercise', 'inject'] },
  'evaluation.get': { reads: ['exercise', 'inject', 'evaluatorNote', 'objectiveRating', 'hotwashNote'] },
  'msel.replaySources': { reads: ['incident'] },
  'msel.replayPreview': { reads: ['exercise', 'inject', 'incident', 'logEntry', 'message', 'stock', 'bedCount', 'casualty', 'enquiry', 'staff', 'assignment'] },
} as const satisfies Record<string, LiveSpec>;

export type LiveMethod = keyof typeof liveReads;
export const liveMethods = Object.keys(liveReads) as [LiveMethod, ...LiveMethod[]];

export function liveSpec(method: LiveMethod): LiveSpec {
  return liveReads[method];
}

export const QueryIdSchema = z.string().min(1).max(100);

/** Rows of a keyed read that changed (`rows`, to replace or add) and ids of rows that left it (`removed`). */
export const RowDeltaSchema = z.object({ rows: z.array(z.object({ id: z.string() }).loose()), removed: z.array(z.string()) });
export type RowDelta = z.infer<typeof RowDeltaSchema>;

/**
 * What the workstation pushes to the one renderer that subscribed `queryId`: exactly one of a fresh `result`, a
 * row `delta` for a keyed read, or the `error` the read failed with.
 */
export const LiveEventSchema = z.object({
  type: z.literal('live'),
  queryId: QueryIdSchema,
  result: z.unknown().optional(),
  delta: RowDeltaSchema.optional(),
  error: ApiErrorSchema.optional(),
});
export type LiveEvent = z.infer<typeof LiveEventSchema>;

type Row = { id: string };

/**
 * A keyed result with a delta applied: changed rows replaced in place (others keep their identity, so a grid
 * skips them), new rows added, removed rows dropped. The workstation and the renderer patch with this one function.
 */
export function applyRowDelta<T>(result: T, keyed: KeyedRead, delta: RowDelta): T {
  const list = (keyed.field ? (result as Record<string, unknown>)[keyed.field] : result) as Row[];
  const index = new Map(list.map((row, i) => [row.id, i]));
  let next = [...list];
  let added = false;
  for (const row of delta.rows) {
    const at = index.get(row.id);
    if (at === undefined) {
      index.set(row.id, next.push(row) - 1);
      added = true;
    } else next[at] = row;
  }
  if (delta.removed.length > 0) {
    const gone = new Set(delta.removed);
    next = next.filter((row) => !gone.has(row.id));
  }
  if (added && keyed.order) next.sort(keyed.order);
  return (keyed.field ? { ...(result as object), [keyed.field]: next } : next) as T;
}

/** The rows of a keyed result (for the workstation's cheap "did anything change" check). */
export function keyedRows(result: unknown, keyed: KeyedRead): Row[] {
  return (keyed.field ? (result as Record<string, unknown>)[keyed.field] : result) as Row[];
}
