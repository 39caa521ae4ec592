import './casualties.css';
import { useLive } from '../../state/use-live';
import { CasualtyCountsBar } from './CasualtyCountsBar';

/** The board header's casualty counts: shown only once the incident has casualties, so other incidents stay quiet. */
export function HeaderCasualtyCounts({ incidentId }: { incidentId: string }) {
  const counts = useLive('casualty.counts', { incidentId }).data;
  if (!counts || counts.total === 0) return null;
  return <CasualtyCountsBar counts={counts} testId="header-casualties" />;
}
