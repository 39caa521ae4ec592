import { api, type ApiClient, type ApiEvent, type Params, type Result } from '../../contract/api';
import { applyRowDelta, liveSpec, type LiveMethod, type RowDelta } from '../../contract/live';
import { ApiFailure } from '../../contract/errors';
import { toUiError, type UiError } from '../lib/ui-error';

/** A live read as a screen sees it: the last result (kept through a failure), the failure, and where it stands. */
export type LiveState<T> = { data: T | null; error: UiError | null; state: 'loading' | 'live' | 'error' };

export const LOADING: LiveState<never> = { data: null, error: null, state: 'loading' };

/** Follows a read: its new state, and the row delta that made it when it was one (a map applies just that). */
export type LiveListener<T> = (state: LiveState<T>, delta: RowDelta | null) => void;

type Entry = {
  method: LiveMethod;
  params: unknown;
  queryId: string;
  snapshot: LiveState<unknown>;
  listeners: Set<LiveListener<unknown>>;
};

export type LiveClient = {
  /** Follows one read; components asking the same read share one subscription in the workstation. */
  watch<M extends LiveMethod>(method: M, params: Params<M>, listener: LiveListener<Result<M>>): () => void;
  /** Subscribes every followed read again (after a reconnect: the workstation forgot the old connection's). */
  resubscribe(): void;
};

/**
 * The renderer's one reader of live data: it asks the workstation to keep each read live, takes the results and
 * row deltas it pushes, and hands them to every component following that read. Results are checked against the
 * contract's result schema, as a plain call's are.
 */
export function createLiveClient(client: ApiClient, isOpen: () => boolean): LiveClient {
  const entries = new Map<string, Entry>();
  const byQueryId = new Map<string, Entry>();
  let nextId = 1;

  const publish = (entry: Entry, snapshot: LiveState<unknown>, delta: RowDelta | null = null): void => {
    entry.snapshot = snapshot;
    for (const listener of entry.listeners) listener(snapshot, delta);
  };

  const onEvent = (event: ApiEvent): void => {
    if (event.type !== 'live') return;
    const entry = byQueryId.get(event.queryId);
    if (!entry) return;
    if (event.error) return publish(entry, { data: entry.snapshot.data, error: toUiError(new ApiFailure(event.error)), state: 'error' });
    if (event.delta) {
      const keyed = liveSpec(entry.method).keyed;
      if (!keyed || entry.snapshot.data === null) return;
      return publish(entry, { data: applyRowDelta(entry.snapshot.data, keyed, event.delta), error: null, state: 'live' }, event.delta);
    }
    const parsed = api[entry.method].result.safeParse(event.result);
    if (parsed.success) publish(entry, { data: parsed.data, error: null, state: 'live' });
    else publish(entry, { data: entry.snapshot.data, error: { code: 'invalid_response', message: `${entry.method} pushed an unexpected shape` }, state: 'error' });
  };
  client.subscribe(onEvent);

  const subscribe = (entry: Entry): void => {
    byQueryId.delete(entry.queryId);
    entry.queryId = `q${nextId++}`;
    byQueryId.set(entry.queryId, entry);
    // Not connected yet: `resubscribe` asks once the connection opens, rather than failing in the meantime.
    if (!isOpen()) return;
    client.call('live.subscribe', { queryId: entry.queryId, method: entry.method, params: entry.params }).catch((error: unknown) => {
      if (byQueryId.get(entry.queryId) === entry) publish(entry, { data: entry.snapshot.data, error: toUiError(error), state: 'error' });
    });
  };

  return {
    watch(method, params, listener) {
      const key = `${method} ${JSON.stringify(params)}`;
      let entry = entries.get(key);
      const follow = listener as LiveListener<unknown>;
      if (!entry) {
        entry = { method, params, queryId: '', snapshot: LOADING, listeners: new Set() };
        entries.set(key, entry);
        entry.listeners.add(follow);
        subscribe(entry);
      } else {
        entry.listeners.add(follow);
        if (entry.snapshot !== LOADING) follow(entry.snapshot, null);
      }
      const held = entry;
      return () => {
        held.listeners.delete(follow);
        if (held.listeners.size > 0) return;
        entries.delete(key);
        byQueryId.delete(held.queryId);
        client.call('live.unsubscribe', { queryId: held.queryId }).catch(() => undefined);
      };
    },
    resubscribe() {
      for (const entry of entries.values()) subscribe(entry);
    },
  };
}
