import { useEffect, useState } from 'react';
import type { Result } from '../../../contract/api';
import { MAX_CHANGED_IDS } from '../../../contract/changed-ids';
import { toUiError, type UiError } from '../../lib/ui-error';
import { useApp } from '../../state/store-context';
import { patchShifts } from './patch-shifts';

export type RosterPlan = Result<'roster.plan'>;

/** The kinds `roster.plan` is made of. A change to shifts alone that names them is read by id; any other, whole. */
const PLAN_KINDS: readonly string[] = ['rosterShift', 'staffingRequirement', 'rosterRules', 'shiftTemplate', 'poolEntry'];

/** Short, so an assignment is painted promptly, but enough to fold a burst of synced changes into one read. */
const REFRESH_MS = 30;

/**
 * `roster.plan` for [from, to), kept live. One assignment costs a read of the shifts its `changed` event names,
 * patched into the last plan, not a re-read (and re-check) of the four weeks of every person. One read at a time;
 * the last plan stays shown while it re-reads.
 */
export function useRosterPlan(from: number, to: number) {
  const client = useApp((s) => s.client);
  const transport = useApp((s) => s.transport);
  const [data, setData] = useState<RosterPlan | null>(null);
  const [error, setError] = useState<UiError | null>(null);

  useEffect(() => {
    let stopped = false;
    let running = false;
    let needFull = true;
    let plan: RosterPlan | null = null;
    const changedIds = new Set<string>();
    let timer: ReturnType<typeof setTimeout> | null = null;

    const readFull = async () => {
      needFull = false;
      changedIds.clear();
      plan = await client.call('roster.plan', { from, to });
      if (!stopped) setData(plan);
    };
    const readChanged = async (base: RosterPlan) => {
      const ids = [...changedIds].slice(0, MAX_CHANGED_IDS);
      for (const id of ids) changedIds.delete(id);
      const { shifts, removed } = await client.call('roster.planShifts', { from, to, ids });
      plan = { ...base, shifts: patchShifts(base.shifts, shifts, removed) };
      if (!stopped) setData(plan);
    };
    const run = async (): Promise<void> => {
      if (running) return;
      running = true;
      try {
        while (!stopped && (needFull || changedIds.size > 0)) await (needFull || !plan ? readFull() : readChanged(plan));
        if (!stopped) setError(null);
      } catch (e) {
        // What failed to be read is read whole with the next change, as before any patching.
        needFull = true;
        if (!stopped) setError(toUiError(e));
      } finally {
        running = false;
      }
    };

    if (transport === 'open') void run();
    const unsubscribe = client.subscribe((event) => {
      if (event.type !== 'changed') return;
      const kinds = event.kinds.filter((k) => PLAN_KINDS.includes(k));
      if (kinds.length === 0) return;
      if (kinds.length === 1 && kinds[0] === 'rosterShift' && event.ids) for (const id of event.ids) changedIds.add(id);
      else needFull = true;
      if (timer) return;
      timer = setTimeout(() => {
        timer = null;
        void run();
      }, REFRESH_MS);
    });
    return () => {
      stopped = true;
      unsubscribe();
      if (timer) clearTimeout(timer);
    };
  }, [client, transport, from, to]);

  return { data, error };
}
