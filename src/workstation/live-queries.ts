import type { ApiEvent } from '../contract/api';
import { toApiError, type LiveSession } from '../contract/dispatch';
import type { ApiError } from '../contract/errors';
import type { Settings } from '../contract/settings';
import { applyRowDelta, keyedRows, liveSpec, type KeyedRead, type LiveEvent, type LiveMethod, type LiveSpec, type RowDelta } from '../contract/live';
import { api, type Method } from '../contract/api';
import type { EventHub } from './events';

/** What of the settings a read's answer depends on. */
const liveContext = (settings: Settings): string => `${settings.space} ${settings.timeZone}`;

/** Runs one read method with already-validated params (the workstation's handlers, through its serial queue). */
export type ReadRunner = (method: Method, params: unknown) => Promise<unknown>;

export type LiveConnection = LiveSession & { close(): void };

type Listener = { push: (event: LiveEvent) => void; queryId: string };

/** One read shared by every subscriber asking the same method with the same params. */
type Query = {
  key: string;
  method: LiveMethod;
  params: unknown;
  spec: LiveSpec;
  listeners: Set<Listener>;
  /** The last result pushed, and its JSON (the cheap "unchanged, push nothing" check). */
  last: { result: unknown; json: string } | null;
  /** Why the last read failed, when it did. */
  failure: ApiError | null;
  /** What to read at the next flush: nothing, the changed ids of a keyed read, or the whole read. */
  dirty: 'none' | 'ids' | 'full';
  ids: Set<string>;
  /** The first read, which new subscribers wait on. */
  ready: Promise<void>;
};

/**
 * The workstation's live reads (Replicache's `subscribe`). A renderer subscribes a read; when a committed local
 * write or an applied pull touches a kind the read depends on (contract/live.ts), the read runs again, once per
 * batch however many subscribe it, and its subscribers get the fresh result, or only the changed rows of a keyed
 * read. A result that did not change is not pushed.
 */
export class LiveQueries {
  private readonly queries = new Map<string, Query>();
  private scheduled = false;
  /** The desk's space and time zone as of the last settings seen (`liveContext`). */
  private context: string;
  private flushing: Promise<void> = Promise.resolve();
  /** Reads run for subscribers (first reads included): what a benchmark counts. */
  reads = 0;

  /**
   * `settled` resolves once the store work queued so far is done: a flush waits for it, so the writes already
   * queued (a burst of receipts, a pull's pages) are read once, after the last of them.
   */
  constructor(
    private readonly run: ReadRunner,
    private readonly settled: () => Promise<unknown>,
    events: EventHub,
    settings: Settings,
  ) {
    this.context = liveContext(settings);
    events.subscribe((event) => this.onEvent(event));
  }

  /** A connection's session: its subscriptions by the ids it chose, all dropped when it closes. */
  connect(push: (event: LiveEvent) => void): LiveConnection {
    const mine = new Map<string, { query: Query; listener: Listener }>();
    const unsubscribe = (queryId: string): void => {
      const held = mine.get(queryId);
      if (!held) return;
      mine.delete(queryId);
      held.query.listeners.delete(held.listener);
      if (held.query.listeners.size === 0) this.queries.delete(held.query.key);
    };
    return {
      subscribe: async (queryId, method, params) => {
        unsubscribe(queryId);
        const listener: Listener = { push, queryId };
        const query = this.attach(method, params, listener);
        mine.set(queryId, { query, listener });
        await query.ready;
        // Each subscriber gets the current answer once, here; later changes come from the flushes.
        if (mine.get(queryId)?.listener !== listener) return;
        if (query.last) push({ type: 'live', queryId, result: query.last.result });
        else if (query.failure) push({ type: 'live', queryId, error: query.failure });
      },
      unsubscribe,
      close: () => {
        for (const queryId of [...mine.keys()]) unsubscribe(queryId);
      },
    };
  }

  /** How many distinct reads are live (shared subscriptions count once). */
  get size(): number {
    return this.queries.size;
  }

  private attach(method: LiveMethod, params: unknown, listener: Listener): Query {
    // Parsed again here: defaults applied, so `{}` and `{ windowDays: 7 }` are one read.
    const parsed = api[method].params.parse(params ?? {});
    const key = `${method} ${JSON.stringify(parsed)}`;
    const existing = this.queries.get(key);
    if (existing) {
      existing.listeners.add(listener);
      return existing;
    }
    const query: Query = {
      key, method, params: parsed, spec: liveSpec(method), listeners: new Set([listener]), last: null, failure: null, dirty: 'none', ids: new Set(),
      ready: Promise.resolve(),
    };
    this.queries.set(key, query);
    query.ready = this.readFull(query, true);
    return query;
  }

  private onEvent(event: ApiEvent): void {
    if (event.type === 'settings') return this.onSettings(liveContext(event.settings));
    if (event.type !== 'changed') return;
    let any = false;
    for (const query of this.queries.values()) {
      const hit = event.kinds.filter((kind) => query.spec.reads.includes(kind));
      if (hit.length === 0) continue;
      any = true;
      const keyed = query.spec.keyed;
      if (keyed && event.ids && hit.every((kind) => kind === keyed.kind) && query.dirty !== 'full') {
        query.dirty = 'ids';
        for (const id of event.ids) query.ids.add(id);
      } else {
        query.dirty = 'full';
        query.ids.clear();
      }
    }
    if (any) this.schedule();
  }

  /**
   * Reads answer for the desk's space, and some in its time zone: when either changes, every read is read again
   * (the directory, for one, is per space and names no entity kind). Other settings (language...) change none.
   */
  private onSettings(context: string): void {
    const before = this.context;
    this.context = context;
    if (before === context) return;
    for (const query of this.queries.values()) {
      query.dirty = 'full';
      query.ids.clear();
    }
    if (this.queries.size > 0) this.schedule();
  }

  private schedule(): void {
    if (!this.scheduled) {
      this.scheduled = true;
      // One flush at a time, so results reach subscribers in the order the changes were made.
      this.flushing = this.flushing
        .then(this.settled)
        .then(() => {
          this.scheduled = false;
          return this.flush();
        })
        .catch(() => undefined);
    }
  }

  private async flush(): Promise<void> {
    for (const query of [...this.queries.values()]) {
      if (query.dirty === 'none' || !this.queries.has(query.key)) continue;
      const dirty = query.dirty;
      const ids = [...query.ids];
      query.dirty = 'none';
      query.ids.clear();
      if (dirty === 'ids' && query.spec.keyed && query.last) await this.readIds(query, query.spec.keyed, ids);
      else await this.readFull(query, false);
    }
  }

  private async readFull(query: Query, first: boolean): Promise<void> {
    this.reads += 1;
    let result: unknown;
    try {
      result = await this.run(query.method, query.params);
    } catch (error) {
      query.last = null;
      query.failure = toApiError(error);
      if (!first) this.send(query, { error: query.failure });
      return;
    }
    const json = JSON.stringify(result);
    if (query.last?.json === json) return;
    query.last = { result, json };
    query.failure = null;
    if (!first) this.send(query, { result });
  }

  private async readIds(query: Query, keyed: KeyedRead, ids: string[]): Promise<void> {
    this.reads += 1;
    let answer: Record<string, unknown>;
    try {
      answer = (await this.run(keyed.byIds, { ...(query.params as object), ids })) as Record<string, unknown>;
    } catch (error) {
      query.last = null;
      query.failure = toApiError(error);
      this.send(query, { error: query.failure });
      return;
    }
    const last = query.last;
    if (!last) return;
    const before = new Map(keyedRows(last.result, keyed).map((row) => [row.id, row]));
    // Only rows that differ from what subscribers hold, and removals of rows they hold.
    const rows = (answer[keyed.from] as { id: string }[]).filter((row) => {
      const held = before.get(row.id);
      return !held || JSON.stringify(held) !== JSON.stringify(row);
    });
    const removed = (answer['removed'] as string[]).filter((id) => before.has(id));
    if (rows.length === 0 && removed.length === 0) return;
    const delta: RowDelta = { rows, removed };
    const result = applyRowDelta(last.result, keyed, delta);
    // The JSON of a keyed read is not kept up to date (re-serialising 20,000 rows per delta is the cost avoided).
    query.last = { result, json: '' };
    this.send(query, { delta });
  }

  private send(query: Query, body: Pick<LiveEvent, 'result' | 'delta' | 'error'>): void {
    for (const listener of query.listeners) {
      try {
        listener.push({ type: 'live', queryId: listener.queryId, ...body });
      } catch {
        // One closed window must not stop the others getting the change.
      }
    }
  }
}
