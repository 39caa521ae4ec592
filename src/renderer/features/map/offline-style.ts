import type * as maplibregl from 'maplibre-gl';
import { campus, region } from './base-data';
import { categoryColour, warningColour } from './map-layers';
import { symbolLabelLayers } from './symbol-labels';

export type OfflineStyle = Exclude<maplibregl.MapOptions['style'], string | undefined>;
type Layer = OfflineStyle['layers'][number];

const empty = { type: 'FeatureCollection', features: [] } as const;
const byCategory = (fallback: string): unknown[] => [
  'match', ['get', 'category'], ...Object.entries(categoryColour).flat(), fallback,
];

/**
 * The whole map from our own bundle: no tiles, no glyphs, no sprites, so it draws the same with the network
 * down. The operator's map names things with HTML markers (see MapLabels); with `symbolLabels` (the wall) names
 * are symbol layers drawn from local fonts, so maplibre keeps them from overlapping (see symbol-labels.ts).
 */
export function offlineStyle(symbolLabels = false): OfflineStyle {
  const layers: Layer[] = [
    { id: 'background', type: 'background', paint: { 'background-color': '#0d141c' } },
    {
      id: 'district-fill', type: 'fill', source: 'region', filter: ['==', ['get', 'kind'], 'district'],
      paint: {
        'fill-color': ['match', ['get', 'warning'], 'red', warningColour.red, 'orange', warningColour.orange, 'yellow', warningColour.yellow, 'blue', warningColour.blue, 'green', warningColour.green, warningColour.none],
        'fill-opacity': 0.22,
      },
    },
    { id: 'district-line', type: 'line', source: 'region', filter: ['==', ['get', 'kind'], 'district'], paint: { 'line-color': '#6b7f95', 'line-width': 2, 'line-dasharray': [3, 2] } },
    { id: 'campus-ground', type: 'fill', source: 'campus', filter: ['==', ['get', 'kind'], 'campus'], paint: { 'fill-color': '#1c2836', 'fill-outline-color': '#8aa0b8' } },
    { id: 'campus-road', type: 'line', source: 'campus', filter: ['==', ['get', 'kind'], 'road'], paint: { 'line-color': '#3b4c60', 'line-width': ['interpolate', ['linear'], ['zoom'], 14, 1, 18, 10] } },
    {
      id: 'campus-area', type: 'fill', source: 'campus', filter: ['in', ['get', 'kind'], ['literal', ['area_decon', 'area_triage', 'area_staging', 'area_helipad']]],
      paint: {
        'fill-color': ['match', ['get', 'kind'], 'area_decon', categoryColour.decon, 'area_triage', categoryColour.triage, 'area_staging', categoryColour.staging, '#90a4ae'],
        'fill-opacity': 0.28,
        'fill-outline-color': '#cfd8dc',
      },
    },
    { id: 'campus-building', type: 'fill', source: 'campus', filter: ['==', ['get', 'kind'], 'building'], paint: { 'fill-color': '#3d5068' } },
    { id: 'campus-building-line', type: 'line', source: 'campus', filter: ['==', ['get', 'kind'], 'building'], paint: { 'line-color': '#8fa6bf', 'line-width': 1.5 } },
    {
      id: 'campus-place', type: 'circle', source: 'campus', filter: ['==', ['geometry-type'], 'Point'],
      paint: { 'circle-radius': 6, 'circle-color': '#eef3f8', 'circle-stroke-color': '#0d141c', 'circle-stroke-width': 2 },
    },
    { id: 'zone-fill', type: 'fill', source: 'features', filter: ['==', ['geometry-type'], 'Polygon'], paint: { 'fill-color': byCategory('#888') as never, 'fill-opacity': 0.32 } },
    { id: 'zone-line', type: 'line', source: 'features', filter: ['==', ['geometry-type'], 'Polygon'], paint: { 'line-color': byCategory('#888') as never, 'line-width': 3 } },
    {
      id: 'hospital-circle', type: 'circle', source: 'region', filter: ['==', ['get', 'kind'], 'hospital'],
      paint: { 'circle-radius': 9, 'circle-color': '#ffffff', 'circle-stroke-color': '#e53935', 'circle-stroke-width': 4 },
    },
    ...(['points', 'resources'] as const).map((group): Layer => ({
      id: `point-circle-${group}`, type: 'circle', source: 'features',
      filter: ['all', ['==', ['geometry-type'], 'Point'], ['==', ['get', 'group'], group]],
      paint: { 'circle-radius': 8, 'circle-color': byCategory('#888') as never, 'circle-stroke-color': '#0d141c', 'circle-stroke-width': 2 },
    })),
    {
      id: 'case-cluster', type: 'circle', source: 'cases', filter: ['has', 'point_count'],
      paint: {
        'circle-color': categoryColour.case,
        'circle-opacity': 0.8,
        'circle-radius': ['step', ['get', 'point_count'], 14, 10, 20, 50, 28, 200, 36],
        'circle-stroke-color': '#fff3e0',
        'circle-stroke-width': 2,
      },
    },
    {
      id: 'case-point', type: 'circle', source: 'cases', filter: ['!', ['has', 'point_count']],
      paint: { 'circle-radius': 6, 'circle-color': categoryColour.case, 'circle-stroke-color': '#0d141c', 'circle-stroke-width': 1.5 },
    },
    { id: 'selected', type: 'line', source: 'selected', paint: { 'line-color': '#ffffff', 'line-width': 4, 'line-dasharray': [1, 1] } },
    { id: 'selected-point', type: 'circle', source: 'selected', filter: ['==', ['geometry-type'], 'Point'], paint: { 'circle-radius': 14, 'circle-color': 'rgba(0,0,0,0)', 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 3 } },
    { id: 'draft-fill', type: 'fill', source: 'draft', filter: ['==', ['geometry-type'], 'Polygon'], paint: { 'fill-color': '#ffffff', 'fill-opacity': 0.15 } },
    { id: 'draft-line', type: 'line', source: 'draft', paint: { 'line-color': '#ffffff', 'line-width': 2, 'line-dasharray': [2, 1] } },
    { id: 'draft-vertex', type: 'circle', source: 'draft', filter: ['==', ['geometry-type'], 'Point'], paint: { 'circle-radius': 5, 'circle-color': '#ffffff' } },
    // Sized for real once the view knows its screen (MapView sets text-size).
    ...(symbolLabels ? symbolLabelLayers(24) : []),
  ];
  return {
    version: 8,
    sources: {
      region: { type: 'geojson', data: region as never },
      campus: { type: 'geojson', data: campus as never },
      // Ids promoted from `properties.id` let SourceSync change single features with updateData.
      features: { type: 'geojson', data: empty, promoteId: 'id' },
      // Case points cluster so hundreds of cases read as a few numbers-by-size rather than a smear.
      cases: { type: 'geojson', data: empty, promoteId: 'id', cluster: true, clusterRadius: 40, clusterMaxZoom: 17 },
      selected: { type: 'geojson', data: empty },
      draft: { type: 'geojson', data: empty },
      ...(symbolLabels ? { labels: { type: 'geojson', data: empty } as const } : {}),
    },
    layers,
  };
}
