import 'maplibre-gl/dist/maplibre-gl.css';
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { useEffect, useRef, useState } from 'react';
import type { LngLat } from '../../../domain/map/map-geometry';
import { CAMPUS_BOUNDS, region, REGION_BOUNDS, type WarningLevel } from './base-data';
import { collection, selectedCollection, type GeoFeature } from './feature-geojson';
import type { FeatureIndex } from './feature-index';
import { MapLabels, type HospitalBadge } from './map-labels';
import { groupLayers, layerGroups, type LayerGroup } from './map-layers';
import { attachProbe } from './map-probe';
import { offlineStyle } from './offline-style';
import { SourceSync } from './source-sync';
import { labelLayerGroups, symbolLabelLayers, SymbolLabels } from './symbol-labels';
import { belongsTo } from './use-feature-index';
import { VertexHandles, type ShapeChange, type ShapeEdit } from './vertex-handles';

// The worker comes from our own bundle, so the CSP needs no blob: workers and nothing is fetched from elsewhere.
maplibregl.setWorkerUrl(workerUrl);

export type MapViewProps = {
  /** Live features: the view takes their changes straight from the index, not through React props. */
  index: FeatureIndex;
  /** Whose marks to show (standing marks always show). */
  incidentId: string | null;
  visible: Record<LayerGroup, boolean>;
  language: string;
  interactive: boolean;
  view: 'campus' | 'region';
  selectedId?: string | null;
  draft?: readonly LngLat[];
  drawing?: boolean;
  /** Bumped with a position to fly there (search result chosen). */
  focus?: { at: LngLat; seq: number } | null;
  onMapClick?: (at: LngLat, hitId: string | null) => void;
  onMapDoubleClick?: (at: LngLat) => void;
  /** A zone whose corners are being edited: handles on the map, the outline drawn as the draft. */
  shape?: ShapeEdit | null;
  onShapeChange?: ShapeChange;
  /** Each district's level as shown (hand-set, or from warnings); a district left out is green. */
  districtLevels?: Readonly<Record<string, WarningLevel>>;
  hospitalBadges?: Readonly<Record<string, HospitalBadge>>;
  /** Accessible names of the corner handles (translated by the page). */
  handleLabels?: { corner: (n: number) => string; midpoint: (n: number) => string };
  /**
   * The wall: names drawn by maplibre as symbol layers, the smallest this many CSS pixels, kept from overlapping
   * by its collision and naming every post, asset and case. Without it, HTML markers (the operator's map).
   */
  symbolLabelPx?: number;
};

type Handlers = {
  onMapClick?: MapViewProps['onMapClick'] | undefined;
  onMapDoubleClick?: MapViewProps['onMapDoubleClick'] | undefined;
  onShapeChange?: ShapeChange | undefined;
};
const CLICKABLE = ['hospital-circle', 'zone-fill', 'point-circle-points', 'point-circle-resources', 'case-point'];
const noLabels = { corner: (n: number) => String(n), midpoint: (n: number) => String(n) };

function draftCollection(corners: readonly LngLat[]) {
  const vertices: GeoFeature[] = corners.map((c) => ({
    type: 'Feature',
    properties: { id: '', name: '', category: 'zone_hot', group: 'zones' },
    geometry: { type: 'Point', coordinates: c },
  }));
  if (corners.length < 2) return collection(vertices);
  const line = { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [...corners, corners[0]] } };
  return { type: 'FeatureCollection', features: [...vertices, line] };
}

function setSource(map: maplibregl.Map, id: string, data: unknown): void {
  // Our collections are valid GeoJSON built from zod-checked rows; maplibre's type wants its own GeoJSON typing.
  void map.getSource<maplibregl.GeoJSONSource>(id)?.setData(data as Parameters<maplibregl.GeoJSONSource['setData']>[0]);
}

/** The maplibre map with the offline style; toggles arrive as props, feature changes from the index (SourceSync). */
export function MapView(props: MapViewProps) {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<maplibregl.Map | null>(null);
  const labelsRef = useRef<MapLabels | null>(null);
  const symbolsRef = useRef<SymbolLabels | null>(null);
  const handlers = useRef<Handlers>({});
  const [ready, setReady] = useState(false);
  const [failed, setFailed] = useState(false);
  const { index, incidentId, visible, language, interactive, view, selectedId, draft, drawing, focus, shape, districtLevels, hospitalBadges, symbolLabelPx } = props;
  const symbolic = symbolLabelPx !== undefined;
  const handleLabels = props.handleLabels ?? noLabels;
  const handlesRef = useRef<VertexHandles | null>(null);
  // Read inside SourceSync's flush, which runs outside React.
  const live = useRef({ visible, selectedId });

  useEffect(() => {
    handlers.current = { onMapClick: props.onMapClick, onMapDoubleClick: props.onMapDoubleClick, onShapeChange: props.onShapeChange };
    live.current = { visible, selectedId };
  });

  useEffect(() => {
    if (!container.current) return;
    const map = new maplibregl.Map({
      container: container.current,
      style: offlineStyle(symbolic),
      bounds: CAMPUS_BOUNDS,
      interactive,
      attributionControl: false,
      // Screenshots and pixel checks read the canvas after the frame: keep the buffer.
      canvasContextAttributes: { preserveDrawingBuffer: true },
      maxZoom: 19,
      minZoom: 10,
    });
    mapRef.current = map;
    map.on('error', () => setFailed(true));
    map.on('load', () => {
      if (symbolic) symbolsRef.current = new SymbolLabels(map);
      else labelsRef.current = new MapLabels(map);
      setReady(true);
    });
    const detachProbe = attachProbe(container.current, map);
    map.on('click', (e) => {
      const hit = map.queryRenderedFeatures(e.point, { layers: CLICKABLE.filter((l) => map.getLayer(l)) })[0];
      const id: unknown = hit?.properties['id'];
      handlers.current.onMapClick?.([e.lngLat.lng, e.lngLat.lat], typeof id === 'string' ? id : null);
    });
    map.on('dblclick', (e) => handlers.current.onMapDoubleClick?.([e.lngLat.lng, e.lngLat.lat]));
    const resize = new ResizeObserver(() => map.resize());
    resize.observe(container.current);
    return () => {
      resize.disconnect();
      detachProbe();
      labelsRef.current?.remove();
      labelsRef.current = null;
      symbolsRef.current = null;
      handlesRef.current?.clear();
      handlesRef.current = null;
      map.remove();
      mapRef.current = null;
      setReady(false);
    };
  }, [interactive, symbolic]);

  useEffect(() => {
    if (!ready) return;
    labelsRef.current?.setBase(language);
    symbolsRef.current?.setBase(language);
  }, [ready, language]);

  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map || symbolLabelPx === undefined) return;
    for (const layer of symbolLabelLayers(symbolLabelPx)) map.setLayoutProperty(layer.id, 'text-size', layer.layout?.['text-size']);
  }, [ready, symbolLabelPx]);

  useEffect(() => {
    const map = mapRef.current;
    const pane = container.current;
    if (!ready || !map || !pane) return;
    const include = (f: Parameters<typeof belongsTo>[0]) => belongsTo(f, incidentId);
    const sync = new SourceSync(map, index, include, (changed, whole) => {
      const labels = labelsRef.current;
      const symbols = symbolsRef.current;
      const { visible: shown, selectedId: selected } = live.current;
      const zoneChanged = (has: (id: string) => boolean) => whole || changed.some((id) => has(id) || index.get(id)?.geometry.type === 'Polygon');
      if (labels && zoneChanged((id) => labels.hasZone(id))) {
        labels.setZones(index.all().filter(include));
        labels.setVisible(shown);
      }
      if (symbols && zoneChanged((id) => symbols.hasZone(id))) symbols.setZones(index.all().filter(include));
      if (selected && (whole || changed.includes(selected))) setSource(map, 'selected', selectedCollection(index.get(selected)));
      pane.dataset['applied'] = String(sync.applied);
      pane.dataset['sent'] = String(sync.sent);
    });
    return () => sync.dispose();
  }, [ready, index, incidentId]);

  useEffect(() => {
    if (ready) labelsRef.current?.setVisible(visible);
  }, [ready, visible]);

  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map) return;
    for (const group of layerGroups) {
      for (const layer of groupLayers[group]) map.setLayoutProperty(layer, 'visibility', visible[group] ? 'visible' : 'none');
    }
    for (const [layer, group] of Object.entries(labelLayerGroups)) {
      if (map.getLayer(layer)) map.setLayoutProperty(layer, 'visibility', visible[group] ? 'visible' : 'none');
    }
  }, [ready, visible]);

  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map) return;
    setSource(map, 'selected', selectedCollection(selectedId ? index.get(selectedId) : undefined));
  }, [ready, index, selectedId]);

  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map || shape) return;
    setSource(map, 'draft', draftCollection(draft ?? []));
  }, [ready, draft, shape]);

  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map || !shape) return;
    handlesRef.current ??= new VertexHandles(map, handleLabels);
    setSource(map, 'draft', draftCollection(shape.corners));
    handlesRef.current.show(
      shape,
      (next) => handlers.current.onShapeChange?.(next),
      (corners) => setSource(map, 'draft', draftCollection(corners)),
    );
    return () => handlesRef.current?.clear();
  }, [ready, shape, handleLabels]);

  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map) return;
    const levels = districtLevels ?? {};
    const features = region.features.map((f) => {
      // Every district takes the level the region read gives it; until it says, no level (grey), never green.
      return f.properties.kind === 'district' ? { ...f, properties: { ...f.properties, warning: levels[f.properties.id] ?? 'none' } } : f;
    });
    setSource(map, 'region', { ...region, features });
  }, [ready, districtLevels]);

  useEffect(() => {
    if (ready) labelsRef.current?.setBadges(hospitalBadges ?? {});
  }, [ready, hospitalBadges]);

  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map) return;
    // Double-click finishes a zone while drawing, so it must not also zoom.
    if (drawing) map.doubleClickZoom.disable();
    else if (interactive) map.doubleClickZoom.enable();
    map.getCanvas().style.cursor = drawing ? 'crosshair' : '';
  }, [ready, drawing, interactive]);

  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map) return;
    map.fitBounds(view === 'campus' ? CAMPUS_BOUNDS : REGION_BOUNDS, { duration: 0, padding: 24 });
  }, [ready, view]);

  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map || !focus) return;
    map.flyTo({ center: focus.at, zoom: Math.max(map.getZoom(), 17), duration: 600 });
  }, [ready, focus]);

  return (
    <div className="map-view" ref={container} data-testid="map-canvas-pane" data-state={failed ? 'error' : ready ? 'ready' : 'loading'} />
  );
}
