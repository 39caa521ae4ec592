import { z } from 'zod';
import { derivedId, StoredEpochMsSchema, IdSchema, SpaceIdSchema } from '../ids';

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

/** One record per place and space, whichever desk writes first: two desks setting a district offline converge. */
export function placeRecordId(space: string, kind: string, placeId: string): string {
  return derivedId(space, kind, placeId);
}
