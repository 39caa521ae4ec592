import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StuckChange } from '../../contract/sync-status';
import { mutationKey } from '../i18n/keys';
import { formatDateTime } from '../lib/time';
import { selectLanguage, selectStuck, selectTimeZone } from '../state/selectors';
import { useApp } from '../state/store-context';
import { useLive } from '../state/use-live';

/**
 * Changes held on this desk because the server would not take any push carrying them (issue 11, item 8): the work
 * behind them went on. Each says what it was, when it was made and what the server answered; the operator sends it
 * again or discards it (its effect then leaves this desk), and is asked to confirm a discard.
 */
export function StuckChanges() {
  const { t } = useTranslation();
  const count = useApp(selectStuck);
  const stuck = useLive('sync.stuck', count > 0 ? {} : null);
  if (count === 0 || !stuck.data?.length) return null;
  return (
    <section className="rejected stuck" aria-live="polite" aria-labelledby="stuck-title" data-testid="stuck-changes">
      <h2 id="stuck-title">{t('status.stuckTitle', { count: stuck.data.length })}</h2>
      <p>{t('status.stuckExplain')}</p>
      <ul>
        {stuck.data.map((change) => <StuckItem key={change.mutationId} change={change} />)}
      </ul>
    </section>
  );
}

function StuckItem({ change }: { change: StuckChange }) {
  const { t } = useTranslation();
  const language = useApp(selectLanguage);
  const timeZone = useApp(selectTimeZone);
  const retry = useApp((s) => s.retryStuck);
  const discard = useApp((s) => s.discardStuck);
  const [confirming, setConfirming] = useState(false);
  const label = t(mutationKey(change.name), { defaultValue: change.name });
  return (
    <li>
      <span>
        {t('status.stuckItem', { mutation: label, at: formatDateTime(change.at, timeZone, language) })}
        <span className="rejected-detail" data-testid="stuck-reason">
          {t('status.stuckReason', { status: change.reason.status, message: change.reason.message, count: change.attempts })}
        </span>
      </span>
      {confirming ? (
        <span className="stuck-confirm" role="group" aria-label={t('status.discardConfirm', { mutation: label })}>
          <span>{t('status.discardConfirm', { mutation: label })}</span>
          <button type="button" onClick={() => void discard(change.mutationId)}>{t('status.discardYes')}</button>
          <button type="button" onClick={() => setConfirming(false)}>{t('status.discardNo')}</button>
        </span>
      ) : (
        <span>
          <button type="button" onClick={() => void retry(change.mutationId)}>{t('status.retry')}</button>
          <button type="button" onClick={() => setConfirming(true)}>{t('status.discard')}</button>
        </span>
      )}
    </li>
  );
}
