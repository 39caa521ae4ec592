import { closeRing, type Geometry, type LngLat } from './map-geometry';

/** A zone's shape while it is edited: its distinct corners in order, without GeoJSON's closing repeat. */
export type Corners = readonly LngLat[];

export const MIN_CORNERS = 3;

export const cornersOf = (ring: readonly LngLat[]): LngLat[] => ring.slice(0, -1);

export const polygonOf = (corners: Corners): Geometry => ({ type: 'Polygon', coordinates: [closeRing(corners)] });

export const moveCorner = (corners: Corners, index: number, at: LngLat): LngLat[] => corners.map((c, i) => (i === index ? at : c));

/** Inserts a corner after `index` (on the edge from it to the next corner). */
export const insertCorner = (corners: Corners, index: number, at: LngLat): LngLat[] => [...corners.slice(0, index + 1), at, ...corners.slice(index + 1)];

/** Removes a corner unless that would leave fewer than three: a zone never stops being an area. */
export const removeCorner = (corners: Corners, index: number): LngLat[] =>
  corners.length <= MIN_CORNERS || index < 0 || index >= corners.length ? [...corners] : corners.filter((_, i) => i !== index);

/** The middle of each edge (edge i runs from corner i to corner i+1, the last back to the first). */
export function edgeMidpoints(corners: Corners): LngLat[] {
  return corners.map((a, i) => {
    const b = corners[(i + 1) % corners.length] ?? a;
    return [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
  });
}
