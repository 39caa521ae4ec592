import { useEffect, useState } from 'react';
import { MAX_CHANGED_IDS } from '../../../contract/changed-ids';
import type { StockItem, Store } from '../../../domain/stock';
import { toUiError, type UiError } from '../../lib/ui-error';
import { useApp } from '../../state/store-context';
import { toGridRows, type StockGridRow } from './stock-columns';

export type StockData = { rows: StockGridRow[]; items: StockItem[]; stores: Store[] };

/** A catalogue change can recolour every holding of an item: re-read whole. Holdings alone are read by id. */
const CATALOGUE_KINDS = ['stockItem', 'store'];
/** Coalesces a burst of holding changes (50 a second from other desks) into one small read. */
const DELTA_MS = 30;
const FULL_MS = 200;

/**
 * Every holding as grid rows, kept live: a `changed` event that names its rows costs a read of those rows only,
 * so 20,000 holdings updating 50 times a second never re-read the whole store. One read at a time.
 */
export function useStockRows(windowDays: number) {
  const client = useApp((s) => s.client);
  const transport = useApp((s) => s.transport);
  const [data, setData] = useState<StockData | null>(null);
  const [error, setError] = useState<UiError | null>(null);

  useEffect(() => {
    let stopped = false;
    let running = false;
    let needFull = true;
    let items: StockItem[] = [];
    let stores: Store[] = [];
    let rows: StockGridRow[] = [];
    let index = new Map<string, number>();
    const pendingIds = new Set<string>();
    let timer: ReturnType<typeof setTimeout> | null = null;

    const readFull = async () => {
      needFull = false;
      pendingIds.clear();
      const result = await client.call('resources.stock', { windowDays });
      ({ items, stores } = result);
      rows = toGridRows(result.rows, items);
      index = new Map(rows.map((r, i) => [r.id, i]));
      if (!stopped) setData({ rows, items, stores });
    };
    const readDelta = async () => {
      const ids = [...pendingIds].slice(0, MAX_CHANGED_IDS);
      for (const id of ids) pendingIds.delete(id);
      const result = await client.call('resources.stockRows', { windowDays, ids });
      // A copy with the changed rows replaced: the others keep their identity, so the grid skips them cheaply.
      const next = [...rows];
      for (const row of toGridRows(result.rows, items)) {
        const at = index.get(row.id);
        if (at === undefined) index.set(row.id, next.push(row) - 1);
        else next[at] = row;
      }
      if (result.removed.length > 0) {
        const gone = new Set(result.removed);
        rows = next.filter((r) => !gone.has(r.id));
        index = new Map(rows.map((r, i) => [r.id, i]));
      } else rows = next;
      if (!stopped) setData({ rows, items, stores });
    };
    const run = async (): Promise<void> => {
      if (running) return;
      running = true;
      try {
        while (!stopped && (needFull || pendingIds.size > 0)) await (needFull ? readFull() : readDelta());
        if (!stopped) setError(null);
      } catch (e) {
        if (!stopped) setError(toUiError(e));
      } finally {
        running = false;
      }
    };
    const schedule = (ms: number) => {
      if (timer) return;
      timer = setTimeout(() => {
        timer = null;
        void run();
      }, ms);
    };

    if (transport === 'open') void run();
    const unsubscribe = client.subscribe((event) => {
      if (event.type !== 'changed') return;
      if (event.kinds.some((k) => CATALOGUE_KINDS.includes(k)) || (event.kinds.includes('stock') && !event.ids)) {
        needFull = true;
        schedule(FULL_MS);
      } else if (event.kinds.includes('stock') && event.ids) {
        for (const id of event.ids) pendingIds.add(id);
        schedule(DELTA_MS);
      }
    });
    return () => {
      stopped = true;
      unsubscribe();
      if (timer) clearTimeout(timer);
    };
  }, [client, windowDays, transport]);

  return { data, error };
}
