import { useTranslation } from 'react-i18next';
import { deadlineClock, statutoryDeadline } from '../../../domain/incidents/reporting-deadlines';
import { useNow } from '../../app/use-now';
import { formatDateTime } from '../../lib/time';
import { selectLanguage, selectTimeZone } from '../../state/selectors';
import { useApp } from '../../state/store-context';
import { formatCountdown } from '../board';

/** The incident an alert opened, with its statutory reporting clock running from the alert's discovery. */
export function IncidentClock({ incidentId }: { incidentId: string }) {
  const { t } = useTranslation();
  const now = useNow();
  const timeZone = useApp(selectTimeZone);
  const locale = useApp(selectLanguage);
  const incident = useApp((s) => s.incidents.find((i) => i.id === incidentId));
  if (!incident) return <p className="muted">{t('warning.clock.pending')}</p>;
  const deadline = statutoryDeadline(incident);
  const clock = deadline ? deadlineClock(deadline, now) : null;
  return (
    <div className="warning-incident-clock" data-testid="warning-incident-clock" data-state={clock?.state ?? 'none'}>
      <strong>{incident.name}</strong>
      <span>{t('warning.clock.discovered', { time: formatDateTime(incident.discoveredAt, timeZone, locale) })}</span>
      {deadline && clock ? (
        <span className={`report-countdown num clock-${clock.state}`} data-testid="warning-incident-countdown">
          {t('warning.clock.due', { time: formatDateTime(deadline.dueAt, timeZone, locale) })} · {clock.late ? t('warning.clock.late') : null}{formatCountdown(clock.remainingMs)}
        </span>
      ) : null}
    </div>
  );
}
