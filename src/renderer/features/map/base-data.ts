import { z } from 'zod';
import campusJson from '../../../../resources/map/campus.json';
import regionJson from '../../../../resources/map/region.json';
import { LngLatSchema, type LngLat } from '../../../domain/map/map-geometry';

/** The bundled offline map data (resources/map): parsed once, so a bad edit to the files fails loudly at start. */
const BaseGeometrySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Point'), coordinates: LngLatSchema }),
  z.object({ type: z.literal('LineString'), coordinates: z.array(LngLatSchema).min(2) }),
  z.object({ type: z.literal('Polygon'), coordinates: z.array(z.array(LngLatSchema).min(4)).min(1) }),
]);

export const BaseKindSchema = z.enum([
  'campus', 'building', 'road', 'area_decon', 'area_triage', 'area_staging', 'area_helipad',
  'entrance', 'ed', 'helipad', 'decon', 'triage', 'staging', 'assembly', 'district', 'hospital',
]);
export type BaseKind = z.infer<typeof BaseKindSchema>;

/** A district's colour on the map: no level set, green, or a warning grade from blue up to red (domain/warning/district-levels.ts). */
export const WarningLevelSchema = z.enum(['none', 'green', 'blue', 'yellow', 'orange', 'red']);
export type WarningLevel = z.infer<typeof WarningLevelSchema>;

const BasePropsSchema = z.object({
  id: z.string().min(1),
  kind: BaseKindSchema,
  name_zh: z.string().min(1),
  name_en: z.string().min(1),
  warning: WarningLevelSchema.optional(),
  grade: z.string().optional(),
  beds: z.number().int().nonnegative().optional(),
});

const BaseFeatureSchema = z.object({ type: z.literal('Feature'), id: z.string(), properties: BasePropsSchema, geometry: BaseGeometrySchema });
const CollectionSchema = z.object({ type: z.literal('FeatureCollection'), features: z.array(BaseFeatureSchema) });

export type BaseFeature = z.infer<typeof BaseFeatureSchema>;
export type BaseCollection = z.infer<typeof CollectionSchema>;

export const campus: BaseCollection = CollectionSchema.parse(campusJson);
export const region: BaseCollection = CollectionSchema.parse(regionJson);

/** Where a base feature's label goes: a point itself, a line's middle vertex, a ring's corner mean. */
export function basePosition(feature: BaseFeature): LngLat {
  const g = feature.geometry;
  if (g.type === 'Point') return g.coordinates;
  const points = g.type === 'LineString' ? g.coordinates : (g.coordinates[0] ?? []).slice(0, -1);
  const sum = points.reduce<[number, number]>((acc, p) => [acc[0] + p[0], acc[1] + p[1]], [0, 0]);
  return [sum[0] / Math.max(points.length, 1), sum[1] / Math.max(points.length, 1)];
}

export const baseName = (feature: BaseFeature, language: string): string =>
  language === 'en' ? feature.properties.name_en : feature.properties.name_zh;

/** The campus fills most of the view at this zoom; the region view shows every district and neighbour. */
export const CAMPUS_BOUNDS: [LngLat, LngLat] = [[120.2058, 30.2481], [120.2140, 30.2522]];
export const REGION_BOUNDS: [LngLat, LngLat] = [[120.168, 30.219], [120.254, 30.288]];
