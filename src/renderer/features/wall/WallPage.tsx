import { useTranslation } from 'react-i18next';
import { responseLevelColour } from '../../../domain/incident';
import { ExerciseBanner } from '../../app/ExerciseBanner';
import { LevelBadge } from '../../app/LevelBadge';
import { LiveClock } from '../../app/LiveClock';
import { PeriodText } from '../../app/PeriodText';
import { StatusArea } from '../../app/StatusArea';
import { incidentTypeKey } from '../../i18n/keys';
import { selectCurrentIncident } from '../../state/selectors';
import { useApp } from '../../state/store-context';

/** Read-only view for the command room's wall: readable from across the room, no controls. */
export function WallPage() {
  const { t } = useTranslation();
  const incident = useApp(selectCurrentIncident);
  const colour = incident ? responseLevelColour[incident.level] : 'none';
  return (
    <div className={`wall wall-${colour}`} data-testid="wall" data-level={incident?.level ?? ''}>
      <ExerciseBanner />
      <div className="wall-top">
        <div className="wall-title">{t('app.title')}</div>
        <LiveClock large />
      </div>
      {incident ? (
        <main className="wall-body">
          <LevelBadge level={incident.level} long />
          <h1 className="wall-incident">{incident.name}</h1>
          <div className="wall-meta">{t(incidentTypeKey(incident.type))}</div>
          <PeriodText incident={incident} />
        </main>
      ) : (
        <main className="wall-body">
          <h1 className="wall-incident muted">{t('wall.noIncident')}</h1>
          <div className="wall-meta">{t('wall.standby')}</div>
        </main>
      )}
      <footer className="wall-footer"><StatusArea /></footer>
    </div>
  );
}
