import type { MapFeatureCategory } from '../../../domain/map/map-features';

/** Layer groups the operator toggles; each maps to style layers and to a section of the legend and list. */
export const layerGroups = ['districts', 'hospitals', 'campus', 'zones', 'points', 'resources', 'cases'] as const;
export type LayerGroup = (typeof layerGroups)[number];

export const categoryGroup: Record<MapFeatureCategory, LayerGroup> = {
  zone_hot: 'zones',
  zone_warm: 'zones',
  zone_cold: 'zones',
  zone_triage: 'zones',
  zone_decon: 'zones',
  zone_staging: 'zones',
  zone_helipad: 'zones',
  zone_family: 'zones',
  zone_custom: 'zones',
  triage: 'points',
  decon: 'points',
  staging: 'points',
  team: 'resources',
  equipment: 'resources',
  case: 'cases',
};

/** Colours also carry a text label everywhere (legend, list, marker), so colour is never the only signal. */
export const categoryColour: Record<MapFeatureCategory, string> = {
  zone_hot: '#e53935',
  zone_warm: '#ffb300',
  zone_cold: '#43a047',
  zone_triage: '#ec407a',
  zone_decon: '#ab47bc',
  zone_staging: '#00acc1',
  zone_helipad: '#5c6bc0',
  zone_family: '#8d6e63',
  zone_custom: '#78909c',
  triage: '#f06292',
  decon: '#ba68c8',
  staging: '#26c6da',
  team: '#42a5f5',
  equipment: '#d4e157',
  case: '#ff7043',
};

/** `none` is a neutral grey so a district nobody set never reads as a judgement, all clear or otherwise. */
export const warningColour = { none: '#78848f', green: '#2e7d32', blue: '#1565c0', yellow: '#f9a825', orange: '#ef6c00', red: '#c62828' } as const;

/** Style layer ids of each group, for visibility toggles. */
export const groupLayers: Record<LayerGroup, readonly string[]> = {
  districts: ['district-fill', 'district-line'],
  hospitals: ['hospital-circle'],
  campus: ['campus-ground', 'campus-road', 'campus-area', 'campus-building', 'campus-building-line', 'campus-place'],
  zones: ['zone-fill', 'zone-line'],
  points: ['point-circle-points'],
  resources: ['point-circle-resources'],
  cases: ['case-cluster', 'case-point'],
};
