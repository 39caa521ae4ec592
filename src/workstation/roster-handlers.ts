import type { FeatureHandlers } from '../contract/dispatch';
import { rosterApi } from '../contract/roster-api';
import type { WorkstationInternals } from './workstation';

/** Handlers of the roster feature's read methods; every store access goes through `ws.queue`. */
export function createRosterHandlers(_ws: WorkstationInternals): FeatureHandlers<typeof rosterApi> {
  return {};
}
