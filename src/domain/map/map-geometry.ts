import { z } from 'zod';

/** WGS84 longitude/latitude, as GeoJSON orders them (lng first). */
export const LngLatSchema = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);
export type LngLat = z.infer<typeof LngLatSchema>;

export const PointGeometrySchema = z.strictObject({ type: z.literal('Point'), coordinates: LngLatSchema });

const samePosition = (a: LngLat | undefined, b: LngLat | undefined): boolean => !!a && !!b && a[0] === b[0] && a[1] === b[1];

/**
 * A zone is one closed ring (no holes: a hot zone with a hole is not something a commander draws). GeoJSON's rule
 * that the ring closes on its first position is checked, and the vertex count is bounded so a synced row stays small.
 */
export const RingSchema = z
  .array(LngLatSchema)
  .min(4, { message: 'a zone needs at least three corners' })
  .max(500)
  .refine((ring) => samePosition(ring[0], ring[ring.length - 1]), { message: 'a ring must end where it starts' })
  .refine((ring) => new Set(ring.slice(0, -1).map((p) => `${p[0]},${p[1]}`)).size >= 3, { message: 'a zone needs three distinct corners' });

export const PolygonGeometrySchema = z.strictObject({ type: z.literal('Polygon'), coordinates: z.tuple([RingSchema]) });

export const GeometrySchema = z.discriminatedUnion('type', [PointGeometrySchema, PolygonGeometrySchema]);
export type Geometry = z.infer<typeof GeometrySchema>;

/** Closes an open list of clicked corners into a GeoJSON ring. */
export function closeRing(corners: readonly LngLat[]): LngLat[] {
  const first = corners[0];
  if (!first) return [];
  return samePosition(first, corners[corners.length - 1]) ? [...corners] : [...corners, first];
}

/** The middle of a geometry, where its label goes: the point itself, or the mean of a ring's distinct corners. */
export function labelPosition(geometry: Geometry): LngLat {
  if (geometry.type === 'Point') return geometry.coordinates;
  const corners = geometry.coordinates[0].slice(0, -1);
  const sum = corners.reduce<[number, number]>((acc, p) => [acc[0] + p[0], acc[1] + p[1]], [0, 0]);
  return [sum[0] / corners.length, sum[1] / corners.length];
}
