import { afterEach, describe, expect, it } from 'vitest';
import type { Method } from '../../../src/contract/api';
import type { LiveEvent } from '../../../src/contract/live';
import { newId } from '../../../src/domain/ids';
import type { StockImportRow } from '../../../src/domain/resources/stock-import';
import type { Workstation } from '../../../src/workstation/workstation';
import { eventually, makeStation, useStationsBehindProxies } from '../../fixtures/sync';
import { makeIncidentArgs } from '../../fixtures/workstation';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const step of cleanups.splice(0).reverse()) await step();
});

function station(): Workstation {
  const s = makeStation({ sync: { pollMs: 3_600_000 } });
  cleanups.push(() => s.cleanup(), () => s.ws.close());
  return s.ws;
}

/** One connection (a window, a socket) of `ws`, recording what it is pushed. */
function connection(ws: Workstation) {
  const events: LiveEvent[] = [];
  const live = ws.connect((event) => events.push(event));
  return {
    events,
    live,
    of: (queryId: string) => events.filter((e) => e.queryId === queryId),
    async subscribe(queryId: string, method: Method, params: unknown = {}) {
      const outcome = await ws.handle('live.subscribe', { queryId, method, params }, { live });
      if (!outcome.ok) throw new Error(outcome.error.message);
    },
  };
}

const declare = (ws: Workstation) => ws.call('mutate', { name: 'incident.declare', args: makeIncidentArgs() });
const holding = (i: number): StockImportRow => ({
  item: `Item ${i}`, category: 'ppe', unit: 'box', store: 'Main', qty: 50, par: 100, yellowAt: 40, redAt: 10, levelId: newId(),
});

describe('live reads in the workstation core', () => {
  it('sends the current result on subscribing, then one fresh result per write to a kind the read depends on', async () => {
    const ws = station();
    const c = connection(ws);
    await c.subscribe('incidents', 'incident.list');
    expect(c.of('incidents')).toEqual([{ type: 'live', queryId: 'incidents', result: [] }]);
    await declare(ws);
    await eventually(ws, () => c.of('incidents').length === 2);
    expect((c.of('incidents')[1]?.result as unknown[]).length).toBe(1);
  });

  it('pushes nothing when a write touches only kinds the read does not depend on', async () => {
    const ws = station();
    const c = connection(ws);
    await c.subscribe('incidents', 'incident.list');
    await c.subscribe('beds', 'resources.beds');
    const reads = ws.live.reads;
    await declare(ws);
    await eventually(ws, () => c.of('incidents').length === 2);
    // The incident was declared: the incident list was read again, the beds were not.
    expect(c.of('beds')).toHaveLength(1);
    expect(ws.live.reads - reads).toBe(1);
  });

  it('runs one read for identical subscriptions of several connections, and pushes to each', async () => {
    const ws = station();
    const a = connection(ws);
    const b = connection(ws);
    const reads = ws.live.reads;
    await a.subscribe('list', 'incident.list');
    await b.subscribe('mine', 'incident.list');
    expect(ws.live.reads - reads).toBe(1);
    expect(ws.live.size).toBe(1);
    await declare(ws);
    await eventually(ws, () => a.of('list').length === 2 && b.of('mine').length === 2);
    expect(ws.live.reads - reads).toBe(2);
  });

  it('reads once for a burst of writes in one batch, and pushes nothing when the result did not change', async () => {
    const ws = station();
    const c = connection(ws);
    await c.subscribe('incidents', 'incident.list');
    const reads = ws.live.reads;
    await Promise.all([declare(ws), declare(ws), declare(ws)]);
    await eventually(ws, () => (c.of('incidents').at(-1)?.result as unknown[] | undefined)?.length === 3);
    expect(ws.live.reads - reads).toBe(1);
    // A change event that changes nothing this read returns: read again, not pushed.
    ws.events.emit({ type: 'changed', kinds: ['incident'] });
    await eventually(ws, () => ws.live.reads - reads === 2);
    await declare(ws);
    await eventually(ws, () => (c.of('incidents').at(-1)?.result as unknown[] | undefined)?.length === 4);
    expect(c.of('incidents')).toHaveLength(3);
  });

  it('stops pushing to a subscription once it is unsubscribed, and to a connection once it is closed', async () => {
    const ws = station();
    const a = connection(ws);
    const b = connection(ws);
    const watcher = connection(ws);
    await a.subscribe('list', 'incident.list');
    await b.subscribe('list', 'incident.list');
    await watcher.subscribe('list', 'incident.list');
    await ws.handle('live.unsubscribe', { queryId: 'list' }, { live: a.live });
    b.live.close();
    await declare(ws);
    await eventually(ws, () => watcher.of('list').length === 2);
    expect(a.events).toHaveLength(1);
    expect(b.events).toHaveLength(1);
    watcher.live.close();
    expect(ws.live.size).toBe(0);
  });

  it('sends a keyed read only the rows a write changed', async () => {
    const ws = station();
    const rows = [holding(1), holding(2), holding(3)];
    await ws.call('mutate', { name: 'stock.import', args: { rows } });
    const c = connection(ws);
    await c.subscribe('stock', 'resources.stock', { windowDays: 7 });
    const target = rows[1];
    if (!target) throw new Error('no holding');
    await ws.call('mutate', { name: 'stock.receive', args: { id: target.levelId, item: target.item, store: target.store, qty: 5 } });
    await eventually(ws, () => c.of('stock').length === 2);
    const delta = c.of('stock')[1]?.delta;
    expect(delta?.removed).toEqual([]);
    expect(delta?.rows.map((r) => [r.id, r['qty']])).toEqual([[target.levelId, 55]]);
  });

  it('reads everything again when the desk moves to another space, and nothing when only the language changes', async () => {
    const ws = station();
    await declare(ws);
    const c = connection(ws);
    await c.subscribe('incidents', 'incident.list');
    const reads = ws.live.reads;
    await ws.call('settings.update', { language: 'en' });
    await ws.call('settings.update', { space: 'exercise-1' });
    await eventually(ws, () => c.of('incidents').length === 2);
    expect(c.of('incidents')[1]?.result).toEqual([]);
    expect(ws.live.reads - reads).toBe(1);
  });

  it('refuses a live read of a method that is not a read, and params the read itself would refuse', async () => {
    const ws = station();
    const c = connection(ws);
    const notRead = await ws.handle('live.subscribe', { queryId: 'x', method: 'mutate', params: {} }, { live: c.live });
    expect(notRead.ok ? 'ok' : notRead.error.code).toBe('invalid_request');
    const badParams = await ws.handle('live.subscribe', { queryId: 'x', method: 'board.get', params: { incidentId: 'nope' } }, { live: c.live });
    expect(badParams.ok ? 'ok' : badParams.error.message).toMatch(/params\.params\.incidentId/);
    expect(ws.live.size).toBe(0);
  });
});

describe('live reads and sync', () => {
  const rig = useStationsBehindProxies('pglite');

  it('pushes a fresh result when a pull applies another desk’s change', async () => {
    const a = await rig.station();
    const b = await rig.station();
    const c = connection(b.s.ws);
    await c.subscribe('incidents', 'incident.list');
    await a.s.ws.call('mutate', { name: 'incident.declare', args: makeIncidentArgs() });
    await a.s.ws.call('sync.now', {});
    await eventually(b.s.ws, () => (c.of('incidents').at(-1)?.result as unknown[] | undefined)?.length === 1, 20_000);
  });
});
