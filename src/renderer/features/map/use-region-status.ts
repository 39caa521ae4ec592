import { useEffect, useMemo, useState } from 'react';
import type { DistrictWarning, NeighbourHospital } from '../../../domain/map/map-region';
import type { DistrictStatus } from '../../../domain/warning/district-levels';
import type { UiError } from '../../lib/ui-error';
import { useLive } from '../../state/use-live';

export type RegionStatus = {
  /** Levels set by hand. */
  districts: ReadonlyMap<string, DistrictWarning>;
  /** Every district's level as shown: hand-set, else from today's warnings, else green (district-levels.ts). */
  districtStatus: ReadonlyMap<string, DistrictStatus>;
  hospitals: ReadonlyMap<string, NeighbourHospital>;
  error: UiError | null;
};

/** District levels and neighbours' beds, keyed by place id. */
export function useRegionStatus(): RegionStatus {
  const { data, error } = useLive('map.region', {});
  return useMemo(
    () => ({
      districts: new Map((data?.districts ?? []).map((d) => [d.districtId, d])),
      districtStatus: new Map((data?.districtStatus ?? []).map((d) => [d.districtId, d])),
      hospitals: new Map((data?.hospitals ?? []).map((h) => [h.hospitalId, h])),
      error,
    }),
    [data, error],
  );
}

/** A clock for stale marks: figures turn stale while nobody touches them, so the page re-checks every minute. */
export function useMinuteClock(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}
