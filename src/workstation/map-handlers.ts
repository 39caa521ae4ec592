import type { FeatureHandlers } from '../contract/dispatch';
import { mapApi } from '../contract/map-api';
import type { WorkstationInternals } from './workstation';

/** Handlers of the map feature's read methods; every store access goes through `ws.queue`. */
export function createMapHandlers(_ws: WorkstationInternals): FeatureHandlers<typeof mapApi> {
  return {};
}
