import { useCallback, useState } from 'react';
import { isZoneCategory, type MapFeatureCategory } from '../../../domain/map/map-features';
import { closeRing, type Geometry, type LngLat } from '../../../domain/map/map-geometry';

export type DrawState =
  | { mode: 'idle' }
  | { mode: 'add'; category: MapFeatureCategory; corners: LngLat[] }
  | { mode: 'move'; id: string };

const same = (a: LngLat, b: LngLat | undefined): boolean => !!b && a[0] === b[0] && a[1] === b[1];

/**
 * Drawing as a small state machine: a point category places on one click; a zone collects corners on clicks and
 * finishes on a double-click (whose two clicks land on the same spot and are dropped as duplicates).
 */
export function useDraw(onGeometry: (category: MapFeatureCategory, geometry: Geometry) => void, onMove: (id: string, at: LngLat) => void) {
  const [state, setState] = useState<DrawState>({ mode: 'idle' });

  const start = useCallback((category: MapFeatureCategory) => setState({ mode: 'add', category, corners: [] }), []);
  const startMove = useCallback((id: string) => setState({ mode: 'move', id }), []);
  const cancel = useCallback(() => setState({ mode: 'idle' }), []);

  const click = useCallback(
    (at: LngLat) => {
      if (state.mode === 'move') {
        onMove(state.id, at);
        setState({ mode: 'idle' });
      } else if (state.mode === 'add') {
        if (!isZoneCategory(state.category)) {
          onGeometry(state.category, { type: 'Point', coordinates: at });
          setState({ mode: 'idle' });
        } else if (!same(at, state.corners[state.corners.length - 1])) {
          setState({ ...state, corners: [...state.corners, at] });
        }
      }
    },
    [state, onGeometry, onMove],
  );

  const finish = useCallback(() => {
    if (state.mode !== 'add' || !isZoneCategory(state.category) || state.corners.length < 3) return;
    onGeometry(state.category, { type: 'Polygon', coordinates: [closeRing(state.corners)] });
    setState({ mode: 'idle' });
  }, [state, onGeometry]);

  return { state, start, startMove, cancel, click, finish };
}
