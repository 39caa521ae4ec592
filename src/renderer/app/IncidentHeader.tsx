import { useTranslation } from 'react-i18next';
import { responseLevelColour } from '../../domain/incidents/incident';
import { ReportingClock } from '../features/board/ReportingClock';
import { HeaderCasualtyCounts } from '../features/casualties';
import { incidentTypeKey } from '../i18n/keys';
import { selectCurrentIncident } from '../state/selectors';
import { useApp } from '../state/store-context';
import { incidentStanding } from './incident-standing';
import { StandingBadge } from './StandingBadge';
import { FollowCommandPost } from './FollowCommandPost';
import { LiveClock } from './LiveClock';
import { PeriodText } from './PeriodText';

export function IncidentHeader() {
  const { t } = useTranslation();
  const incident = useApp(selectCurrentIncident);
  const standing = incident ? incidentStanding(incident) : null;
  // A closed incident keeps no level colour: the stripe is what the room reads as "live at level II".
  const colour = !incident ? 'none' : standing?.state === 'closed' ? 'closed' : responseLevelColour[incident.level];
  return (
    <header
      className={`incident-header stripe-${colour}`}
      data-testid="incident-header"
      data-level={incident?.level ?? ''}
      data-standing={standing?.state ?? ''}
    >
      <div className="incident-header-main">
        <div className="eyebrow">{t('header.currentIncident')}</div>
        {incident ? (
          <>
            <h1 className="incident-name" data-testid="incident-name">{incident.name}</h1>
            <div className="incident-meta">
              <span>{t(incidentTypeKey(incident.type))}</span>
              {incident.location ? <span>{t('header.location', { location: incident.location })}</span> : null}
            </div>
            <FollowCommandPost />
          </>
        ) : (
          <>
            <h1 className="incident-name muted">{t('header.noIncident')}</h1>
            <div className="incident-meta">{t('header.noIncidentHint')}</div>
            <FollowCommandPost />
          </>
        )}
      </div>
      {incident ? (
        <div className="incident-header-level">
          <div className="eyebrow">{standing?.state === 'closed' ? t('header.standing') : t('header.level')}</div>
          <StandingBadge incident={incident} long />
        </div>
      ) : null}
      {incident ? <ReportingClock incident={incident} /> : null}
      {incident ? <PeriodText incident={incident} /> : null}
      <LiveClock />
      {incident ? <HeaderCasualtyCounts incidentId={incident.id} /> : null}
    </header>
  );
}
