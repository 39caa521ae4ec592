import './console.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { exerciseTime, formatExerciseTime, type Exercise } from '../../../domain/exercises/exercise';
import { triggerFromCells } from '../../../domain/exercises/msel-csv';
import { ErrorText } from '../../app/ErrorText';
import { useNow } from '../../app/use-now';
import { formatTime } from '../../lib/time';
import { selectLanguage, selectTimeZone } from '../../state/selectors';
import { useApp } from '../../state/store-context';
import { useCan } from '../../state/use-can';
import { useLive } from '../../state/use-live';
import { useMutation } from '../../state/use-mutation';
import { InjectConsole } from './InjectConsole';
import { clockStateLabel } from './labels';

/** The exercise clock beside real time, with the facilitator's start, pause, resume and jump. */
function ExerciseClock({ exercise, now }: { exercise: Exercise; now: number }) {
  const { t } = useTranslation();
  const timeZone = useApp(selectTimeZone);
  const locale = useApp(selectLanguage);
  const [jumpTo, setJumpTo] = useState('');
  const [jumpProblem, setJumpProblem] = useState<string | null>(null);
  const start = useMutation('exercise.start');
  const pause = useMutation('exercise.pause');
  const resume = useMutation('exercise.resume');
  const jump = useMutation('exercise.jump');
  // A controller of this exercise delivers injects, but the clock is the facilitator's (exercise.control).
  const clock = useCan('exercise.control');
  const off = !clock.allowed;
  const error = start.error ?? pause.error ?? resume.error ?? jump.error;
  const id = exercise.id;
  const doJump = () => {
    const target = triggerFromCells(jumpTo.trim(), '');
    if ('reason' in target || target.type !== 'at') {
      setJumpProblem('reason' in target ? target.reason : t('exercises.console.jumpTo'));
      return;
    }
    setJumpProblem(null);
    if (off) return;
    void jump.run({ id, toMinutes: target.minutes });
  };
  return (
    <section className="panel exercise-clock" aria-labelledby="exercise-clock-title">
      <h2 id="exercise-clock-title">{t('exercises.console.clock')}</h2>
      <dl className="exercise-clock-times">
        <div>
          <dt>{t('exercises.console.exerciseTime')}</dt>
          <dd data-testid="exercise-time">{formatExerciseTime(exerciseTime(exercise, now), true)}</dd>
        </div>
        <div>
          <dt>{t('exercises.console.realTime')}</dt>
          <dd>{formatTime(now, timeZone, locale, true)}</dd>
        </div>
        <div>
          <dt className="visually-hidden">{t('exercises.console.clock')}</dt>
          <dd className={`exercise-clock-state state-${exercise.status}`} role="status">{clockStateLabel(t, exercise.status)}</dd>
        </div>
      </dl>
      {exercise.realWorldStop ? <p role="alert" className="exercise-stop">{t('exercises.console.stopped', { reason: exercise.realWorldStop.reason })}</p> : null}
      <div className="exercise-clock-actions">
        {exercise.status === 'draft' ? <button type="button" className="primary" onClick={() => void start.run({ id })} disabled={off} title={clock.title}>{t('exercises.console.start')}</button> : null}
        {exercise.status === 'running' ? <button type="button" onClick={() => void pause.run({ id })} disabled={off} title={clock.title}>{t('exercises.console.pause')}</button> : null}
        {exercise.status === 'paused' ? <button type="button" className="primary" onClick={() => void resume.run({ id })} disabled={off} title={clock.title}>{t('exercises.console.resume')}</button> : null}
        {exercise.status === 'running' || exercise.status === 'paused' ? (
          <form className="exercise-jump" onSubmit={(e) => { e.preventDefault(); doJump(); }}>
            <label>
              {t('exercises.console.jumpTo')}
              <input value={jumpTo} onChange={(e) => setJumpTo(e.target.value)} placeholder="01:30" size={6} disabled={off} />
            </label>
            <button type="submit" disabled={off} title={clock.title}>{t('exercises.console.jump')}</button>
          </form>
        ) : null}
      </div>
      {jumpProblem ? <p role="alert">{jumpProblem}</p> : null}
      {error ? <ErrorText error={error} /> : null}
    </section>
  );
}

/**
 * The controller's console (演练导调台): the exercise clock, and every inject with where it stands, delivered by
 * hand or skipped. Delivery on schedule is the workstation's: this page only shows it happening.
 */
export function ExerciseConsolePage() {
  const { t } = useTranslation();
  const now = useNow();
  const msel = useLive('msel.get', {}).data;
  const me = useLive('exercise.inbox', {}).data;
  if (!msel || !me) return null;
  if (msel.space.kind !== 'exercise') return <p className="panel muted">{t('exercises.console.notExercise')}</p>;
  const exercise = msel.exercise;
  return (
    <div className="exercise-console">
      <h2 className="visually-hidden">{t('exercises.console.title')}</h2>
      {!exercise ? <p className="panel muted">{t('exercises.console.noExercise')}</p> : !me.controls ? (
        <p className="panel muted">{t('exercises.console.notController')}</p>
      ) : (
        <>
          <ExerciseClock exercise={exercise} now={now} />
          <InjectConsole exercise={exercise} injects={msel.injects} now={now} />
        </>
      )}
    </div>
  );
}
