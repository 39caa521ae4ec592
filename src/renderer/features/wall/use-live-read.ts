import { useEffect, useState } from 'react';
import type { Method, Params, Result } from '../../../contract/api';
import { useApp } from '../../state/store-context';

/**
 * One read method's answer for the wall, re-read when a `changed` event names one of `kinds` and, with `everyMs`,
 * on a timer (figures that depend on the time of day, like who is on shift now). A failed re-read keeps the last
 * answer: the stale notice, not a blank panel, tells the room. `null` until the first answer.
 */
export function useLiveRead<M extends Method>(method: M, params: Params<M>, kinds: readonly string[], everyMs = 0): Result<M> | null {
  const client = useApp((s) => s.client);
  const transport = useApp((s) => s.transport);
  const [result, setResult] = useState<Result<M> | null>(null);
  // Params and kinds are small literals: compare them by value so callers need not memoise them.
  const paramsKey = JSON.stringify(params);
  const kindsKey = kinds.join(',');
  useEffect(() => {
    if (transport !== 'open') return;
    let alive = true;
    const watched = kindsKey.split(',');
    const load = (): void => {
      client.call(method, JSON.parse(paramsKey) as Params<M>).then((r) => alive && setResult(r), () => undefined);
    };
    load();
    const unsubscribe = client.subscribe((event) => {
      if (event.type === 'changed' && event.kinds.some((k) => watched.includes(k))) load();
    });
    const timer = everyMs > 0 ? setInterval(load, everyMs) : null;
    return () => {
      alive = false;
      unsubscribe();
      if (timer) clearInterval(timer);
    };
  }, [client, transport, method, paramsKey, kindsKey, everyMs]);
  return result;
}
