import { useEffect, useState } from 'react';
import { useApp } from '../../state/store-context';

/**
 * The tag this desk would generate next for the incident (its own prefix, after the highest it holds), re-asked
 * whenever the number of casualties changes, so a blank tag field always means a fresh, collision-free number.
 */
export function useNextTag(incidentId: string, known: number): string | null {
  const client = useApp((s) => s.client);
  const [next, setNext] = useState<{ key: string; tag: string } | null>(null);
  const key = `${incidentId}:${known}`;
  useEffect(() => {
    let current = true;
    client
      .call('casualty.nextTags', { incidentId, count: 1 })
      .then(({ tagNos }) => {
        if (current && tagNos[0]) setNext({ key, tag: tagNos[0] });
      })
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [client, incidentId, key]);
  return next?.key === key ? next.tag : null;
}
