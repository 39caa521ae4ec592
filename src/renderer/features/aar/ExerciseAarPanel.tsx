import { useTranslation } from 'react-i18next';
import { formatDuration, formatExerciseTime, type Exercise } from '../../../domain/exercises';
import { ErrorText } from '../../app/ErrorText';
import { formatTime } from '../../lib/time';
import { selectLanguage, selectTimeZone } from '../../state/selectors';
import { useApp } from '../../state/store-context';
import { useCan } from '../../state/use-can';
import { useLive } from '../../state/use-live';
import { useMutation } from '../../state/use-mutation';
import { AarFinalState } from './AarFinalState';
import { AarPdfButtons } from './AarPdfButtons';
import { AarWriting } from './AarWriting';
import './aar.css';

/**
 * An exercise's AAR/IP: drafted once play has ended from the ratings, the evaluators' notes, the hot wash and the
 * inject → action times, then written and turned into corrective actions exactly as an incident's AAR is.
 */
export function ExerciseAarPanel({ exercise }: { exercise: Exercise }) {
  const { t } = useTranslation();
  const timeZone = useApp(selectTimeZone);
  const locale = useApp(selectLanguage);
  const write = useCan('aar.write');
  const canWrite = write.allowed;
  const live = useLive('aar.get', { incidentId: exercise.id });
  const draft = useMutation('aar.draftExercise');
  const refresh = useMutation('aar.refresh');
  const aar = live.data?.aar ?? null;
  const ended = exercise.status === 'ended';
  const failure = draft.error ?? refresh.error;
  const responses = aar?.exercise?.injects ?? [];
  return (
    <div className="aar" data-testid="exercise-aar">
      <section className="panel" aria-labelledby="exercise-aar-title">
        <h2 id="exercise-aar-title">{t('aar.exercise.title')}</h2>
        <p className="muted">{ended ? t('aar.exercise.intro') : t('aar.exercise.notEnded')}</p>
        <div className="aar-toolbar">
          {ended && aar === null && live.data ? (
            <button type="button" className="primary" disabled={!canWrite || draft.busy} title={write.title} onClick={() => void draft.run({ exerciseId: exercise.id })}>{t('aar.exercise.draft')}</button>
          ) : null}
          {aar ? (
            <>
              {canWrite && !aar.final ? <button type="button" className="secondary" disabled={refresh.busy} onClick={() => void refresh.run({ incidentId: exercise.id })}>{t('aar.exercise.refresh')}</button> : null}
              <AarPdfButtons incidentId={exercise.id} />
            </>
          ) : null}
        </div>
        {failure ? <ErrorText error={failure} /> : null}
        {aar ? <AarFinalState aar={aar} /> : null}
        {aar ? (
          <table className="aar-responses" aria-label={t('aar.exercise.responses')}>
            <caption>{t('aar.exercise.responses')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('aar.exercise.col.inject')}</th>
                <th scope="col">{t('aar.exercise.col.delivered')}</th>
                <th scope="col">{t('aar.exercise.col.acknowledge')}</th>
                <th scope="col">{t('aar.exercise.col.action')}</th>
              </tr>
            </thead>
            <tbody>
              {responses.length === 0 ? (
                <tr><td colSpan={4} className="muted">{t('aar.none')}</td></tr>
              ) : responses.map((r) => (
                <tr key={r.number}>
                  <th scope="row">#{r.number} {r.subject}</th>
                  <td>{formatExerciseTime(r.deliveredAtExercise)} ({formatTime(r.deliveredAt, timeZone, locale)})</td>
                  <td>{r.acknowledgeMs === undefined ? '—' : formatDuration(r.acknowledgeMs)}</td>
                  <td>{r.actionMs === undefined ? '—' : formatDuration(r.actionMs)}{r.actedOnNote ? ` · ${r.actedOnNote}` : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>
      {aar ? <AarWriting aar={aar} actions={live.data?.actions ?? []} plans={live.data?.plans ?? []} canWrite={canWrite} tests={live.data?.tests ?? []} /> : null}
    </div>
  );
}
