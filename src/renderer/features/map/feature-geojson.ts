import type { MapFeature } from '../../../domain/map/map-features';
import type { Geometry } from '../../../domain/map/map-geometry';
import { categoryGroup } from './map-layers';

export type FeatureProps = { id: string; name: string; category: MapFeature['category']; group: string };
export type GeoFeature = { type: 'Feature'; id?: number; properties: FeatureProps; geometry: Geometry };
export type GeoCollection = { type: 'FeatureCollection'; features: GeoFeature[] };

export const toGeo = (f: MapFeature): GeoFeature => ({
  type: 'Feature',
  properties: { id: f.id, name: f.name, category: f.category, group: categoryGroup[f.category] },
  geometry: f.geometry,
});

/**
 * Cases go to their own clustered source; zones and other points to the plain one. Sent whole on the first draw
 * and after large changes; otherwise SourceSync sends diffs.
 */
export function splitForSources(features: readonly MapFeature[]): { features: GeoCollection; cases: GeoCollection } {
  const plain: GeoFeature[] = [];
  const cases: GeoFeature[] = [];
  for (const f of features) (f.category === 'case' ? cases : plain).push(toGeo(f));
  return { features: { type: 'FeatureCollection', features: plain }, cases: { type: 'FeatureCollection', features: cases } };
}

export const collection = (features: GeoFeature[]): GeoCollection => ({ type: 'FeatureCollection', features });

export function selectedCollection(feature: MapFeature | undefined): GeoCollection {
  if (!feature) return collection([]);
  const geo = toGeo(feature);
  if (feature.geometry.type === 'Point') return collection([geo]);
  // A line layer needs the ring as a line to draw the dashed outline of a selected zone.
  return collection([{ ...geo, geometry: feature.geometry }]);
}
