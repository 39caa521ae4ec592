import type { MapFeature, MapFeatureCategory } from '../../../domain/map/map-features';
import { labelPosition, type LngLat } from '../../../domain/map/map-geometry';
import { baseName, basePosition, campus, region, type BaseKind, type WarningLevel } from './base-data';
import { categoryGroup, type LayerGroup } from './map-layers';

/** One row of the list view (the no-WebGL map, and search results): base places and drawn features alike. */
export type MapItem = {
  id: string;
  name: string;
  group: LayerGroup;
  at: LngLat;
  /** Drawn features carry their category; base places their kind. */
  category?: MapFeatureCategory;
  /** A custom zone's own type name. */
  zoneType?: string;
  baseKind?: BaseKind;
  warning?: WarningLevel;
  beds?: number;
  drawn: boolean;
};

const BASE_GROUPS: Partial<Record<BaseKind, LayerGroup>> = { district: 'districts', hospital: 'hospitals' };
const LISTED_CAMPUS: readonly BaseKind[] = ['building', 'entrance', 'ed', 'helipad', 'decon', 'triage', 'staging', 'assembly'];

export function baseItems(language: string): MapItem[] {
  const items: MapItem[] = [];
  for (const f of [...region.features, ...campus.features]) {
    const kind = f.properties.kind;
    const group = BASE_GROUPS[kind] ?? (LISTED_CAMPUS.includes(kind) ? 'campus' : null);
    if (!group) continue;
    items.push({
      id: f.properties.id,
      name: baseName(f, language),
      group,
      at: basePosition(f),
      baseKind: kind,
      ...(f.properties.warning ? { warning: f.properties.warning } : {}),
      ...(f.properties.beds !== undefined ? { beds: f.properties.beds } : {}),
      drawn: false,
    });
  }
  return items;
}

export function featureItems(features: readonly MapFeature[]): MapItem[] {
  return features.map((f) => ({
    id: f.id,
    name: f.name,
    group: categoryGroup[f.category],
    at: labelPosition(f.geometry),
    category: f.category,
    ...(f.zoneType !== undefined ? { zoneType: f.zoneType } : {}),
    drawn: true,
  }));
}
