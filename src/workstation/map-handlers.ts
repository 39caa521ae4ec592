import type { FeatureHandlers } from '../contract/dispatch';
import { mapApi } from '../contract/map-api';
import type { MapFeature } from '../domain/map/map-features';
import { regionDistricts } from '../domain/edxl/site-map';
import { zonedDay } from '../domain/roster/roster-time';
import { districtStatus as districtStatusOf, districtWarnings, indicatorToday } from '../domain/warning/district-levels';
import { parseEntity } from './entity-rows';
import { readSettings } from './settings-store';
import type { WorkstationInternals } from './workstation';

/** Handlers of the map feature's read methods; every store access goes through `ws.queue`. */
export function createMapHandlers(ws: WorkstationInternals): FeatureHandlers<typeof mapApi> {
  const { store, queue } = ws;
  return {
    'map.features': () =>
      queue.run(() => store.list('mapFeature', readSettings(store).space).sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1))),

    'map.featuresByIds': ({ ids }) =>
      queue.run(() => {
        const space = readSettings(store).space;
        const features: MapFeature[] = [];
        const removed: string[] = [];
        for (const id of new Set(ids)) {
          // No row at all is removed too: a rebase deletes outright a feature whose creation the server refused.
          const row = store.rows.get.get('mapFeature', id);
          if (row && row.space !== space) continue;
          if (!row || row.deleted) removed.push(id);
          else features.push(parseEntity('mapFeature', row.data));
        }
        return { features, removed };
      }),

    'map.region': () =>
      queue.run(() => {
        const { space, timeZone } = readSettings(store);
        const districts = store.list('districtWarning', space);
        const today = zonedDay(ws.now(), timeZone);
        const warnings = districtWarnings({
          indicators: store.list('indicator', space),
          // Only indicators that feed a district are evaluated, each on its own observations.
          todayOf: (indicator) => indicatorToday(indicator, store.rows.query('observation', space, { indicatorId: indicator.id }).map((data) => parseEntity('observation', data)), today),
          alerts: store.list('alert', space),
        });
        const manual = new Map(districts.map((d) => [d.districtId, d]));
        const districtStatus = regionDistricts().map((d) => districtStatusOf(d.id, manual.get(d.id), warnings.get(d.id)));
        return { districts, hospitals: store.list('neighbourHospital', space), districtStatus };
      }),
  };
}
