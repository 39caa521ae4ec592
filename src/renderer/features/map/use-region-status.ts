import { useEffect, useState } from 'react';
import type { DistrictWarning, NeighbourHospital } from '../../../domain/map-region';
import { toUiError, type UiError } from '../../lib/ui-error';
import { useApp } from '../../state/store-context';

export type RegionStatus = {
  districts: ReadonlyMap<string, DistrictWarning>;
  hospitals: ReadonlyMap<string, NeighbourHospital>;
  error: UiError | null;
};

const KINDS = ['districtWarning', 'neighbourHospital'];

/** District levels and neighbours' beds, keyed by place id; a handful of rows, so any change re-reads them all. */
export function useRegionStatus(): RegionStatus {
  const client = useApp((s) => s.client);
  const transport = useApp((s) => s.transport);
  const [status, setStatus] = useState<RegionStatus>({ districts: new Map(), hospitals: new Map(), error: null });
  useEffect(() => {
    if (transport !== 'open') return;
    let alive = true;
    const read = () =>
      client.call('map.region', {}).then(
        (r) => alive && setStatus({ districts: new Map(r.districts.map((d) => [d.districtId, d])), hospitals: new Map(r.hospitals.map((h) => [h.hospitalId, h])), error: null }),
        (error: unknown) => alive && setStatus((s) => ({ ...s, error: toUiError(error) })),
      );
    void read();
    const unsubscribe = client.subscribe((event) => {
      if (event.type === 'changed' && event.kinds.some((k) => KINDS.includes(k))) void read();
    });
    return () => {
      alive = false;
      unsubscribe();
    };
  }, [client, transport]);
  return status;
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
