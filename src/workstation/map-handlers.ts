import type { FeatureHandlers } from '../contract/dispatch';
import { mapApi } from '../contract/map-api';
import { readSettings } from './settings-store';
import type { WorkstationInternals } from './workstation';

/** Handlers of the map feature's read methods; every store access goes through `ws.queue`. */
export function createMapHandlers(ws: WorkstationInternals): FeatureHandlers<typeof mapApi> {
  return {
    'map.features': () =>
      ws.queue.run(() => ws.store.list('mapFeature', readSettings(ws.store).space).sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1))),
  };
}
