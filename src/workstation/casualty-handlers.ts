import { casualtyApi, RECENT_TAGS } from '../contract/casualty-api';
import type { FeatureHandlers } from '../contract/dispatch';
import { casualtyCounts, nextTagNumbers, type Casualty } from '../domain/casualties/casualties';
import { readSettings } from './settings-store';
import type { WorkstationInternals } from './workstation';

const byArrival = (a: Casualty, b: Casualty) => a.arrivedAt - b.arrivedAt || a.registeredAt - b.registeredAt || a.tagNo.localeCompare(b.tagNo, 'en', { numeric: true });

/**
 * This desk's tag prefix: the start of its client id (a random UUID made at first start). Were two desks ever to
 * share it, the casualty's id (derived from incident and tag) still makes the later entry a refusal, never a double.
 */
export function deskTagPrefix(clientId: string): string {
  return clientId.replace(/[^A-Za-z0-9]/g, '').slice(0, 4).toUpperCase();
}

/** Handlers of the casualty feature's read methods; every store access goes through `ws.queue`. */
export function createCasualtyHandlers(ws: WorkstationInternals): FeatureHandlers<typeof casualtyApi> {
  const { store, queue } = ws;
  const ofIncident = (incidentId: string) => store.list('casualty', readSettings(store).space).filter((c) => c.incidentId === incidentId);
  return {
    'casualty.list': ({ incidentId }) => queue.run(() => ({ casualties: ofIncident(incidentId).sort(byArrival) })),

    'casualty.counts': ({ incidentId }) =>
      queue.run(() => {
        const casualties = ofIncident(incidentId);
        const recent = [...casualties]
          .sort((a, b) => byArrival(b, a))
          .slice(0, RECENT_TAGS)
          .map((c) => ({ tagNo: c.tagNo, category: c.triage.category, arrivedAt: c.arrivedAt }));
        return { ...casualtyCounts(casualties), recent };
      }),

    'casualty.nextTags': ({ incidentId, count }) =>
      queue.run(() => ({ tagNos: nextTagNumbers(deskTagPrefix(ws.clientId), ofIncident(incidentId).map((c) => c.tagNo), count) })),
  };
}
