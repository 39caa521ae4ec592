import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Aar } from '../../../domain/aar';
import { ErrorText } from '../../app/ErrorText';
import { formatTime } from '../../lib/time';
import { selectLanguage, selectTimeZone } from '../../state/selectors';
import { useApp } from '../../state/store-context';
import { useActorLabel } from '../../state/use-actor-label';
import { useCan } from '../../state/use-can';
import { useMutation } from '../../state/use-mutation';

/**
 * Whether the report is still a draft or is the record, and its owner's sign-off and reopening. The owner is the
 * facilitator for an exercise's AAR/IP and the writers for an incident's (the server checks the same).
 */
export function AarFinalState({ aar }: { aar: Aar }) {
  const { t } = useTranslation();
  const timeZone = useApp(selectTimeZone);
  const locale = useApp(selectLanguage);
  const owner = useCan(aar.exercise ? 'exercise.control' : 'aar.write');
  const finalize = useMutation('aar.finalize');
  const reopen = useMutation('aar.reopen');
  const [reason, setReason] = useState('');
  const name = useActorLabel();
  const when = (at: number) => formatTime(at, timeZone, locale);
  const last = aar.reopenings?.at(-1);
  const failure = finalize.error ?? reopen.error;
  const onFinalize = () => {
    if (window.confirm(t('aar.final.confirm'))) void finalize.run({ incidentId: aar.incidentId });
  };
  const onReopen = (event: FormEvent) => {
    event.preventDefault();
    void reopen.run({ incidentId: aar.incidentId, reason }).then((error) => (error ? undefined : setReason('')));
  };
  return (
    <div className="aar-final" role="status" aria-live="polite" data-testid="aar-final-state">
      {aar.final ? (
        <p><strong>{t('aar.final.finalState', { by: name(aar.final.by).name, at: when(aar.final.at) })}</strong></p>
      ) : (
        <p>
          {t('aar.final.draftState')}
          {last ? <span className="muted"> {t('aar.final.reopened', { by: name(last.by).name, at: when(last.at), reason: last.reason })}</span> : null}
        </p>
      )}
      {!aar.final ? (
        <button type="button" className="primary" disabled={!owner.allowed || finalize.busy} title={owner.title} onClick={onFinalize}>{t('aar.final.finalise')}</button>
      ) : owner.allowed ? (
        <form className="form aar-reopen" onSubmit={onReopen}>
          <label>
            <span>{t('aar.final.reopenReason')}</span>
            <input name="reason" required maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
          </label>
          <button type="submit" className="secondary" disabled={reopen.busy}>{t('aar.final.reopen')}</button>
        </form>
      ) : null}
      {failure ? <ErrorText error={failure} /> : null}
    </div>
  );
}
