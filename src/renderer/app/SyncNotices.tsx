import { useTranslation } from 'react-i18next';
import { syncNoticeKey } from '../i18n/keys';
import { useApp } from '../state/store-context';

/**
 * What the desk did on its own so that no work was lost, told plainly (issue 11): a desk file restored from an
 * older copy or cloned to another desk, a hospital server restored from a backup, changes too old to re-send.
 * And the work other users left pending on this shared desk: it waits for them, or is taken over explicitly.
 */
export function SyncNotices() {
  const { t } = useTranslation();
  const notices = useApp((s) => s.sync?.notices);
  const waiting = useApp((s) => s.sync?.waiting);
  const dismiss = useApp((s) => s.dismissNotices);
  const handOver = useApp((s) => s.handOver);
  if (!notices?.length && !waiting?.length) return null;
  return (
    <section className="rejected sync-notices" aria-live="polite" aria-label={t('status.noticesLabel')}>
      {notices?.length ? (
        <>
          <ul>
            {notices.map((notice) => (
              <li key={`${notice.kind}-${notice.at}`}>{t(syncNoticeKey(notice.kind), { count: notice.count })}</li>
            ))}
          </ul>
          <button type="button" onClick={() => void dismiss()}>{t('status.dismiss')}</button>
        </>
      ) : null}
      {waiting?.length ? (
        <ul aria-label={t('status.waitingLabel')}>
          {waiting.map((work) => (
            <li key={work.userId}>
              <span>{t('status.waiting', { count: work.count, name: work.displayName })}</span>
              <button type="button" onClick={() => void handOver(work.userId)}>{t('status.handOver', { name: work.displayName })}</button>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
