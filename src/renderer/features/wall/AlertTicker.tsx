import { useTranslation } from 'react-i18next';
import { formatTime } from '../../lib/time';
import { selectLanguage, selectTimeZone } from '../../state/selectors';
import { useApp } from '../../state/store-context';
import type { TickerItem } from './wall-figures';

/**
 * The alert line along the bottom: overdue work, then the newest log and messages. Shown whole and still (no
 * scrolling marquee): moving text is hard to read from across a room.
 */
export function AlertTicker({ items }: { items: readonly TickerItem[] }) {
  const { t } = useTranslation();
  const timeZone = useApp(selectTimeZone);
  const locale = useApp(selectLanguage);
  return (
    <div className="wall-ticker" role="log" aria-label={t('wall.ticker.label')} data-testid="wall-ticker">
      {items.length === 0 ? <span className="muted">{t('wall.ticker.empty')}</span> : null}
      {items.slice(0, 3).map((item) => (
        <span key={item.id} className={`ticker-item ticker-${item.kind}`}>
          <strong>{item.kind === 'overdue' ? t('wall.ticker.overdue') : item.kind === 'message' ? t('wall.ticker.message') : formatTime(item.at, timeZone, locale)}</strong>
          {item.text}
        </span>
      ))}
    </div>
  );
}
