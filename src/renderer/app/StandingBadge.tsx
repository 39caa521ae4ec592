import { useTranslation } from 'react-i18next';
import type { Incident } from '../../domain/incidents/incident';
import { incidentStatusKey } from '../i18n/keys';
import { formatDateTime, formatTime, toZonedInputValue } from '../lib/time';
import { selectLanguage, selectTimeZone } from '../state/selectors';
import { useApp } from '../state/store-context';
import { incidentStanding } from './incident-standing';
import { LevelBadge } from './LevelBadge';
import { useNow } from './use-now';

/**
 * The incident's standing where its level is shown: the level-coloured badge while it runs (with "demobilising"
 * beside it), and a plain "Closed at HH:mm" once closed, so a closed incident never looks live.
 */
export function StandingBadge({ incident, long = false }: { incident: Incident; long?: boolean }) {
  const { t } = useTranslation();
  const standing = incidentStanding(incident);
  if (standing.state === 'closed') return <ClosedBadge closedAt={standing.closedAt} />;
  return (
    <>
      <LevelBadge level={incident.level} long={long} />
      {standing.state === 'demobilising' ? <span className="standing-tag" data-testid="standing-tag">{t(incidentStatusKey('demobilising'))}</span> : null}
    </>
  );
}

/** "Closed at 14:32"; with the date once the close was on another day in the hospital's zone. */
export function ClosedBadge({ closedAt }: { closedAt: number }) {
  const { t } = useTranslation();
  const time = useClosedTime(closedAt);
  return <span className="closed-badge" data-testid="closed-badge">{t('header.closedAt', { time })}</span>;
}

export function useClosedTime(closedAt: number): string {
  const timeZone = useApp(selectTimeZone);
  const locale = useApp(selectLanguage);
  const now = useNow(60_000);
  const sameDay = toZonedInputValue(closedAt, timeZone).slice(0, 10) === toZonedInputValue(now, timeZone).slice(0, 10);
  return sameDay ? formatTime(closedAt, timeZone, locale) : formatDateTime(closedAt, timeZone, locale);
}
