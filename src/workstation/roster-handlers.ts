import type { FeatureHandlers } from '../contract/dispatch';
import { byShiftId, rosterApi } from '../contract/roster-api';
import { defaultRosterRules, ROSTER_RULES_ID, type RosterShift } from '../domain/roster/roster';
import { coverageAt, pooledOnDuty } from '../domain/roster/roster-coverage';
import { parseEntity } from './entity-rows';
import type { LocalStore } from './local-store';
import { readSettings } from './settings-store';
import type { WorkstationInternals } from './workstation';

const WEEK = 7 * 24 * 3_600_000;
const MINUTE = 60_000;

/** Whether `roster.plan` for [from, to) holds the shift: a week either side, for the warnings at the edges. */
const inPlan = (s: RosterShift, from: number, to: number): boolean => s.end > from - WEEK && s.start < to + WEEK;

function rules(store: LocalStore, space: string) {
  const record = store.list('rosterRules', space).find((r) => r.id === ROSTER_RULES_ID);
  if (!record) return defaultRosterRules;
  const { maxConsecutiveHours, minRestHours, maxWeeklyHours } = record;
  return { maxConsecutiveHours, minRestHours, maxWeeklyHours };
}

/** Handlers of the roster feature's read methods; every store access goes through `ws.queue`. */
export function createRosterHandlers(ws: WorkstationInternals): FeatureHandlers<typeof rosterApi> {
  const { store, queue } = ws;
  return {
    'roster.staff': () =>
      queue.run(() => store.list('staff', readSettings(store).space).sort((a, b) => a.staffNo.localeCompare(b.staffNo))),

    'roster.plan': ({ from, to }) =>
      queue.run(() => {
        const space = readSettings(store).space;
        return {
          shifts: store.list('rosterShift', space).filter((s) => inPlan(s, from, to)).sort(byShiftId),
          requirements: store.list('staffingRequirement', space),
          templates: store.list('shiftTemplate', space),
          rules: rules(store, space),
          pool: store.list('poolEntry', space).filter((e) => (e.checkedOutAt ?? Infinity) > from - WEEK && e.checkedInAt < to + WEEK),
        };
      }),

    'roster.planShifts': ({ from, to, ids }) =>
      queue.run(() => {
        const space = readSettings(store).space;
        const shifts: RosterShift[] = [];
        const removed: string[] = [];
        for (const id of ids) {
          // No row at all is removed too: a rebase deletes outright a shift the server refused.
          const row = store.rows.get.get('rosterShift', id);
          const shift = row && !row.deleted && row.space === space ? parseEntity('rosterShift', row.data) : undefined;
          if (shift && inPlan(shift, from, to)) shifts.push(shift);
          else removed.push(id);
        }
        return { shifts, removed };
      }),

    'roster.coverage': ({ at }) =>
      queue.run(() => {
        const { space, timeZone } = readSettings(store);
        const now = at ?? ws.now();
        const shifts = store.list('rosterShift', space).filter((s) => s.end > now - WEEK && s.start < now + WEEK);
        const open = new Set(store.list('incident', space).filter((i) => i.status !== 'closed').map((i) => i.id));
        // Screens ask for the minute they are in; the pool as it stands now, so a check-in counts at once, not next
        // minute. A screen's minute can be one behind when its timer is held back (a wall window behind another).
        const poolAt = at !== undefined && at <= ws.now() && ws.now() - at < 2 * MINUTE ? ws.now() : now;
        const pool = pooledOnDuty(poolAt, store.list('poolEntry', space), store.list('staff', space), open);
        return coverageAt(now, timeZone, store.list('staffingRequirement', space), shifts, store.list('shiftTemplate', space), pool);
      }),

    'roster.pool': ({ incidentId }) =>
      queue.run(() =>
        store
          .list('poolEntry', readSettings(store).space)
          .filter((e) => e.incidentId === incidentId)
          .sort((a, b) => a.checkedInAt - b.checkedInAt),
      ),
  };
}
