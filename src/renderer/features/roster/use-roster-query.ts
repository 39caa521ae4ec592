import { useCallback, useEffect, useRef, useState } from 'react';
import type { Method, Params, Result } from '../../../contract/api';
import { toUiError, type UiError } from '../../lib/ui-error';
import { useApp } from '../../state/store-context';

/** The record kinds the roster screens show; a change to any of them re-reads. */
export const rosterKinds = ['staff', 'rosterShift', 'staffingRequirement', 'rosterRules', 'shiftTemplate', 'poolEntry', 'assignment', 'incident', 'task'] as const;

/** Short, so an assignment is painted promptly, but enough to fold a burst of synced changes into one read. */
const REFRESH_MS = 30;

/**
 * Reads one method and again whenever one of `kinds` changes (by default any roster kind); the last data stays
 * shown while it re-reads. `kinds` must be a constant, not a new array per render.
 */
export function useRosterQuery<M extends Method>(method: M, params: Params<M>, kinds: readonly string[] = rosterKinds) {
  const client = useApp((s) => s.client);
  const transport = useApp((s) => s.transport);
  const [data, setData] = useState<Result<M> | null>(null);
  const [error, setError] = useState<UiError | null>(null);
  const key = JSON.stringify(params);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlight = useRef(false);
  const again = useRef(false);

  const load = useCallback(async () => {
    if (inFlight.current) {
      again.current = true;
      return;
    }
    inFlight.current = true;
    try {
      // A change that arrives during a read is read once more afterwards, never in parallel.
      do {
        again.current = false;
        try {
          setData(await client.call(method, JSON.parse(key) as Params<M>));
          setError(null);
        } catch (e) {
          setError(toUiError(e));
        }
      } while (again.current);
    } finally {
      inFlight.current = false;
    }
  }, [client, method, key]);

  useEffect(() => {
    if (transport === 'open') void load();
    const unsubscribe = client.subscribe((event) => {
      if (event.type !== 'changed' || !event.kinds.some((k) => kinds.includes(k))) return;
      if (timer.current) return;
      timer.current = setTimeout(() => {
        timer.current = null;
        void load();
      }, REFRESH_MS);
    });
    return () => {
      unsubscribe();
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
    };
  }, [client, load, transport, kinds]);

  return { data, error, reload: load };
}

export { useMutate } from '../../state/use-mutate';
