import { useEffect, useState, useSyncExternalStore } from 'react';
import type { ApiClient } from '../../../contract/api';
import type { MapFeature } from '../../../domain/map-features';
import { toUiError, type UiError } from '../../lib/ui-error';
import { useApp } from '../../state/store-context';
import { FeatureIndex } from './feature-index';

export type MapFeaturesState = { index: FeatureIndex; features: MapFeature[]; loaded: boolean; error: UiError | null };

/**
 * Keeps `index` in step with the workstation: one full read, then on each `mapFeature` change only the rows the
 * event names (or a full read when it names none: a large catch-up pull). One read in flight; what arrives
 * meanwhile is merged into the next, so reads apply in order and a burst costs one round trip.
 */
function follow(client: ApiClient, index: FeatureIndex, onError: (error: UiError | null) => void): () => void {
  let alive = true;
  let inFlight = false;
  let full = true;
  const ids = new Set<string>();
  const run = async (): Promise<void> => {
    if (inFlight || (!full && ids.size === 0)) return;
    inFlight = true;
    try {
      if (full) {
        full = false;
        ids.clear();
        const features = await client.call('map.features', {});
        if (alive) index.replace(features);
      } else {
        const batch = [...ids];
        ids.clear();
        const { features, removed } = await client.call('map.featuresByIds', { ids: batch });
        if (alive) index.apply({ upserted: features, removed });
      }
      if (alive) onError(null);
    } catch (error) {
      if (alive) onError(toUiError(error));
    } finally {
      inFlight = false;
      if (alive) void run();
    }
  };
  void run();
  const unsubscribe = client.subscribe((event) => {
    if (event.type !== 'changed' || !event.kinds.includes('mapFeature')) return;
    if (event.ids) for (const id of event.ids) ids.add(id);
    else full = true;
    void run();
  });
  return () => {
    alive = false;
    unsubscribe();
  };
}

/**
 * This space's map features. `index` is stable for the page's life and carries every change as it arrives (the
 * map view listens to it directly); `features` is a snapshot for lists and figures, refreshed a few times a second
 * at most, so every open map and wall shows another desk's zone as soon as this workstation has it.
 */
export function useMapFeatures(): MapFeaturesState {
  const client = useApp((s) => s.client);
  const transport = useApp((s) => s.transport);
  const [index] = useState(() => new FeatureIndex());
  const [error, setError] = useState<UiError | null>(null);
  useEffect(() => {
    if (transport !== 'open') return;
    return follow(client, index, setError);
  }, [client, transport, index]);
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
