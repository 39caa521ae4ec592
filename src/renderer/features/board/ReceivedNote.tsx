import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime, formatTime } from '../../lib/time';
import { selectLanguage, selectTimeZone } from '../../state/selectors';
import { useApp } from '../../state/store-context';

/**
 * "received 14:05 by the server" beside a time a desk's clock supplied, when the two are far apart
 * (domain/received-time.ts decides when): a desk with a wrong clock cannot silently put an entry elsewhere in the
 * record. The date is added when the server's day is not the one shown beside it.
 */
export function ReceivedNote({ shownAt, receivedAt }: { shownAt: number; receivedAt: number | null }) {
  const { t } = useTranslation();
  const language = useApp(selectLanguage);
  const timeZone = useApp(selectTimeZone);
  if (receivedAt === null) return null;
  const sameDay = formatDate(receivedAt, timeZone, language) === formatDate(shownAt, timeZone, language);
  const time = sameDay ? formatTime(receivedAt, timeZone, language) : formatDateTime(receivedAt, timeZone, language);
  return <span className="received-note" data-testid="received-note">{t('board.received', { time })}</span>;
}
