import { useCallback } from 'react';
import { useLive } from '../../state/use-live';
import { useMutation } from '../../state/use-mutation';

/**
 * For the org chart: whether a plan active on the incident has a response checklist for a position, and a way
 * to open it when someone takes the position. With a plan active, the plan's checklist replaces the loose Job
 * Action Sheet cards the chart would otherwise offer.
 */
export function usePlanCoverage(incidentId: string): { covers: (positionId: string) => boolean; open: (positionId: string) => Promise<void> } {
  const plans = useLive('plans.incident', { incidentId }).data?.plans;
  const { run } = useMutation('checklist.open');
  const missing = useCallback(
    (positionId: string) =>
      (plans ?? []).filter((p) => !p.checklists.some((c) => c.positionId === positionId) && p.version.content.checklist.some((i) => i.phase === 'response' && i.positionId === positionId)),
    [plans],
  );
  const covers = useCallback(
    (positionId: string) => (plans ?? []).some((p) => p.version.content.checklist.some((i) => i.phase === 'response' && i.positionId === positionId)),
    [plans],
  );
  const open = useCallback(
    async (positionId: string) => {
      for (const entry of missing(positionId)) await run({ activationId: entry.activation.id, positionId });
    },
    [missing, run],
  );
  return { covers, open };
}
