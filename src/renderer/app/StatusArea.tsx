import { useTranslation } from 'react-i18next';
import { connectionKey, transportKey } from '../i18n/keys';
import { selectConnection, selectPending, selectStuck } from '../state/selectors';
import { useApp } from '../state/store-context';
import { ErrorText } from './ErrorText';
import { showsPendingCount, type StatusSurface } from './sync-visibility';

/** Whether this desk is connected, and what has not reached the hospital server yet. */
export function StatusArea({ surface = 'desk' }: { surface?: StatusSurface }) {
  const { t } = useTranslation();
  const transport = useApp((s) => s.transport);
  const connection = useApp(selectConnection);
  const pending = useApp(selectPending);
  const stuck = useApp(selectStuck);
  const syncing = useApp((s) => s.sync?.syncing ?? false);
  const updateRequired = useApp((s) => s.sync?.updateRequired ?? false);
  const lastError = useApp((s) => s.lastError);
  const clearError = useApp((s) => s.clearError);
  const state = transport !== 'open' ? `transport-${transport}` : (connection ?? 'connecting');
  return (
    <div className="status-area" role="status" aria-label={t('status.label')} data-testid="status-area" data-state={state}>
      <span className={`status-dot dot-${state}`} aria-hidden="true" />
      <span className="status-connection">
        {transport !== 'open' ? t(transportKey(transport)) : connection ? t(connectionKey(connection)) : t('app.loading')}
      </span>
      {syncing ? <span className="status-chip">{t('status.syncing')}</span> : null}
      {showsPendingCount(connection, surface) ? (
        <span className={pending > 0 ? 'status-chip chip-warn' : 'status-chip'} data-testid="pending-count">
          {pending > 0 ? t('status.pending', { count: pending }) : t('status.noPending')}
        </span>
      ) : null}
      {stuck > 0 ? <span className="status-chip chip-alert" data-testid="stuck-count">{t('status.stuck', { count: stuck })}</span> : null}
      {updateRequired ? <span className="status-chip chip-alert">{t('status.updateRequired')}</span> : null}
      {lastError ? (
        <span className="status-error">
          <ErrorText error={lastError} />
          <button type="button" onClick={clearError}>{t('status.dismissError')}</button>
        </span>
      ) : null}
    </div>
  );
}
