import * as maplibregl from 'maplibre-gl';
import type { LngLat } from '../../../domain/map/map-geometry';
import { edgeMidpoints, insertCorner, moveCorner } from '../../../domain/map/map-shape-edit';

export type ShapeEdit = { corners: LngLat[]; selected: number | null };
/** Changes are functions of the latest edit: a click that follows a drag must not undo it with an older shape. */
export type ShapeChange = (update: (edit: ShapeEdit) => ShapeEdit) => void;

/** Screen pixels an arrow key moves a selected corner (Shift: five times as far). */
const NUDGE_PX = 4;
const ARROWS: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };

function handle(className: string, index: number, label: string): HTMLElement {
  const el = document.createElement('button');
  el.type = 'button';
  el.className = className;
  el.dataset['index'] = String(index);
  el.setAttribute('aria-label', label);
  return el;
}

/**
 * A zone's corners as draggable HTML markers, and a smaller marker on each edge's middle that adds a corner there.
 * Markers (not a GeoJSON layer) because the browser then gives dragging, focus and keyboard for free: a selected
 * corner moves with the arrow keys. The markers are rebuilt on every change; a zone has a handful of corners.
 */
export class VertexHandles {
  private markers: maplibregl.Marker[] = [];

  constructor(
    private readonly map: maplibregl.Map,
    private readonly labels: { corner: (n: number) => string; midpoint: (n: number) => string },
  ) {}

  show(edit: ShapeEdit, onChange: ShapeChange, onDrag: (corners: LngLat[]) => void): void {
    // Keyboard users keep their place across the rebuild; nobody else has focus taken from a form.
    const keepFocus = document.activeElement instanceof HTMLElement && document.activeElement.classList.contains('vertex-handle');
    this.clear();
    const { corners, selected } = edit;
    corners.forEach((corner, i) => {
      const el = handle(i === selected ? 'vertex-handle selected' : 'vertex-handle', i, this.labels.corner(i + 1));
      el.dataset['testid'] = 'vertex-handle';
      const marker = new maplibregl.Marker({ element: el, draggable: true }).setLngLat(corner).addTo(this.map);
      const at = (): LngLat => [marker.getLngLat().lng, marker.getLngLat().lat];
      marker.on('drag', () => onDrag(moveCorner(corners, i, at())));
      marker.on('dragend', () => {
        const moved = at();
        onChange((e) => ({ corners: moveCorner(e.corners, i, moved), selected: i }));
      });
      el.addEventListener('click', (e) => {
        e.stopPropagation();
        onChange((edit) => ({ ...edit, selected: i }));
      });
      el.addEventListener('keydown', (e) => {
        const step = ARROWS[e.key];
        if (!step) return;
        e.preventDefault();
        const px = this.map.project(corner);
        const scale = e.shiftKey ? NUDGE_PX * 5 : NUDGE_PX;
        const moved = this.map.unproject([px.x + step[0] * scale, px.y + step[1] * scale]);
        onChange((edit) => ({ corners: moveCorner(edit.corners, i, [moved.lng, moved.lat]), selected: i }));
      });
      this.markers.push(marker);
    });
    edgeMidpoints(corners).forEach((mid, i) => {
      const el = handle('midpoint-handle', i, this.labels.midpoint(i + 1));
      el.dataset['testid'] = 'midpoint-handle';
      el.addEventListener('click', (e) => {
        e.stopPropagation();
        onChange((edit) => ({ corners: insertCorner(edit.corners, i, mid), selected: i + 1 }));
      });
      this.markers.push(new maplibregl.Marker({ element: el }).setLngLat(mid).addTo(this.map));
    });
    if (keepFocus && selected !== null) this.markers[selected]?.getElement().focus({ preventScroll: true });
  }

  clear(): void {
    for (const m of this.markers) m.remove();
    this.markers = [];
  }
}
