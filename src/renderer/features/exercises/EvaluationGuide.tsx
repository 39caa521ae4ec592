import type { TFunction } from 'i18next';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Exercise } from '../../../domain/exercises/exercise';
import type { ObjectiveRating } from '../../../domain/exercises/evaluation';
import { PerformanceRatingSchema } from '../../../domain/exercises/evaluation';
import { ActorName } from '../../app/ActorName';
import { ErrorText } from '../../app/ErrorText';
import { useCan } from '../../state/use-can';
import { useMutation } from '../../state/use-mutation';
import { ObjectiveVerifies } from '../aar';

type Rating = ObjectiveRating['rating'];
type Objective = Exercise['objectives'][number];

// Written out letter by letter so the i18n test sees every key (no computed keys).
export function ratingLabel(t: TFunction, rating: Rating): string {
  switch (rating) {
    case 'P': return t('exercises.evaluation.rating.P');
    case 'S': return t('exercises.evaluation.rating.S');
    case 'M': return t('exercises.evaluation.rating.M');
    case 'U': return t('exercises.evaluation.rating.U');
  }
}

/** The facilitator writes an objective's critical tasks, one a line, before and during play. */
function CriticalTasksForm({ exercise, objective }: { exercise: Exercise; objective: Objective }) {
  const { t } = useTranslation();
  const save = useMutation('exercise.setCriticalTasks');
  const [typed, setTyped] = useState<string | null>(null);
  const text = typed ?? (objective.criticalTasks ?? []).join('\n');
  const onSave = (event: FormEvent) => {
    event.preventDefault();
    const criticalTasks = text.split('\n').map((line) => line.trim()).filter(Boolean);
    void save.run({ id: exercise.id, objectiveId: objective.id, criticalTasks }).then((error) => (error ? undefined : setTyped(null)));
  };
  return (
    <form className="form eeg-tasks" onSubmit={onSave}>
      <label>
        <span>{t('exercises.evaluation.criticalTasksEdit', { objective: objective.text })}</span>
        <textarea aria-label={t('exercises.evaluation.criticalTasksEdit', { objective: objective.text })} rows={3} value={text} onChange={(e) => setTyped(e.target.value)} maxLength={20 * 501} />
      </label>
      <button type="submit" className="secondary" disabled={save.busy || typed === null}>{t('exercises.evaluation.saveTasks')}</button>
      {save.error ? <ErrorText error={save.error} /> : null}
    </form>
  );
}

/** An evaluator rates the objective P/S/M/U with a rationale; rating again replaces their rating, keeping the earlier one. */
function RateForm({ exercise, objective, index }: { exercise: Exercise; objective: Objective; index: number }) {
  const { t } = useTranslation();
  const rate = useMutation('evaluation.rate');
  const [rating, setRating] = useState<Rating>('P');
  const [rationale, setRationale] = useState('');
  const onRate = (event: FormEvent) => {
    event.preventDefault();
    void rate.run({ exerciseId: exercise.id, objectiveId: objective.id, rating, rationale }).then((error) => (error ? undefined : setRationale('')));
  };
  return (
    <form className="form eeg-rate" onSubmit={onRate}>
      <label>
        <span>{t('exercises.evaluation.ratingFor', { number: index + 1 })}</span>
        <select aria-label={t('exercises.evaluation.ratingFor', { number: index + 1 })} value={rating} onChange={(e) => setRating(PerformanceRatingSchema.parse(e.target.value))}>
          {PerformanceRatingSchema.options.map((r) => <option key={r} value={r}>{ratingLabel(t, r)}</option>)}
        </select>
      </label>
      <label>
        <span>{t('exercises.evaluation.rationaleFor', { number: index + 1 })}</span>
        <textarea aria-label={t('exercises.evaluation.rationaleFor', { number: index + 1 })} rows={2} required maxLength={4000} value={rationale} onChange={(e) => setRationale(e.target.value)} />
      </label>
      <button type="submit" className="primary" disabled={rate.busy}>{t('exercises.evaluation.rate', { number: index + 1 })}</button>
      {rate.error ? <ErrorText error={rate.error} /> : null}
    </form>
  );
}

/**
 * The Exercise Evaluation Guides: each objective with its capability, its critical tasks and the evaluators'
 * ratings. Evaluators (and the facilitator) rate; the facilitator writes the critical tasks until play ends.
 */
export function EvaluationGuide({ exercise, ratings, mayRate }: { exercise: Exercise; ratings: readonly ObjectiveRating[]; mayRate: boolean }) {
  const { t } = useTranslation();
  const control = useCan('exercise.control');
  const open = exercise.status !== 'ended' && exercise.status !== 'cancelled';
  return (
    <section className="panel eeg" aria-labelledby="eeg-title">
      <h2 id="eeg-title">{t('exercises.evaluation.guide')}</h2>
      {exercise.objectives.map((objective, index) => {
        const mine = ratings.filter((r) => r.objectiveId === objective.id);
        return (
          <article key={objective.id} className="eeg-objective" aria-labelledby={`eeg-${objective.id}`} data-testid={`eeg-${index + 1}`}>
            <h3 id={`eeg-${objective.id}`}>{index + 1}. {objective.text}</h3>
            {objective.capability ? <p className="muted">{t('exercises.evaluation.capability', { capability: objective.capability })}</p> : null}
            <h4>{t('exercises.evaluation.criticalTasks')}</h4>
            {(objective.criticalTasks ?? []).length === 0 ? <p className="muted">{t('exercises.evaluation.noTasks')}</p> : (
              <ul>{(objective.criticalTasks ?? []).map((task) => <li key={task}>{task}</li>)}</ul>
            )}
            {control.allowed && open ? <CriticalTasksForm exercise={exercise} objective={objective} /> : null}
            {control.allowed && exercise.status !== 'cancelled' ? <ObjectiveVerifies exercise={exercise} objective={objective} /> : null}
            <h4>{t('exercises.evaluation.ratings')}</h4>
            {mine.length === 0 ? <p className="muted">{t('exercises.evaluation.notRated')}</p> : (
              <ul className="eeg-ratings">
                {mine.map((r) => (
                  <li key={r.id} data-testid="eeg-rating">
                    <strong>{ratingLabel(t, r.rating)}</strong> — {r.rationale} (<ActorName id={r.by} />)
                  </li>
                ))}
              </ul>
            )}
            {mayRate ? <RateForm exercise={exercise} objective={objective} index={index} /> : null}
          </article>
        );
      })}
    </section>
  );
}
