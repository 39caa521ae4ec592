import type { PushedMutation } from '../../contract/sync';
import { matchRegionHospital, neighbourBedsOf, readHaveDocument } from '../../domain/edxl/have-import';
import { regionHospitals } from '../../domain/edxl/site-map';
import type { NeighbourBeds } from '../../domain/map/map-region';
import { requireValid } from '../../node/xml-schema';
import type { Db } from '../db/db';
import { pushAsUser } from './push-as-user';

export type HaveImport = {
  imported: { place: string; name: string; available: NeighbourBeds; reportedAt: number }[];
  /** Hospitals in the document with no place on the region map: named, not guessed at. */
  skipped: { name: string; reason: string }[];
  /** Changes the server refused (the user's roles, a time out of range), with its reason. */
  refused: { place: string; code: string; message: string }[];
};

/**
 * Neighbours' EDXL-HAVE 1.0 documents into a space's region data (the map's "neighbouring hospitals' beds").
 * The file must pass have.xsd first (a SchemaRefusal carries xmllint's message, and nothing is written). Each
 * hospital found on the region map becomes a `map.reportNeighbourBeds` change, applied like a desk's push
 * under `username`'s account and roles, so the audit names who imported it, and dated by the document's
 * LastUpdateTime, which is what makes a neighbour's figures stale.
 */
export async function importHave(db: Db, input: { space: string; username: string; xml: string; label: string; now: () => number }): Promise<HaveImport> {
  await requireValid(input.xml, 'have-1.0', input.label);
  const places = regionHospitals();
  const result: HaveImport = { imported: [], skipped: [], refused: [] };
  const mutations: Omit<PushedMutation, 'mutationId' | 'space'>[] = [];
  for (const reading of readHaveDocument(input.xml)) {
    const place = matchRegionHospital(reading, places);
    if (!place) {
      result.skipped.push({ name: reading.name, reason: 'not on the region map (resources/map/region.json) by identifier, name or location' });
      continue;
    }
    const available = neighbourBedsOf(reading.available);
    result.imported.push({ place: place.id, name: reading.name, available, reportedAt: reading.lastUpdate });
    mutations.push({ name: 'map.reportNeighbourBeds', args: { hospitalId: place.id, available }, at: reading.lastUpdate });
  }
  const results = await pushAsUser(db, { space: input.space, username: input.username, mutations, now: input.now });
  for (const answer of results) {
    if (answer.status === 'rejected') {
      const place = result.imported[answer.mutationId - 1]?.place ?? '?';
      result.refused.push({ place, code: answer.code ?? 'internal_error', message: answer.message ?? '' });
    }
  }
  result.imported = result.imported.filter((_, i) => results[i]?.status === 'applied');
  return result;
}
