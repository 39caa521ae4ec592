import { useTranslation } from 'react-i18next';
import { formatTime } from '../lib/time';
import { selectLanguage, selectTimeZone } from '../state/selectors';
import { useApp } from '../state/store-context';
import { offlineBanner } from './sync-visibility';

/** Across the operator's window while the desk cannot reach its hospital server: a dot in a corner is missed. */
export function OfflineBanner() {
  const { t } = useTranslation();
  const sync = useApp((s) => s.sync);
  const timeZone = useApp(selectTimeZone);
  const locale = useApp(selectLanguage);
  const banner = offlineBanner(sync);
  if (!banner) return null;
  return (
    <div className="offline-banner" role="alert" data-testid="offline-banner">
      <strong>{t('status.offlineBanner.title')}</strong>{' '}
      <span>{t('status.offlineBanner.body', { count: banner.pending })}</span>{' '}
      {banner.lastSyncedAt !== null ? <span>{t('status.offlineBanner.since', { time: formatTime(banner.lastSyncedAt, timeZone, locale) })}</span> : null}
    </div>
  );
}
