import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../lib/time';
import { selectLanguage, selectTimeZone } from '../../state/selectors';
import { useApp } from '../../state/store-context';

/**
 * Says plainly when what the wall shows may be out of date: the workstation cannot reach the hospital server
 * (offline since its last sync), or the wall itself has lost its workstation (since the moment it noticed).
 */
export function StaleNotice() {
  const { t } = useTranslation();
  const transport = useApp((s) => s.transport);
  const connection = useApp((s) => s.sync?.connection ?? null);
  const lastSyncedAt = useApp((s) => s.sync?.lastSyncedAt ?? null);
  const timeZone = useApp(selectTimeZone);
  const locale = useApp(selectLanguage);
  const [lostAt, setLostAt] = useState<number | null>(null);
  useEffect(() => {
    // Noted in a callback: the moment the socket state changed is what the notice reports.
    const timer = setTimeout(() => setLostAt((at) => (transport === 'open' ? null : (at ?? Date.now()))), 0);
    return () => clearTimeout(timer);
  }, [transport]);

  let text: string | null = null;
  if (transport !== 'open' && lostAt !== null) text = t('wall.stale.lostWorkstation', { time: formatTime(lostAt, timeZone, locale) });
  else if (connection === 'offline' || connection === 'connecting') {
    text = lastSyncedAt !== null ? t('wall.stale.offlineSince', { time: formatTime(lastSyncedAt, timeZone, locale) }) : t('wall.stale.neverSynced');
  }
  if (!text) return null;
  return (
    <div className="wall-stale" role="alert" data-testid="wall-stale">
      {text}
    </div>
  );
}
