import { useTranslation } from 'react-i18next';
import { errorKey, mutationKey } from '../i18n/keys';
import { selectRejected } from '../state/selectors';
import { useApp } from '../state/store-context';

/** Nothing is silently dropped: each refused change stays here, with the server's reason, until dismissed. */
export function RejectedChanges() {
  const { t } = useTranslation();
  const rejected = useApp(selectRejected);
  const dismiss = useApp((s) => s.dismissRejection);
  if (!rejected?.length) return null;
  return (
    <section className="rejected" aria-live="polite" data-testid="rejected-changes">
      <h2>{t('status.rejectedTitle', { count: rejected.length })}</h2>
      <ul>
        {rejected.map((change) => (
          <li key={change.mutationId}>
            <span>
              {t('status.rejectedItem', {
                mutation: t(mutationKey(change.name), { defaultValue: change.name }),
                reason: t(errorKey(change.code), { defaultValue: change.message }),
              })}
            </span>
            <button type="button" onClick={() => void dismiss(change.mutationId)}>{t('status.dismiss')}</button>
          </li>
        ))}
      </ul>
    </section>
  );
}
