import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { exerciseOver, formatExerciseTime, type Exercise } from '../../../domain/exercises/exercise';
import { injectStage, type Inject } from '../../../domain/exercises/injects';
import { formatMinutes } from '../../../domain/exercises/msel-csv';
import { ActorName } from '../../app/ActorName';
import { ErrorText } from '../../app/ErrorText';
import { formatTime } from '../../lib/time';
import { selectLanguage, selectTimeZone } from '../../state/selectors';
import { useApp } from '../../state/store-context';
import { useMutation } from '../../state/use-mutation';
import { methodLabel, stageLabel } from './labels';

function dueText(t: TFunction, inject: Inject): string {
  const trigger = inject.trigger;
  switch (trigger.type) {
    case 'at': return formatExerciseTime(trigger.minutes * 60_000);
    case 'after': return t('exercises.console.due.after', { time: formatMinutes(trigger.minutes), number: trigger.inject });
    case 'acted': return t('exercises.console.due.acted', { time: formatMinutes(trigger.minutes), number: trigger.inject });
    case 'manual': return t('exercises.console.due.manual');
  }
}

/** What happened to a delivered inject and when: delivered, seen, acted on (with the player's words). */
function History({ inject }: { inject: Inject }) {
  const { t } = useTranslation();
  const timeZone = useApp(selectTimeZone);
  const locale = useApp(selectLanguage);
  const at = (ms: number) => formatTime(ms, timeZone, locale);
  return (
    <ul className="inject-history">
      {inject.deliveredAt !== undefined ? (
        <li>{t('exercises.console.deliveredAt', { exerciseTime: formatExerciseTime(inject.deliveredAtExercise ?? 0), time: at(inject.deliveredAt) })}</li>
      ) : null}
      {inject.acknowledgedAt !== undefined ? (
        <li>
          {t('exercises.console.acknowledgedAt', { time: at(inject.acknowledgedAt) })} {inject.acknowledgedBy ? <ActorName id={inject.acknowledgedBy} /> : null}
        </li>
      ) : null}
      {inject.actedOnAt !== undefined ? (
        <li>
          {t('exercises.console.actedAt', { time: at(inject.actedOnAt), note: inject.actedOnNote ?? '' })} {inject.actedOnBy ? <ActorName id={inject.actedOnBy} /> : null}
        </li>
      ) : null}
    </ul>
  );
}

/**
 * The MSEL as the controllers run it: each inject's stage, with "deliver now" and "skip" while it is still to come.
 * Read-only for evaluators, who watch the scenario but do not run it, and for everyone once the exercise is over
 * (the server refuses both then, `exercise_over`).
 */
export function InjectConsole({ exercise, injects, now, readOnly = false }: { exercise: Exercise; injects: readonly Inject[]; now: number; readOnly?: boolean }) {
  const { t } = useTranslation();
  const deliver = useMutation('inject.deliver');
  const skip = useMutation('inject.skip');
  const byNumber = new Map(injects.map((i) => [i.number, i]));
  const error = deliver.error ?? skip.error;
  const over = exerciseOver(exercise);
  const runs = !readOnly && !over;
  return (
    <section className="panel inject-console" aria-labelledby="inject-console-title">
      <h2 id="inject-console-title">{t('exercises.console.msel')}</h2>
      {error ? <ErrorText error={error} /> : null}
      {over && !readOnly ? <p className="muted">{t('exercises.console.over')}</p> : null}
      {injects.length === 0 ? <p className="muted">{t('exercises.console.empty')}</p> : (
        <table className="inject-table">
          <thead>
            <tr>
              <th scope="col">{t('exercises.console.col.number')}</th>
              <th scope="col">{t('exercises.console.col.due')}</th>
              <th scope="col">{t('exercises.console.col.event')}</th>
              <th scope="col">{t('exercises.console.col.to')}</th>
              <th scope="col">{t('exercises.console.col.method')}</th>
              <th scope="col">{t('exercises.console.col.status')}</th>
              {runs ? <th scope="col">{t('exercises.console.col.actions')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {injects.map((inject) => {
              const stage = injectStage(inject, exercise, byNumber, now);
              return (
                <tr key={inject.id} className={`stage-${stage}`} data-testid={`inject-${inject.number}`}>
                  <td>{inject.number}</td>
                  <td>{dueText(t, inject)}</td>
                  <th scope="row">{inject.subject}</th>
                  <td>{inject.to}</td>
                  <td>{methodLabel(t, inject.method)}</td>
                  <td>
                    <span className={`inject-stage stage-${stage}`} data-testid="inject-stage">{stageLabel(t, stage)}</span>
                    <History inject={inject} />
                  </td>
                  {runs ? <td>
                    {inject.status === 'pending' ? (
                      <div className="inject-actions">
                        <button type="button" onClick={() => void deliver.run({ id: inject.id })} disabled={exercise.status !== 'running'}>
                          {t('exercises.console.deliverNow', { number: inject.number })}
                        </button>
                        <button type="button" onClick={() => void skip.run({ id: inject.id })}>{t('exercises.console.skip', { number: inject.number })}</button>
                      </div>
                    ) : null}
                  </td> : null}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
