import * as maplibregl from 'maplibre-gl';
import type { MapFeature } from '../../../domain/map/map-features';
import type { LngLat } from '../../../domain/map/map-geometry';
import { baseName, basePosition, campus, region, type BaseFeature } from './base-data';
import type { LayerGroup } from './map-layers';

type Label = { marker: maplibregl.Marker; group: LayerGroup };
/** A neighbouring hospital's beds line under its name; `stale` marks figures too old to trust. */
export type HospitalBadge = { text: string; stale: boolean };

const baseGroup = (feature: BaseFeature): LayerGroup | null => {
  const kind = feature.properties.kind;
  if (kind === 'district') return 'districts';
  if (kind === 'hospital') return 'hospitals';
  if (kind === 'road' || kind === 'campus' || kind.startsWith('area_')) return null;
  return 'campus';
};

/** Zones nest (cold around warm around hot): a label on each one's top edge keeps them apart. */
function topEdge(ring: readonly LngLat[]): LngLat {
  const lngs = ring.map((p) => p[0]);
  const top = Math.max(...ring.map((p) => p[1]));
  return [(Math.min(...lngs) + Math.max(...lngs)) / 2, top];
}

function labelElement(text: string, className: string, id: string): HTMLElement {
  const el = document.createElement('div');
  el.className = `map-label ${className}`;
  el.dataset['testid'] = 'map-label';
  el.dataset['featureId'] = id;
  el.textContent = text;
  return el;
}

/**
 * Names on the map as HTML markers: the browser's own fonts render Chinese and English without shipping a glyph
 * set. Only the few dozen named places and zones get one; points show their names in the list and on selection.
 */
export class MapLabels {
  private base: Label[] = [];
  private zones = new Map<string, { label: Label; text: string }>();
  private badges: Record<string, HospitalBadge> = {};

  constructor(private readonly map: maplibregl.Map) {}

  setBase(language: string): void {
    for (const l of this.base) l.marker.remove();
    this.base = [];
    for (const feature of [...region.features, ...campus.features]) {
      const group = baseGroup(feature);
      if (!group) continue;
      const el = labelElement(baseName(feature, language), `label-${feature.properties.kind}`, feature.properties.id);
      const marker = new maplibregl.Marker({ element: el, anchor: group === 'districts' ? 'center' : 'top', offset: group === 'districts' ? [0, 0] : [0, 10] })
        .setLngLat(basePosition(feature))
        .addTo(this.map);
      this.base.push({ marker, group });
    }
    this.setBadges(this.badges);
  }

  setBadges(badges: Record<string, HospitalBadge>): void {
    this.badges = badges;
    for (const { marker, group } of this.base) {
      if (group !== 'hospitals') continue;
      const el = marker.getElement();
      const badge = badges[el.dataset['featureId'] ?? ''];
      let line = el.querySelector<HTMLElement>('.label-beds');
      if (!badge) {
        line?.remove();
        continue;
      }
      if (!line) {
        line = document.createElement('span');
        el.append(line);
      }
      line.className = badge.stale ? 'label-beds stale' : 'label-beds';
      line.dataset['testid'] = 'hospital-beds-label';
      line.textContent = badge.text;
    }
  }

  setZones(features: readonly MapFeature[]): void {
    const seen = new Set<string>();
    for (const f of features) {
      if (f.geometry.type !== 'Polygon') continue;
      seen.add(f.id);
      const existing = this.zones.get(f.id);
      const position = topEdge(f.geometry.coordinates[0]);
      if (existing) {
        existing.label.marker.setLngLat(position);
        if (existing.text !== f.name) existing.label.marker.getElement().textContent = f.name;
        existing.label.marker.getElement().className = `map-label label-zone label-${f.category}`;
        existing.text = f.name;
        continue;
      }
      const el = labelElement(f.name, `label-zone label-${f.category}`, f.id);
      const marker = new maplibregl.Marker({ element: el, anchor: 'bottom' }).setLngLat(position).addTo(this.map);
      this.zones.set(f.id, { label: { marker, group: 'zones' }, text: f.name });
    }
    for (const [id, zone] of this.zones) {
      if (seen.has(id)) continue;
      zone.label.marker.remove();
      this.zones.delete(id);
    }
  }

  hasZone(id: string): boolean {
    return this.zones.has(id);
  }

  setVisible(visible: Record<LayerGroup, boolean>): void {
    for (const l of [...this.base, ...[...this.zones.values()].map((z) => z.label)]) {
      l.marker.getElement().hidden = !visible[l.group];
    }
  }

  remove(): void {
    for (const l of this.base) l.marker.remove();
    for (const z of this.zones.values()) z.label.marker.remove();
    this.base = [];
    this.zones.clear();
  }
}
