import { useTranslation } from 'react-i18next';
import { errorKey, mutationKey } from '../i18n/keys';
import { selectRejected } from '../state/selectors';
import { useApp } from '../state/store-context';
import { useErrorDetail } from './use-error-detail';

/**
 * Nothing is silently dropped: each refused change stays here, with the server's reason and, where the code has
 * a detail string and the server sent the params, the particulars ("…: 10 on hand, 15 requested"), until dismissed.
 */
export function RejectedChanges() {
  const { t } = useTranslation();
  const rejected = useApp(selectRejected);
  const dismiss = useApp((s) => s.dismissRejection);
  const retry = useApp((s) => s.retryRejected);
  const detailOf = useErrorDetail();
  if (!rejected?.length) return null;
  return (
    <section className="rejected" aria-live="polite" data-testid="rejected-changes">
      <h2>{t('status.rejectedTitle', { count: rejected.length })}</h2>
      <ul>
        {rejected.map((change) => {
          const detail = detailOf(change.code, change.params);
          return (
            <li key={change.mutationId}>
              <span>
                {t('status.rejectedItem', {
                  mutation: t(mutationKey(change.name), { defaultValue: change.name }),
                  reason: t(errorKey(change.code), { defaultValue: change.message }),
                })}
                {detail ? <span className="rejected-detail" data-testid="rejected-detail">{detail}</span> : null}
              </span>
              <span>
                {/* A server fault meeting one record may be put right: that change can go again (a new change). */}
                {change.code === 'internal_error' ? (
                  <button type="button" onClick={() => void retry(change.mutationId)}>{t('status.retry')}</button>
                ) : null}
                <button type="button" onClick={() => void dismiss(change.mutationId)}>{t('status.dismiss')}</button>
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
