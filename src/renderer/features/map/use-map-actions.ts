import { useCallback, useMemo, useState } from 'react';
import { newId } from '../../../domain/ids';
import type { MapFeatureCategory } from '../../../domain/map/map-features';
import type { Geometry } from '../../../domain/map/map-geometry';
import type { DistrictWarningLevel, NeighbourBeds } from '../../../domain/map/map-region';
import type { UiError } from '../../lib/ui-error';
import { selectCurrentIncident } from '../../state/selectors';
import { useApp } from '../../state/store-context';
import { useMutation } from '../../state/use-mutation';

/**
 * The map's writes, each one synced mutation; the map follows from its live reads. One error line for the page:
 * the last write's refusal, cleared by the next write that goes through.
 */
export function useMapActions() {
  const incidentId = useApp((s) => selectCurrentIncident(s)?.id ?? null);
  const [error, setError] = useState<UiError | null>(null);
  const addFeature = useMutation('map.addFeature').run;
  const updateFeature = useMutation('map.updateFeature').run;
  const removeFeature = useMutation('map.removeFeature').run;
  const setWarning = useMutation('map.setDistrictWarning').run;
  const clearWarning = useMutation('map.clearDistrictWarning').run;
  const reportBeds = useMutation('map.reportNeighbourBeds').run;

  const settle = useCallback((failed: UiError | null): boolean => {
    setError(failed);
    return failed === null;
  }, []);

  return useMemo(
    () => ({
      add: async (category: MapFeatureCategory, name: string, geometry: Geometry, zoneType?: string) => {
        const id = newId();
        const args = { id, category, name, geometry, ...(zoneType !== undefined ? { zoneType } : {}), ...(incidentId ? { incidentId } : {}) };
        return settle(await addFeature(args)) ? id : null;
      },
      update: async (id: string, patch: { name?: string; category?: MapFeatureCategory; zoneType?: string; note?: string; geometry?: Geometry }) =>
        settle(await updateFeature({ id, ...patch })),
      remove: async (id: string) => settle(await removeFeature({ id })),
      setDistrictWarning: async (districtId: string, level: DistrictWarningLevel) => settle(await setWarning({ districtId, level })),
      clearDistrictWarning: async (districtId: string) => settle(await clearWarning({ districtId })),
      reportNeighbourBeds: async (hospitalId: string, available: NeighbourBeds) => settle(await reportBeds({ hospitalId, available })),
      error,
      clearError: () => setError(null),
    }),
    [addFeature, updateFeature, removeFeature, setWarning, clearWarning, reportBeds, settle, incidentId, error],
  );
}
