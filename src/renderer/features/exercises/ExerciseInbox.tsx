import './console.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Inject } from '../../../domain/exercises/injects';
import { ErrorText } from '../../app/ErrorText';
import { formatTime } from '../../lib/time';
import { selectIsExercise, selectLanguage, selectTimeZone } from '../../state/selectors';
import { useApp } from '../../state/store-context';
import { useCan } from '../../state/use-can';
import { useLive } from '../../state/use-live';
import { useMutation } from '../../state/use-mutation';
import { methodLabel } from './labels';

/** `denied`: who may answer, when this user may not (neither incident.write nor a player of this exercise). */
function Notice({ inject, denied }: { inject: Inject; denied: string | undefined }) {
  const { t } = useTranslation();
  const timeZone = useApp(selectTimeZone);
  const locale = useApp(selectLanguage);
  const [note, setNote] = useState('');
  const acknowledge = useMutation('inject.acknowledge');
  const actOn = useMutation('inject.actOn');
  const at = (ms: number) => formatTime(ms, timeZone, locale);
  const titleId = `inbox-notice-${inject.id}`;
  const error = acknowledge.error ?? actOn.error;
  return (
    <article className="inbox-notice" aria-labelledby={titleId} data-testid={`notice-${inject.number}`}>
      <h3 id={titleId}>#{inject.number} {inject.subject}</h3>
      <p className="muted">{t('exercises.inbox.from', { from: inject.from, method: methodLabel(t, inject.method), time: at(inject.deliveredAt ?? 0) })}</p>
      <p>{inject.message}</p>
      <div className="inbox-actions">
        {inject.acknowledgedAt === undefined ? (
          <button type="button" className="primary" onClick={() => void acknowledge.run({ id: inject.id })} disabled={acknowledge.busy || denied !== undefined} title={denied}>
            {t('exercises.inbox.acknowledge', { number: inject.number })}
          </button>
        ) : (
          <>
            <span role="status">{t('exercises.inbox.acknowledged', { time: at(inject.acknowledgedAt) })}</span>
            <label>
              {t('exercises.inbox.note', { number: inject.number })}
              <textarea value={note} onChange={(e) => setNote(e.target.value)} rows={2} maxLength={2000} disabled={denied !== undefined} />
            </label>
            <button type="button" onClick={() => void actOn.run({ id: inject.id, note })} disabled={actOn.busy || denied !== undefined} title={denied}>
              {t('exercises.inbox.actOn', { number: inject.number })}
            </button>
          </>
        )}
      </div>
      {error ? <ErrorText error={error} /> : null}
    </article>
  );
}

/**
 * A player's notices: the injects delivered to the position they play, on every page of the exercise space until
 * they have acknowledged them and said what they did. Nothing of the MSEL ahead is shown.
 */
export function ExerciseInbox() {
  const { t } = useTranslation();
  const inExercise = useApp(selectIsExercise);
  const inbox = useLive('exercise.inbox', inExercise ? {} : null).data;
  const open = inbox?.injects.filter((i) => i.actedOnAt === undefined) ?? [];
  // The server lets anyone with incident.write answer an inject, and a player of this exercise whatever their role.
  const write = useCan('incident.write');
  const denied = write.allowed || inbox?.role === 'player' ? undefined : write.whoMay;
  if (!inExercise || !inbox || open.length === 0) return null;
  return (
    <section className="exercise-inbox" aria-labelledby="exercise-inbox-title" data-testid="exercise-inbox">
      <h2 id="exercise-inbox-title">{t('exercises.inbox.title', { position: inbox.position ?? '—' })}</h2>
      {open.map((inject) => <Notice key={inject.id} inject={inject} denied={denied} />)}
    </section>
  );
}
