import type * as maplibregl from 'maplibre-gl';
import type { MapFeature } from '../../../domain/map/map-features';
import type { LngLat } from '../../../domain/map/map-geometry';
import { baseName, basePosition, campus, CAMPUS_BOUNDS, region, type BaseFeature } from './base-data';
import { categoryColour, type LayerGroup } from './map-layers';

type Layer = maplibregl.SymbolLayerSpecification;
type Layout = NonNullable<Layer['layout']>;
type LabelKind = 'district' | 'hospital' | 'campus-west' | 'campus-east' | 'zone';
type LabelPoint = { type: 'Feature'; properties: { id: string; name: string; kind: LabelKind; category: string }; geometry: { type: 'Point'; coordinates: LngLat } };

/**
 * With no `glyphs` URL in the style, maplibre draws every glyph itself from the browser's fonts (TinySDF), Chinese
 * and Latin alike, so nothing is fetched and the wall needs no glyph set. The first name only carries the weight
 * (maplibre reads "Bold" out of it); the rest is the app's own CJK-first font list.
 */
const LABEL_FONT = ['Noto Sans CJK SC Bold', 'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', 'sans-serif'];

/** Label layers by the group the operator toggles, top of the placement order first. */
export const labelLayerGroups: Readonly<Record<string, LayerGroup>> = {
  'label-zone': 'zones',
  'label-point-points': 'points',
  'label-point-resources': 'resources',
  'label-case': 'cases',
  'label-case-cluster': 'cases',
  'label-hospital': 'hospitals',
  'label-campus-west': 'campus',
  'label-campus-east': 'campus',
  'label-district': 'districts',
};
export const labelLayerIds = Object.keys(labelLayerGroups);

const zoneRank: maplibregl.ExpressionSpecification = ['match', ['get', 'category'], 'zone_hot', 0, 'zone_warm', 1, 'zone_cold', 2, 3];
const zoneText: maplibregl.ExpressionSpecification = ['match', ['get', 'category'], 'zone_hot', '#ff8a80', 'zone_warm', '#ffe082', 'zone_cold', '#a5d6a7', '#eef3f8'];

/**
 * Names as maplibre symbol layers, for the wall: maplibre's collision drops a label that would overlap one placed
 * before it (text-allow-overlap false), and variable anchors try the other sides of a point first. Layers later in
 * the list are placed first, so a zone's name wins over a post's, a post's over a case's, and the base map's names
 * give way to the incident's. `px` is the smallest label's size in CSS pixels.
 */
export function symbolLabelLayers(px: number): Layer[] {
  const common = (size: number, padding = 6): Layout => ({
    'text-font': LABEL_FONT,
    'text-size': Math.round(size * 10) / 10,
    'text-allow-overlap': false,
    'text-ignore-placement': false,
    'text-padding': padding,
    'text-max-width': 12,
  });
  const halo = { 'text-halo-color': '#000000', 'text-halo-width': 2.5, 'text-halo-blur': 0.5 } satisfies Layer['paint'];
  const beside = { 'text-variable-anchor': ['left', 'right', 'top', 'bottom'], 'text-radial-offset': 0.7, 'text-justify': 'auto' } satisfies Layout;
  const onLabels = (id: string, kind: LabelKind, size: number, colour: string | maplibregl.ExpressionSpecification, layout: Layout): Layer => ({
    id, type: 'symbol', source: 'labels', filter: ['==', ['get', 'kind'], kind],
    layout: { ...common(size), 'text-field': ['get', 'name'], ...layout },
    paint: { 'text-color': colour, ...halo },
  });
  const points = (group: 'points' | 'resources'): Layer => ({
    id: `label-point-${group}`, type: 'symbol', source: 'features',
    filter: ['all', ['==', ['geometry-type'], 'Point'], ['==', ['get', 'group'], group]],
    layout: { ...common(px), 'text-field': ['get', 'name'], ...beside },
    paint: { 'text-color': '#eef3f8', ...halo },
  });
  return [
    onLabels('label-district', 'district', px * 1.2, '#cfd8dc', { 'text-anchor': 'center', 'text-letter-spacing': 0.1 }),
    // The campus's places sit out to its edges: each name goes inward (east of the middle, to the left of its
    // point), because maplibre keeps a name that runs off the canvas edge, cut, when nothing else is in its way.
    onLabels('label-campus-west', 'campus-west', px, '#b0bec5', { ...beside, 'text-variable-anchor': ['left', 'top', 'bottom'] }),
    onLabels('label-campus-east', 'campus-east', px, '#b0bec5', { ...beside, 'text-variable-anchor': ['right', 'top', 'bottom'] }),
    onLabels('label-hospital', 'hospital', px, '#ffcdd2', beside),
    {
      id: 'label-case-cluster', type: 'symbol', source: 'cases', filter: ['has', 'point_count'],
      layout: { ...common(px), 'text-field': ['get', 'point_count_abbreviated'], 'text-anchor': 'center' },
      paint: { 'text-color': '#1a0d08' },
    },
    {
      id: 'label-case', type: 'symbol', source: 'cases', filter: ['!', ['has', 'point_count']],
      layout: { ...common(px), 'text-field': ['get', 'name'], ...beside },
      paint: { 'text-color': '#ffccbc', ...halo },
    },
    points('resources'),
    points('points'),
    // Zones nest (cold around warm around hot): each name sits on its own top edge, so they stack apart, the hot
    // zone's placed first (it matters most) and with little padding, as nested edges lie only a line or so apart.
    onLabels('label-zone', 'zone', px, zoneText, {
      ...common(px, 2), 'text-field': ['get', 'name'], 'symbol-sort-key': zoneRank,
      'text-variable-anchor': ['bottom', 'top', 'left', 'right'], 'text-justify': 'center',
    }),
  ];
}

/** Base places the wall names: districts, hospitals and the campus's buildings and points (not roads or areas). */
function baseKind(feature: BaseFeature): LabelKind | null {
  const kind = feature.properties.kind;
  if (kind === 'district' || kind === 'hospital') return kind;
  if (kind === 'road' || kind === 'campus' || kind.startsWith('area_')) return null;
  return basePosition(feature)[0] > CAMPUS_MIDDLE ? 'campus-east' : 'campus-west';
}

const CAMPUS_MIDDLE = (CAMPUS_BOUNDS[0][0] + CAMPUS_BOUNDS[1][0]) / 2;

function topEdge(ring: readonly LngLat[]): LngLat {
  const lngs = ring.map((p) => p[0]);
  return [(Math.min(...lngs) + Math.max(...lngs)) / 2, Math.max(...ring.map((p) => p[1]))];
}

const point = (id: string, name: string, kind: LabelKind, category: string, at: LngLat): LabelPoint => ({
  type: 'Feature', properties: { id, name, kind, category }, geometry: { type: 'Point', coordinates: at },
});

/** Feeds the `labels` source: base names in the wall's language and each zone's name on its top edge. */
export class SymbolLabels {
  private base: LabelPoint[] = [];
  private zones: LabelPoint[] = [];
  private readonly zoneIds = new Set<string>();

  constructor(private readonly map: maplibregl.Map) {}

  setBase(language: string): void {
    this.base = [...region.features, ...campus.features].flatMap((f) => {
      const kind = baseKind(f);
      return kind ? [point(f.properties.id, baseName(f, language), kind, f.properties.kind, basePosition(f))] : [];
    });
    this.flush();
  }

  setZones(features: readonly MapFeature[]): void {
    this.zoneIds.clear();
    this.zones = features.flatMap((f) => {
      if (f.geometry.type !== 'Polygon') return [];
      this.zoneIds.add(f.id);
      return [point(f.id, f.name, 'zone', f.category in categoryColour ? f.category : 'zone_custom', topEdge(f.geometry.coordinates[0]))];
    });
    this.flush();
  }

  hasZone(id: string): boolean {
    return this.zoneIds.has(id);
  }

  private flush(): void {
    const data = { type: 'FeatureCollection', features: [...this.base, ...this.zones] };
    // Built from the bundled base data and zod-checked features; maplibre's GeoJSON type is its own.
    void this.map.getSource<maplibregl.GeoJSONSource>('labels')?.setData(data as Parameters<maplibregl.GeoJSONSource['setData']>[0]);
  }
}
