import type * as maplibregl from 'maplibre-gl';
import { labelLayerIds } from './symbol-labels';

/** A name maplibre actually placed on screen (collision left it in), with its layer's size in CSS pixels. */
export type RenderedLabel = { layer: string; name: string; size: number; allowOverlap: boolean };
export type MapProbe = { renderedLabels(): RenderedLabel[] };
export type ProbedElement = HTMLElement & { hccMapProbe?: MapProbe };

/**
 * A read-only window on the drawn labels, on the map's own element, for the end-to-end tests: names drawn on a
 * canvas are not in the DOM, so legibility and "every post is named" can only be checked through maplibre's
 * queryRenderedFeatures. It reads what is already on the screen and changes nothing.
 */
export function attachProbe(element: HTMLElement, map: maplibregl.Map): () => void {
  const probe: MapProbe = {
    renderedLabels() {
      const layers = labelLayerIds.filter((id) => map.getLayer(id));
      if (layers.length === 0) return [];
      return map.queryRenderedFeatures({ layers }).map((f) => {
        const size: unknown = map.getLayoutProperty(f.layer.id, 'text-size');
        const overlap: unknown = map.getLayoutProperty(f.layer.id, 'text-allow-overlap');
        const name: unknown = f.properties['name'] ?? f.properties['point_count_abbreviated'];
        return { layer: f.layer.id, name: typeof name === 'string' || typeof name === 'number' ? String(name) : '', size: typeof size === 'number' ? size : Number.NaN, allowOverlap: overlap === true };
      });
    },
  };
  Object.defineProperty(element, 'hccMapProbe', { value: probe, configurable: true });
  return () => {
    delete (element as ProbedElement).hccMapProbe;
  };
}
