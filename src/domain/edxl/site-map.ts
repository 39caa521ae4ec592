import { z } from 'zod';
import campusJson from '../../../resources/map/campus.json';
import regionJson from '../../../resources/map/region.json';
import type { GeoPoint } from './have-report';

const CampusSchema = z.object({
  features: z.array(z.object({ properties: z.object({ kind: z.string() }), geometry: z.object({ type: z.string(), coordinates: z.unknown() }) })),
});
const RingSchema = z.array(z.array(z.tuple([z.number(), z.number()])).min(1)).min(1);

/**
 * The hospital's own location for a HAVE document: the centre of the `campus` outline in the site map
 * (resources/map/campus.json, the one file a site replaces with its own). Spaces carry no location of their
 * own yet, so every space of one installation (its drills included) reports this point; undefined when the
 * map has no campus outline.
 */
export function siteLocation(): GeoPoint | undefined {
  const campus = CampusSchema.parse(campusJson).features.find((f) => f.properties.kind === 'campus' && f.geometry.type === 'Polygon');
  const ring = campus ? RingSchema.safeParse(campus.geometry.coordinates).data?.[0] : undefined;
  if (!ring) return undefined;
  const lons = ring.map(([lon]) => lon);
  const lats = ring.map(([, lat]) => lat);
  const mid = (values: number[]) => Math.round(((Math.min(...values) + Math.max(...values)) / 2) * 1e6) / 1e6;
  return { lat: mid(lats), lon: mid(lons) };
}

const RegionSchema = z.object({
  features: z.array(
    z.object({
      properties: z.object({ id: z.string(), kind: z.string(), name_zh: z.string(), name_en: z.string() }),
      geometry: z.object({ type: z.string(), coordinates: z.unknown() }),
    }),
  ),
});

export type RegionHospital = { id: string; names: string[]; location: GeoPoint | undefined };

/** The hospitals on the region map (resources/map/region.json): the places a neighbour's report can be for. */
export function regionHospitals(): RegionHospital[] {
  return RegionSchema.parse(regionJson)
    .features.filter((f) => f.properties.kind === 'hospital')
    .map((f) => {
      const point = f.geometry.type === 'Point' ? z.tuple([z.number(), z.number()]).safeParse(f.geometry.coordinates).data : undefined;
      return { id: f.properties.id, names: [f.properties.name_zh, f.properties.name_en], location: point ? { lat: point[1], lon: point[0] } : undefined };
    });
}

export type RegionDistrict = { id: string; name: { 'zh-CN': string; en: string }; ring: [number, number][] | undefined };

/** The districts on the region map, with their outline ([lon, lat] pairs) where the map draws one. */
export function regionDistricts(): RegionDistrict[] {
  return RegionSchema.parse(regionJson)
    .features.filter((f) => f.properties.kind === 'district')
    .map((f) => {
      const ring = f.geometry.type === 'Polygon' ? RingSchema.safeParse(f.geometry.coordinates).data?.[0] : undefined;
      return { id: f.properties.id, name: { 'zh-CN': f.properties.name_zh, en: f.properties.name_en }, ring };
    });
}
