import { useEffect, useState } from 'react';
import type { Params, Result } from '../../contract/api';
import type { LiveMethod } from '../../contract/live';
import { LOADING, type LiveState } from './live-client';
import { useApp } from './store-context';

/**
 * One read, kept live by the workstation: `data` is its latest result (kept through a failed re-read, so a panel
 * shows the last answer and `error` says why it is not newer). `params` null follows nothing (e.g. no incident).
 * Params are compared by value, so callers need not memoise them.
 */
export function useLive<M extends LiveMethod>(method: M, params: Params<M> | null, options: LiveOptions = {}): LiveState<Result<M>> {
  const live = useApp((s) => s.live);
  const key = params === null ? null : JSON.stringify(params);
  const [held, setHeld] = useState<{ key: string | null; state: LiveState<Result<M>> }>({ key, state: LOADING });
  useEffect(() => {
    if (key === null) return;
    return live.watch(method, JSON.parse(key) as Params<M>, (state) => setHeld({ key, state }));
  }, [live, method, key]);
  if (held.key === key) return held.state;
  // Until the new read answers, a change of params shows loading; with `keepPrevious`, over the last result.
  return options.keepPrevious ? { ...held.state, state: 'loading' } : LOADING;
}

export type LiveOptions = {
  /**
   * Keep showing the previous params' result until the new one arrives: for params that move with the clock (a
   * minute, an hour) where the old answer is nearly right, never for another record's (another incident's board).
   */
  keepPrevious?: boolean;
};
