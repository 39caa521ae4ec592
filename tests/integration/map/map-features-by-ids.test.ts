import { describe, expect, it } from 'vitest';
import type { ApiEvent } from '../../../src/contract/api';
import { newId } from '../../../src/domain/ids';
import { withWorkstation } from '../../fixtures/workstation';

const point = (lng: number, lat: number) => ({ type: 'Point' as const, coordinates: [lng, lat] as [number, number] });

describe('map.featuresByIds', () => {
  it('returns only the named features and reports every other id as removed, also one with no row at all', async () => {
    await withWorkstation(async (ws) => {
      const [a, b, c] = [newId(), newId(), newId()];
      for (const [id, name] of [[a, 'Team 1'], [b, 'Team 2'], [c, 'Team 3']] as const) {
        await ws.call('mutate', { name: 'map.addFeature', args: { id, category: 'team', name, geometry: point(120.21, 30.25) } });
      }
      const events: ApiEvent[] = [];
      const stop = ws.events.subscribe((e) => events.push(e));
      await ws.call('mutate', { name: 'map.updateFeature', args: { id: a, geometry: point(120.22, 30.26) } });
      await ws.call('mutate', { name: 'map.removeFeature', args: { id: b } });
      stop();
      // The map re-reads by the ids the `changed` events name.
      const named = events.flatMap((e) => (e.type === 'changed' ? (e.ids ?? []) : []));
      expect(named.sort()).toEqual([a, b].sort());

      // An id with no row: what a rebase leaves of a feature whose creation the server refused.
      const gone = newId();
      const { features, removed } = await ws.call('map.featuresByIds', { ids: [...named, gone] });
      expect(features.map((f) => [f.id, f.geometry])).toEqual([[a, point(120.22, 30.26)]]);
      expect(removed.sort()).toEqual([b, gone].sort());
    });
  });
});
