import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Incident } from '../../../domain/incidents/incident';
import { ErrorText } from '../../app/ErrorText';
import { incidentStatusKey } from '../../i18n/keys';
import type { UiError } from '../../lib/ui-error';
import { useMutation } from '../../state/use-mutation';

type Action = 'demobilise' | 'activate' | 'close';

/** Period, demobilisation and closing; level changes with their reason stay in the incident controls. */
export function LifecyclePanel({ incident }: { incident: Incident }) {
  const { t } = useTranslation();
  const demobilise = useMutation('incident.demobilise').run;
  const activate = useMutation('incident.activate').run;
  const close = useMutation('incident.close').run;
  const startPeriod = useMutation('incident.startPeriod').run;
  const [reason, setReason] = useState('');
  const [error, setError] = useState<UiError | null>(null);

  const act = async (action: Action): Promise<void> => {
    const send = action === 'demobilise' ? demobilise : action === 'activate' ? activate : close;
    const failed = await send({ id: incident.id, reason });
    setError(failed);
    if (!failed) setReason('');
  };
  const nextPeriod = async (): Promise<void> => {
    setError(await startPeriod({ id: incident.id, period: incident.period + 1 }));
  };

  return (
    <section className="panel lifecycle" aria-labelledby="lifecycle-title" data-testid="lifecycle">
      <h2 id="lifecycle-title">{t('board.lifecycle.title')}</h2>
      <p className="lifecycle-status">
        {t('board.lifecycle.status')} <strong data-testid="incident-status">{t(incidentStatusKey(incident.status))}</strong>
      </p>
      <button type="button" onClick={() => void nextPeriod()} disabled={incident.status === 'closed'} data-testid="start-period">
        {t('board.lifecycle.nextPeriod', { period: incident.period + 1 })}
      </button>
      <label>
        <span>{t('board.lifecycle.reason')}</span>
        <input name="lifecycleReason" maxLength={500} value={reason} placeholder={t('board.lifecycle.reasonPlaceholder')} onChange={(e) => setReason(e.target.value)} />
      </label>
      <div className="actions">
        {incident.status === 'active' ? <button type="button" onClick={() => void act('demobilise')}>{t('board.lifecycle.demobilise')}</button> : null}
        {incident.status === 'demobilising' ? <button type="button" onClick={() => void act('activate')}>{t('board.lifecycle.activate')}</button> : null}
        {incident.status !== 'closed' ? <button type="button" className="danger" onClick={() => void act('close')}>{t('board.lifecycle.close')}</button> : null}
      </div>
      {error ? <ErrorText error={error} /> : null}
    </section>
  );
}
