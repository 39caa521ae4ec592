import { useTranslation } from 'react-i18next';
import { formatDate, formatTime } from '../lib/time';
import { selectLanguage, selectTimeZone } from '../state/selectors';
import { useApp } from '../state/store-context';
import { useNow } from './use-now';

export function LiveClock({ large = false }: { large?: boolean }) {
  const { t } = useTranslation();
  const now = useNow();
  const timeZone = useApp(selectTimeZone);
  const locale = useApp(selectLanguage);
  return (
    <div className={large ? 'clock clock-large' : 'clock'} data-testid="clock">
      <time className="clock-time" dateTime={new Date(now).toISOString()}>{formatTime(now, timeZone, locale, true)}</time>
      <span className="clock-date">{formatDate(now, timeZone, locale)}</span>
      <span className="clock-zone">{t('header.clock', { zone: timeZone })}</span>
    </div>
  );
}
