import { useCallback, useState } from 'react';
import { newId } from '../../../domain/ids';
import type { MapFeatureCategory } from '../../../domain/map-features';
import type { Geometry } from '../../../domain/map-geometry';
import type { DistrictWarningLevel, NeighbourBeds } from '../../../domain/map-region';
import { toUiError, type UiError } from '../../lib/ui-error';
import { useApp } from '../../state/store-context';

/** The map's writes: each is one synced mutation; the map refreshes from the `changed` event that follows. */
export function useMapActions() {
  const client = useApp((s) => s.client);
  const incidentId = useApp((s) => s.settings?.currentIncidentId ?? null);
  const [error, setError] = useState<UiError | null>(null);

  const attempt = useCallback(async (work: () => Promise<unknown>): Promise<boolean> => {
    try {
      await work();
      setError(null);
      return true;
    } catch (failure) {
      setError(toUiError(failure));
      return false;
    }
  }, []);

  const add = useCallback(
    (category: MapFeatureCategory, name: string, geometry: Geometry) => {
      const id = newId();
      const args = { id, category, name, geometry, ...(incidentId ? { incidentId } : {}) };
      return attempt(() => client.call('mutate', { name: 'map.addFeature', args })).then((ok) => (ok ? id : null));
    },
    [attempt, client, incidentId],
  );

  const update = useCallback(
    (id: string, patch: { name?: string; category?: MapFeatureCategory; note?: string; geometry?: Geometry }) =>
      attempt(() => client.call('mutate', { name: 'map.updateFeature', args: { id, ...patch } })),
    [attempt, client],
  );

  const remove = useCallback((id: string) => attempt(() => client.call('mutate', { name: 'map.removeFeature', args: { id } })), [attempt, client]);

  const setDistrictWarning = useCallback(
    (districtId: string, level: DistrictWarningLevel) => attempt(() => client.call('mutate', { name: 'map.setDistrictWarning', args: { districtId, level } })),
    [attempt, client],
  );

  const reportNeighbourBeds = useCallback(
    (hospitalId: string, available: NeighbourBeds) => attempt(() => client.call('mutate', { name: 'map.reportNeighbourBeds', args: { hospitalId, available } })),
    [attempt, client],
  );

  return { add, update, remove, setDistrictWarning, reportNeighbourBeds, error, clearError: () => setError(null) };
}
