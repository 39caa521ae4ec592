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
import { useLive } from '../../state/use-live';
import { useMutation } from '../../state/use-mutation';
import { useCan } from '../../state/use-can';
import { ExerciseAarPanel } from '../aar';
import { EvaluationGuide } from './EvaluationGuide';
import { EvaluatorNotes } from './EvaluatorNotes';
import { Hotwash } from './Hotwash';
import { InjectConsole } from './InjectConsole';
import { clockStateLabel } from './labels';

/** The exercise clock beside real time, with the facilitator's and controllers' start, pause, resume, jump and end. */
function ExerciseClock({ exercise, now, controls }: { exercise: Exercise; now: number; controls: boolean }) {
  const { t } = useTranslation();
  const timeZone = useApp(selectTimeZone);
  const locale = useApp(selectLanguage);
  const [jumpTo, setJumpTo] = useState('');
  const [jumpProblem, setJumpProblem] = useState<string | null>(null);
  const start = useMutation('exercise.start');
  const pause = useMutation('exercise.pause');
  const resume = useMutation('exercise.resume');
  const jump = useMutation('exercise.jump');
  const end = useMutation('exercise.end');
  const error = start.error ?? pause.error ?? resume.error ?? jump.error ?? end.error;
  const id = exercise.id;
  const doJump = () => {
    const target = triggerFromCells(jumpTo.trim(), '');
    if ('reason' in target || target.type !== 'at') {
      setJumpProblem('reason' in target ? target.reason : t('exercises.console.jumpTo'));
      return;
    }
    setJumpProblem(null);
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
      {controls ? <div className="exercise-clock-actions">
        {exercise.status === 'draft' ? <button type="button" className="primary" onClick={() => void start.run({ id })}>{t('exercises.console.start')}</button> : null}
        {exercise.status === 'running' ? <button type="button" onClick={() => void pause.run({ id })}>{t('exercises.console.pause')}</button> : null}
        {exercise.status === 'paused' ? <button type="button" className="primary" onClick={() => void resume.run({ id })}>{t('exercises.console.resume')}</button> : null}
        {exercise.status === 'running' || exercise.status === 'paused' ? (
          <form className="exercise-jump" onSubmit={(e) => { e.preventDefault(); doJump(); }}>
            <label>
              {t('exercises.console.jumpTo')}
              <input value={jumpTo} onChange={(e) => setJumpTo(e.target.value)} placeholder="01:30" size={6} />
            </label>
            <button type="submit">{t('exercises.console.jump')}</button>
          </form>
        ) : null}
        {exercise.status === 'running' || exercise.status === 'paused' ? (
          <button type="button" className="danger" onClick={() => { if (window.confirm(t('exercises.console.endConfirm'))) void end.run({ id }); }}>{t('exercises.console.end')}</button>
        ) : null}
      </div> : null}
      {jumpProblem ? <p role="alert">{jumpProblem}</p> : null}
      {error ? <ErrorText error={error} /> : null}
    </section>
  );
}

/**
 * The exercise page (演练导调台): for controllers the clock and every inject with where it stands, delivered by
 * hand or skipped (delivery on schedule is the workstation's); for evaluators the same, read-only, with the
 * evaluation guides and their notes; for everyone the hot wash once play ends; the AAR/IP for those who see the
 * scenario. Players see no MSEL here: their injects come to the top of every page.
 */
export function ExerciseConsolePage() {
  const { t } = useTranslation();
  const now = useNow();
  const control = useCan('exercise.control');
  const msel = useLive('msel.get', {}).data;
  const me = useLive('exercise.inbox', {}).data;
  const evaluation = useLive('evaluation.get', {}).data;
  if (!msel || !me || !evaluation) return null;
  if (msel.space.kind !== 'exercise') return <p className="panel muted">{t('exercises.console.notExercise')}</p>;
  const exercise = msel.exercise;
  if (!exercise) return <div className="exercise-console"><p className="panel muted">{t('exercises.console.noExercise')}</p></div>;
  const evaluates = control.allowed || evaluation.role === 'evaluator';
  const takesPart = control.allowed || evaluation.role !== null;
  return (
    <div className="exercise-console">
      <h2 className="visually-hidden">{t('exercises.console.title')}</h2>
      {me.controls || evaluation.seesScenario ? (
        <>
          <ExerciseClock exercise={exercise} now={now} controls={me.controls} />
          {me.controls ? null : <p className="panel muted">{t('exercises.console.watchOnly')}</p>}
          <InjectConsole exercise={exercise} injects={msel.injects} now={now} readOnly={!me.controls} />
        </>
      ) : (
        <p className="panel muted">{t('exercises.console.notController')}</p>
      )}
      {evaluation.seesScenario ? (
        <>
          <EvaluationGuide exercise={exercise} ratings={evaluation.ratings} mayRate={evaluates} />
          <EvaluatorNotes exercise={exercise} injects={evaluation.injects} notes={evaluation.notes} mayWrite={evaluates} />
        </>
      ) : null}
      {takesPart ? <Hotwash exercise={exercise} notes={evaluation.hotwash} mayWrite={takesPart} /> : null}
      {evaluation.seesScenario ? <ExerciseAarPanel exercise={exercise} /> : null}
    </div>
  );
}
