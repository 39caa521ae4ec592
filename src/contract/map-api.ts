import { z } from 'zod';
import { MAX_CHANGED_IDS } from './changed-ids';
import { MapFeatureSchema } from '../domain/map/map-features';
import { DistrictWarningSchema, NeighbourHospitalSchema } from '../domain/map/map-region';
import { DistrictStatusSchema } from '../domain/warning/district-levels';

/**
 * The map feature's read methods, spread into the workstation API (src/contract/api.ts). Each entry is
 * `'map.<verb>': { params: <zod strict object>, result: <zod schema> }`.
 */
export const mapApi = {
  /** Every feature drawn in this workstation's space (pending local work included); the renderer filters by incident. */
  'map.features': { params: z.strictObject({}), result: z.array(MapFeatureSchema) },
  /**
   * Only the features among `ids` (from a `changed` event), so a map with thousands of live points re-reads the
   * few that moved; `removed` names every other id: features deleted, or taken back when the server refused
   * their creation, and ids of other kinds (removing those removes nothing).
   */
  'map.featuresByIds': {
    params: z.strictObject({ ids: z.array(z.string().max(100)).max(MAX_CHANGED_IDS) }),
    result: z.object({ features: z.array(MapFeatureSchema), removed: z.array(z.string()) }),
  },
  /**
   * District warning levels set by hand and neighbours' reported beds (places never set are absent), and every
   * base-map district's level as shown (`districtStatus`: hand-set, else from today's warnings, else `none`).
   */
  'map.region': {
    params: z.strictObject({}),
    result: z.object({ districts: z.array(DistrictWarningSchema), hospitals: z.array(NeighbourHospitalSchema), districtStatus: z.array(DistrictStatusSchema) }),
  },
} as const;
