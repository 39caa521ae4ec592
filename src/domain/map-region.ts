import { z } from 'zod';
import { StoredEpochMsSchema, IdSchema, SpaceIdSchema } from './ids';

/** Base map places (resources/map/region.json) are named by slug, e.g. `h-tcm` or `d-chengnan`. */
export const BasePlaceIdSchema = z.string().regex(/^[a-z][a-z0-9-]{0,63}$/, { message: 'must be a place id from the region map' });

export const DistrictWarningLevelSchema = z.enum(['green', 'yellow', 'red']);
export type DistrictWarningLevel = z.infer<typeof DistrictWarningLevelSchema>;

/** A district's three-colour public-health warning level, set by command (kind `districtWarning`). */
export const DistrictWarningSchema = z.object({
  id: IdSchema,
  space: SpaceIdSchema,
  districtId: BasePlaceIdSchema,
  level: DistrictWarningLevelSchema,
  updatedAt: StoredEpochMsSchema,
  updatedBy: z.string(),
});
export type DistrictWarning = z.infer<typeof DistrictWarningSchema>;

/** The bed types neighbours report by phone or radio during a surge: the few that decide where to send a patient. */
export const NeighbourBedTypeSchema = z.enum(['emergency', 'icu', 'general', 'paediatric']);
export type NeighbourBedType = z.infer<typeof NeighbourBedTypeSchema>;
export const neighbourBedTypes = NeighbourBedTypeSchema.options;

const Count = z.number().int().min(0).max(100_000);
export const NeighbourBedsSchema = z.strictObject({ emergency: Count, icu: Count, general: Count, paediatric: Count });
export type NeighbourBeds = z.infer<typeof NeighbourBedsSchema>;

/** A neighbouring hospital's available beds as last reported to this room (kind `neighbourHospital`). */
export const NeighbourHospitalSchema = z.object({
  id: IdSchema,
  space: SpaceIdSchema,
  hospitalId: BasePlaceIdSchema,
  available: NeighbourBedsSchema,
  /** When the figures were last reported: what makes them stale, not when the row last synced. */
  updatedAt: StoredEpochMsSchema,
  updatedBy: z.string(),
});
export type NeighbourHospital = z.infer<typeof NeighbourHospitalSchema>;

/** Figures older than this are marked stale on the map and list. */
export const NEIGHBOUR_STALE_HOURS = 4;

export const isStale = (updatedAt: number, now: number, hours = NEIGHBOUR_STALE_HOURS): boolean => now - updatedAt > hours * 3_600_000;

export const totalAvailable = (beds: NeighbourBeds): number => neighbourBedTypes.reduce((sum, type) => sum + beds[type], 0);

function fnv1a(text: string, seed: number): string {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/**
 * One record per place and space, whichever desk writes first: the id is derived from them (a UUIDv8 shape), so
 * two desks setting the same district offline converge on one row (last write wins) instead of two.
 */
export function placeRecordId(space: string, kind: string, placeId: string): string {
  const key = `${space}|${kind}|${placeId}`;
  const hex = [0x811c9dc5, 0x01234567, 0x89abcdef, 0x5bd1e995].map((seed) => fnv1a(key, seed)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${'89ab'[parseInt(hex[16] ?? '0', 16) % 4] ?? '8'}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
