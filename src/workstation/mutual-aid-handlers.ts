import type { FeatureHandlers } from '../contract/dispatch';
import { ApiFailure } from '../contract/errors';
import { MutualAidHospitalsSchema, MutualAidSentSchema, type mutualAidApi } from '../contract/mutual-aid';
import { readSettings } from './settings-store';
import { asApiFailure, getJson, postJson } from './sync-http';
import type { WorkstationInternals } from './workstation';

/** How long a send waits for the desk's outbox to reach the server before saying to try again. */
const OUTBOX_WAIT_MS = 10_000;

/** Mutual aid through the hospital server (src/server/mutual-aid-routes.ts): where to ask, and asking. */
export function createMutualAidHandlers(ws: WorkstationInternals): FeatureHandlers<typeof mutualAidApi> {
  const { store, queue } = ws;
  const access = () => {
    const granted = ws.sync.serverAccess();
    if (!granted) throw new ApiFailure({ code: 'unauthorized', message: 'log in to the hospital server first: requests to other hospitals go through it' });
    return granted;
  };
  const path = async (suffix: string) => `/api/spaces/${encodeURIComponent(await queue.run(() => readSettings(store).space))}/mutual-aid${suffix}`;

  /** The request was just raised on this desk: the server can only send what it holds, so push first. */
  const drainOutbox = async () => {
    const until = Date.now() + OUTBOX_WAIT_MS;
    ws.sync.requestSync();
    while ((await queue.run(() => store.pendingCount())) > 0) {
      if (Date.now() > until) throw new ApiFailure({ code: 'server_unreachable', message: 'this desk has changes the server has not taken yet: send again once they are synced' });
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  return {
    'mutualAid.hospitals': async () => {
      const { serverUrl, token } = access();
      return getJson(serverUrl, await path('/hospitals'), MutualAidHospitalsSchema, token).catch(asApiFailure);
    },
    'mutualAid.send': async (send) => {
      const { serverUrl, token } = access();
      await drainOutbox();
      return postJson(serverUrl, await path(''), send, MutualAidSentSchema, token).catch(asApiFailure);
    },
  };
}
