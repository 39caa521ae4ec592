import { useEffect, useState, useSyncExternalStore } from 'react';
import type { MapFeature } from '../../../domain/map/map-features';
import type { UiError } from '../../lib/ui-error';
import { useApp } from '../../state/store-context';
import { FeatureIndex } from './feature-index';

export type MapFeaturesState = { index: FeatureIndex; features: MapFeature[]; loaded: boolean; error: UiError | null };

/**
 * This space's map features, kept live by the workstation. `index` is stable for the page's life and takes each
 * row delta as it arrives (the map view listens to it directly, so a moved point costs that point); `features`
 * is a snapshot for lists and figures, refreshed a few times a second at most.
 */
export function useMapFeatures(): MapFeaturesState {
  const live = useApp((s) => s.live);
  const [index] = useState(() => new FeatureIndex());
  const [error, setError] = useState<UiError | null>(null);
  useEffect(
    () =>
      live.watch('map.features', {}, (state, delta) => {
        if (delta) index.apply({ upserted: delta.rows as MapFeature[], removed: delta.removed });
        else if (state.data) index.replace(state.data);
        setError(state.error);
      }),
    [live, index],
  );
  useEffect(() => () => index.dispose(), [index]);
  const features = useSyncExternalStore(index.subscribe, index.getSnapshot);
  return { index, features, loaded: index.loaded, error };
}

/** Standing marks (no incident) show on every incident's map, the rest only on their own incident's. */
export const belongsTo = (f: MapFeature, incidentId: string | null): boolean => f.incidentId === undefined || f.incidentId === incidentId;

/** Features of the current incident plus standing marks (no incident), which every incident's map shows. */
export function forIncident(features: readonly MapFeature[], incidentId: string | null): MapFeature[] {
  return features.filter((f) => belongsTo(f, incidentId));
}
