import { describe, expect, it } from 'vitest';
import type { ApiEvent } from '../../../src/contract/api';
import { MAX_CHANGED_IDS } from '../../../src/contract/changed-ids';
import { newId } from '../../../src/domain/ids';
import { withWorkstation } from '../../fixtures/workstation';

const row = (i: number) => ({ item: `Item ${i}`, category: 'ppe' as const, unit: 'box', store: 'ED store', qty: 10, par: 100, yellowAt: 40, redAt: 10, levelId: newId() });

describe('live stock rows', () => {
  it('names the changed holding in the change event and reads back only that row', async () => {
    await withWorkstation(async (ws) => {
      const rows = [row(1), row(2), row(3)];
      await ws.call('mutate', { name: 'stock.import', args: { rows } });
      const events: ApiEvent[] = [];
      const stop = ws.subscribe((e) => events.push(e));
      const target = rows[1];
      if (!target) throw new Error('no row');
      await ws.call('mutate', { name: 'stock.issue', args: { id: target.levelId, qty: 4 } });
      stop();
      expect(events.find((e) => e.type === 'changed')).toEqual({ type: 'changed', kinds: ['stock'], ids: [target.levelId] });

      // An id with no row (what a rebase leaves of a holding whose creation the server refused) is reported removed.
      const gone = newId();
      const read = await ws.call('resources.stockRows', { windowDays: 7, ids: [target.levelId, gone] });
      expect(read.removed).toEqual([gone]);
      expect(read.rows).toHaveLength(1);
      expect(read.rows[0]).toMatchObject({ id: target.levelId, item: 'Item 2', qty: 6, status: 'red', burnPerDay: 4 / 7 });
    });
  });

  it('names kinds only when more rows changed than a reader should ask for one by one', async () => {
    await withWorkstation(async (ws) => {
      const events: ApiEvent[] = [];
      const stop = ws.subscribe((e) => events.push(e));
      await ws.call('mutate', { name: 'stock.import', args: { rows: Array.from({ length: MAX_CHANGED_IDS + 1 }, (_, i) => row(i)) } });
      stop();
      const changed = events.find((e) => e.type === 'changed');
      expect(changed).toMatchObject({ type: 'changed' });
      expect(changed && 'ids' in changed ? changed.ids : undefined).toBeUndefined();
    });
  });
});
