import { useEffect, useState } from 'react';
import type { Method, Params, Result } from '../../../contract/api';
import { toUiError, type UiError } from '../../lib/ui-error';
import { useApp } from '../../state/store-context';

/** Coalesces bursts of change events (another workstation receiving 50 updates a second) into one read. */
const REFRESH_MS = 200;

/**
 * Reads one method and reads it again when any of `kinds` changes; the previous data stays on screen while the
 * next read runs, so grids update in place instead of flashing empty. One read at a time: events that arrive
 * during a read cause one more read after it.
 */
export function useResourceQuery<M extends Method>(method: M, params: Params<M>, kinds: readonly string[]) {
  const client = useApp((s) => s.client);
  const transport = useApp((s) => s.transport);
  const [data, setData] = useState<Result<M> | null>(null);
  const [error, setError] = useState<UiError | null>(null);
  const key = JSON.stringify(params);
  const kindList = kinds.join(',');

  useEffect(() => {
    let stopped = false;
    let inFlight = false;
    let again = false;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const load = async (): Promise<void> => {
      if (inFlight) {
        again = true;
        return;
      }
      inFlight = true;
      try {
        const result = await client.call(method, JSON.parse(key) as Params<M>);
        if (!stopped) {
          setData(result);
          setError(null);
        }
      } catch (e) {
        if (!stopped) setError(toUiError(e));
      } finally {
        inFlight = false;
        if (again && !stopped) {
          again = false;
          void load();
        }
      }
    };
    if (transport === 'open') void load();
    const wanted = kindList.split(',');
    const unsubscribe = client.subscribe((event) => {
      if (event.type !== 'changed' || !event.kinds.some((k) => wanted.includes(k)) || timer) return;
      timer = setTimeout(() => {
        timer = null;
        void load();
      }, REFRESH_MS);
    });
    return () => {
      stopped = true;
      unsubscribe();
      if (timer) clearTimeout(timer);
    };
  }, [client, method, key, kindList, transport]);

  return { data, error };
}

export { useMutate } from '../../state/use-mutate';
