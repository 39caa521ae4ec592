import { useTranslation } from 'react-i18next';
import type { Incident } from '../../domain/incidents/incident';
import { formatDateTime } from '../lib/time';
import { selectLanguage, selectTimeZone } from '../state/selectors';
import { useApp } from '../state/store-context';

const HOUR_MS = 3_600_000;

export function PeriodText({ incident }: { incident: Incident }) {
  const { t } = useTranslation();
  const timeZone = useApp(selectTimeZone);
  const locale = useApp(selectLanguage);
  const start = incident.periodStartedAt;
  const end = start + incident.periodHours * HOUR_MS;
  return (
    <div className="period" data-testid="period">
      <span className="period-number">{t('header.period', { period: incident.period })}</span>
      <span className="period-range">
        {t('header.periodRange', { start: formatDateTime(start, timeZone, locale), end: formatDateTime(end, timeZone, locale) })}
      </span>
    </div>
  );
}
