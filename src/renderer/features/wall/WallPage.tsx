import './wall.css';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultWallLayout } from '../../../contract/wall-layout';
import { responseLevelColour } from '../../../domain/incidents/incident';
import { ExerciseBanner } from '../../app/ExerciseBanner';
import { clockTime, incidentStanding } from '../../app/incident-standing';
import { StandingBadge } from '../../app/StandingBadge';
import { LiveClock } from '../../app/LiveClock';
import { PeriodText } from '../../app/PeriodText';
import { StatusArea } from '../../app/StatusArea';
import { useNow } from '../../app/use-now';
import { incidentTypeKey } from '../../i18n/keys';
import { selectCurrentIncident } from '../../state/selectors';
import { useApp } from '../../state/store-context';
import { useLive } from '../../state/use-live';
import { forIncident, useMapFeatures } from '../map';
import { AlertTicker } from './AlertTicker';
import { StaleNotice } from './StaleNotice';
import { tickerItems } from './wall-figures';
import { WallPanel } from './WallPanels';
import { useRotation } from './use-rotation';
import { PanelBoundary } from '../../ui/PanelBoundary';

/** The command room's wall: read-only, readable from across the room, updated live, honest when stale. */
export function WallPage() {
  const { t } = useTranslation();
  const incident = useApp(selectCurrentIncident);
  const layout = useApp((s) => s.settings?.wall ?? defaultWallLayout);
  const standing = incident ? incidentStanding(incident) : null;
  // A closed incident's figures are read at its close: nothing on the wall turns overdue afterwards.
  const now = clockTime(standing ?? { state: 'active', closedAt: null }, useNow(5_000));
  const board = useLive('board.get', incident ? { incidentId: incident.id } : null).data;
  const { index: mapIndex, features: all } = useMapFeatures();
  const features = useMemo(() => forIncident(all, incident?.id ?? null), [all, incident]);
  const page = useRotation(layout.pages.length, layout.rotateSeconds);
  const panels = layout.pages[page] ?? layout.pages[0] ?? [];
  const colour = !incident ? 'none' : standing?.state === 'closed' ? 'closed' : responseLevelColour[incident.level];
  const data = { board, features, mapIndex, incidentId: incident?.id ?? null, now };
  return (
    <div className={`wall wall-${colour}`} data-testid="wall" data-level={incident?.level ?? ''} data-standing={standing?.state ?? ''} data-page={page}>
      <ExerciseBanner />
      <StaleNotice />
      <header className="wall-top">
        {incident ? (
          <div className="wall-headline">
            <div className="wall-title-row">
              <StandingBadge incident={incident} long />
              <h1 className="wall-incident">{incident.name}</h1>
            </div>
            <div className="wall-meta">
              <span>{t(incidentTypeKey(incident.type))}</span>
              <PeriodText incident={incident} />
            </div>
          </div>
        ) : (
          <div className="wall-headline">
            <h1 className="wall-incident muted">{t('wall.noIncident')}</h1>
            <div className="wall-meta">{t('wall.standby')}</div>
          </div>
        )}
        <LiveClock large />
      </header>
      <main className={`wall-grid wall-grid-${panels.length}`}>
        {panels.map((id) => (
          <WallPanel key={id} id={id} data={data} />
        ))}
      </main>
      <PanelBoundary name="wall-ticker"><WallTicker board={board} now={now} /></PanelBoundary>
      <footer className="wall-footer">
        <StatusArea surface="wall" />
        {layout.pages.length > 1 ? <span className="wall-page-no">{t('wall.page', { page: page + 1, pages: layout.pages.length })}</span> : null}
      </footer>
    </div>
  );
}

/** Computed inside the boundary, so a record the ticker cannot word costs the ticker only. */
function WallTicker({ board, now }: { board: Parameters<typeof tickerItems>[0]; now: number }) {
  return <AlertTicker items={tickerItems(board, now)} />;
}
