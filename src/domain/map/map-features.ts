import { z } from 'zod';
import { StoredEpochMsSchema, IdSchema, SpaceIdSchema } from '../ids';
import { GeometrySchema, type Geometry } from './map-geometry';

/**
 * Incident zones are drawn as polygons: hot/warm/cold as in HAZMAT practice, the areas a mass-casualty response
 * sets up (triage, decontamination, staging, helicopter landing, the family reception centre), and zones of a
 * type the room names itself (`zone_custom`, with `zoneType`).
 */
export const zoneCategories = [
  'zone_hot',
  'zone_warm',
  'zone_cold',
  'zone_triage',
  'zone_decon',
  'zone_staging',
  'zone_helipad',
  'zone_family',
  'zone_custom',
] as const;
/** Everything else the room marks on the map is a point. */
export const pointCategories = ['triage', 'decon', 'staging', 'team', 'equipment', 'case'] as const;

export const MapFeatureCategorySchema = z.enum([...zoneCategories, ...pointCategories]);
export type MapFeatureCategory = z.infer<typeof MapFeatureCategorySchema>;
export const mapFeatureCategories = MapFeatureCategorySchema.options;

export const isZoneCategory = (category: MapFeatureCategory): boolean => (zoneCategories as readonly string[]).includes(category);

export const MapFeatureNameSchema = z.string().trim().min(1, { message: 'must not be empty' }).max(120);
export const MapFeatureNoteSchema = z.string().trim().max(1000);
/** The name of a zone type the room made up ("媒体区", "Press area"): only a `zone_custom` has one, and must. */
export const ZoneTypeSchema = z.string().trim().min(1, { message: 'must not be empty' }).max(40);

/** One thing drawn on the incident map; synced like every other record (kind `mapFeature`). */
export const MapFeatureSchema = z.object({
  id: IdSchema,
  space: SpaceIdSchema,
  /** The incident it was drawn for; absent for standing marks (a permanent staging area). */
  incidentId: IdSchema.optional(),
  category: MapFeatureCategorySchema,
  /** For `zone_custom` only: what kind of zone it is, as the room calls it. */
  zoneType: ZoneTypeSchema.optional(),
  name: MapFeatureNameSchema,
  note: MapFeatureNoteSchema,
  geometry: GeometrySchema,
  createdAt: StoredEpochMsSchema,
  createdBy: z.string(),
  updatedAt: StoredEpochMsSchema,
});
export type MapFeature = z.infer<typeof MapFeatureSchema>;

/** A zone must be a polygon and a point category a point, so every map and list draws a feature the same way. */
export function geometryFits(category: MapFeatureCategory, geometry: Geometry): boolean {
  return isZoneCategory(category) ? geometry.type === 'Polygon' : geometry.type === 'Point';
}

/** Case-insensitive name search over features, best matches (name starts with the query) first. */
export function searchByName<T extends { name: string }>(items: readonly T[], query: string): T[] {
  const q = query.trim().toLocaleLowerCase();
  if (!q) return [...items];
  const hits = items.filter((i) => i.name.toLocaleLowerCase().includes(q));
  return hits.sort((a, b) => Number(!a.name.toLocaleLowerCase().startsWith(q)) - Number(!b.name.toLocaleLowerCase().startsWith(q)));
}
