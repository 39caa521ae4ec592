import { randomBytes } from 'node:crypto';
import { SYNC_PROTOCOL_VERSION, type PushedMutation } from '../../contract/sync';
import { matchRegionHospital, neighbourBedsOf, readHaveDocument } from '../../domain/edxl/have-import';
import { regionHospitals } from '../../domain/edxl/site-map';
import { newId } from '../../domain/ids';
import type { NeighbourBeds } from '../../domain/map-region';
import { requireValid } from '../../node/xml-schema';
import { findUserByUsername, toUser } from '../accounts';
import { bindClient } from '../client-binding';
import type { Db } from '../db/db';
import { encodePoke, POKE_CHANNEL } from '../pokes';
import { applyPush } from '../push';

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
  const row = await findUserByUsername(db, input.username);
  if (!row) throw new Error(`no user ${input.username}: the import is recorded in the audit under a user's name`);
  const [grants] = await db.query<{ spaces: string[] }>('SELECT coalesce(array_agg(space_id ORDER BY space_id), ARRAY[]::text[]) AS spaces FROM user_space WHERE user_id = $1', [row.id]);
  const auth = { user: toUser(row), spaces: grants?.spaces ?? [], tokenHash: 'import-have', expiresAt: input.now() + 60_000 };
  if (!auth.spaces.includes(input.space)) throw new Error(`${row.username} is not granted space ${input.space}`);

  const places = regionHospitals();
  const result: HaveImport = { imported: [], skipped: [], refused: [] };
  const mutations: PushedMutation[] = [];
  for (const reading of readHaveDocument(input.xml)) {
    const place = matchRegionHospital(reading, places);
    if (!place) {
      result.skipped.push({ name: reading.name, reason: 'not on the region map (resources/map/region.json) by identifier, name or location' });
      continue;
    }
    const available = neighbourBedsOf(reading.available);
    result.imported.push({ place: place.id, name: reading.name, available, reportedAt: reading.lastUpdate });
    mutations.push({ mutationId: mutations.length + 1, name: 'map.reportNeighbourBeds', args: { hospitalId: place.id, available }, space: input.space, at: reading.lastUpdate });
  }
  if (mutations.length === 0) return result;

  // A stream of its own for each import: one-off, so no desk ever resends on it.
  const clientId = newId();
  const deskProof = randomBytes(32).toString('base64url');
  await bindClient(db, auth, clientId, deskProof, input.now());
  const { response, pokes } = await applyPush(db, auth, { protocolVersion: SYNC_PROTOCOL_VERSION, clientId, deskProof, mutations }, input.now);
  for (const answer of response.results) {
    if (answer.status === 'rejected') {
      const place = result.imported[answer.mutationId - 1]?.place ?? '?';
      result.refused.push({ place, code: answer.code ?? 'internal_error', message: answer.message ?? '' });
    }
  }
  result.imported = result.imported.filter((_, i) => response.results[i]?.status === 'applied');
  // Servers on the same PostgreSQL hear of the change and poke their desks; a PGlite server is not running
  // while this tool holds its folder, and its desks pull on their next poll.
  if (db.kind === 'postgres') for (const poke of pokes) await db.query('SELECT pg_notify($1, $2)', [POKE_CHANNEL, encodePoke(poke)]);
  return result;
}
