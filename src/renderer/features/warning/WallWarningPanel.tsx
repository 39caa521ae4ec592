import './warning.css';
import { useTranslation } from 'react-i18next';
import { alertSources } from '../../../domain/warning/alerts';
import { formatTime } from '../../lib/time';
import { selectLanguage, selectTimeZone } from '../../state/selectors';
import { useApp } from '../../state/store-context';
import { useLive } from '../../state/use-live';
import type { WallData } from '../wall';
import { dayLevelLabel, gradeLabel, statusLabel } from './labels';
import { IncidentClock } from './IncidentClock';
import { openAlertsByGrade, openedIncidentIds, shownLevel } from './warning-view';

/**
 * The wall's early-warning panel: open alerts by grade (one left unacknowledged past its deadline is escalated,
 * with a flashing border that stays still for viewers who asked for reduced motion) and today's colour per indicator.
 */
export function WallWarningPanel({ now }: WallData) {
  const { t } = useTranslation();
  const timeZone = useApp(selectTimeZone);
  const locale = useApp(selectLanguage);
  const alerts = useLive('warning.alerts', {}).data?.alerts;
  const indicators = useLive('warning.indicators', {}).data?.indicators;
  const liveIncidents = new Set(useApp((s) => s.incidents).filter((i) => i.status !== 'closed').map((i) => i.id));
  if (!alerts || !indicators) return <p className="wall-nodata">{t('wall.noData')}</p>;
  const rows = openAlertsByGrade(alerts, now);
  const incidents = openedIncidentIds(alerts).filter((id) => liveIncidents.has(id)).slice(0, 2);
  return (
    <div className="wall-warning" data-testid="wall-warning">
      {rows.length === 0 ? <p className="wall-nodata">{t('warning.wall.noAlerts')}</p> : null}
      <ul className="wall-warning-alerts">
        {rows.flatMap((row) =>
          row.alerts.map(({ alert, escalated }) => (
            <li key={alert.id} className={`wall-warning-alert grade-${alert.grade}${escalated ? ' escalated' : ''}`} data-testid="wall-warning-alert" data-grade={alert.grade} data-escalated={escalated ? 'true' : 'false'} data-status={alert.status}>
              <span className={`warning-grade grade-${alert.grade}`}>{gradeLabel[alert.grade](t)}</span>
              <span className="wall-warning-group">{alert.group}</span>
              <span>{statusLabel[alert.status](t)}</span>
              <span className="dim">{t('warning.alerts.sources', { count: alertSources(alert) })}</span>
              {escalated ? <strong className="tone-alert">{t('warning.wall.unacknowledged', { time: formatTime(alert.ackDueAt, timeZone, locale) })}</strong> : null}
            </li>
          )),
        )}
      </ul>
      {incidents.map((id) => <IncidentClock key={id} incidentId={id} />)}
      <ul className="wall-warning-indicators">
        {indicators.map(({ indicator, today, latest }) => {
          const shown = shownLevel(today, latest);
          return (
            <li key={indicator.id} className={`wall-warning-indicator level-${shown.level}`} data-testid="wall-warning-indicator" data-level={shown.level}>
              <span className={`warning-dot level-${shown.level}`} aria-hidden="true" />
              <span>{indicator.name}</span>
              <span className="wall-warning-level">{dayLevelLabel[shown.level](t)}{shown.isToday ? null : ` (${shown.date})`}</span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
