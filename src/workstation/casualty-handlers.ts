import { casualtyApi, RECENT_TAGS } from '../contract/casualty-api';
import type { FeatureHandlers } from '../contract/dispatch';
import { casualtyCounts, nextTagNumbers, type Casualty } from '../domain/casualties/casualties';
import { candidateCasualties } from '../domain/casualties/enquiries';
import { mayIdentify, withoutIdentities } from '../domain/casualties/identities';
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
  const space = () => readSettings(store).space;
  const ofIncident = (incidentId: string) => store.list('casualty', space()).filter((c) => c.incidentId === incidentId);
  // The server already leaves names out for a user who may not see them; a desk shared with one who may holds them,
  // so what the screens read is filtered again under whoever is logged in now.
  const seen = <T>(kind: 'casualty' | 'enquiry', rows: T[]): T[] => rows.map((row) => withoutIdentities(kind, row, ws.actor()));
  return {
    'casualty.list': ({ incidentId }) =>
      queue.run(() => ({ casualties: seen('casualty', ofIncident(incidentId).sort(byArrival)), mayIdentify: mayIdentify(ws.actor()) })),

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

    'enquiry.list': ({ incidentId }) =>
      queue.run(() => {
        const enquiries = store.list('enquiry', space()).filter((e) => e.incidentId === incidentId);
        const [nextRef = ''] = nextTagNumbers(`E${deskTagPrefix(ws.clientId)}`, enquiries.map((e) => e.ref), 1);
        return {
          enquiries: seen('enquiry', enquiries.sort((a, b) => b.receivedAt - a.receivedAt || b.ref.localeCompare(a.ref, 'en', { numeric: true }))),
          mayIdentify: mayIdentify(ws.actor()),
          nextRef,
        };
      }),

    'enquiry.candidates': ({ enquiryId, arrivedFrom, arrivedTo, text }) =>
      queue.run(() => {
        // An enquiry not (or no longer) on this desk has no candidates: a live read must not fail while one syncs.
        const enquiry = store.list('enquiry', space()).find((e) => e.id === enquiryId);
        if (!enquiry) return { candidates: [] };
        const candidates = candidateCasualties(enquiry, ofIncident(enquiry.incidentId), { arrivedFrom, arrivedTo, text });
        return { candidates: candidates.map((c) => ({ ...c, casualty: withoutIdentities('casualty', c.casualty, ws.actor()) })) };
      }),
  };
}
