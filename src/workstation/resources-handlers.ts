import type { FeatureHandlers } from '../contract/dispatch';
import { resourcesApi } from '../contract/resources-api';
import type { WorkstationInternals } from './workstation';

/** Handlers of the resources feature's read methods; every store access goes through `ws.queue`. */
export function createResourcesHandlers(_ws: WorkstationInternals): FeatureHandlers<typeof resourcesApi> {
  return {};
}
