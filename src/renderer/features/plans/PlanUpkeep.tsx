import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { newId } from '../../../domain/ids';
import { revisionTriggers, type Plan } from '../../../domain/plans';
import { ErrorText } from '../../app/ErrorText';
import { PlanCorrectiveActions } from '../aar';
import { fromZonedInputValue, toZonedInputValue } from '../../lib/time';
import { selectTimeZone } from '../../state/selectors';
import { useApp } from '../../state/store-context';
import { useCan } from '../../state/use-can';
import { useMutation } from '../../state/use-mutation';
import { exerciseKindLabel, triggerLabel } from './labels';

const exerciseKinds = ['tabletop', 'drill', 'functional', 'full_scale', 'real_activation'] as const;

/** Keeping a plan current: record a review or an exercise (with when it was held), or open the next revision. */
export function PlanUpkeep({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const timeZone = useApp(selectTimeZone);
  const review = useMutation('plan.recordReview');
  const exercise = useMutation('plan.recordExercise');
  const revise = useMutation('plan.revise');
  const manage = useCan('plan.manage');
  const [outcome, setOutcome] = useState<'no_change' | 'revision_needed'>('no_change');
  const [kind, setKind] = useState<(typeof exerciseKinds)[number]>('tabletop');
  const [heldAt, setHeldAt] = useState(() => toZonedInputValue(Date.now(), timeZone));
  const [note, setNote] = useState('');
  const [trigger, setTrigger] = useState<(typeof revisionTriggers)[number]>('lessons_from_response_or_exercise');
  const [summary, setSummary] = useState('');
  const [closes, setCloses] = useState<string[]>([]);
  const at = fromZonedInputValue(heldAt, timeZone) ?? undefined;
  const done = (error: unknown) => (error ? undefined : setNote(''));
  const onReview = (e: FormEvent) => {
    e.preventDefault();
    void review.run({ planId: plan.id, outcome, note, ...(at === undefined ? {} : { at }) }).then(done);
  };
  const onExercise = (e: FormEvent) => {
    e.preventDefault();
    void exercise.run({ planId: plan.id, kind, note, ...(at === undefined ? {} : { at }) }).then(done);
  };
  const onRevise = (e: FormEvent) => {
    e.preventDefault();
    void revise.run({ versionId: newId(), planId: plan.id, trigger, summary, closes }).then((error) => {
      if (error) return;
      setSummary('');
      setCloses([]);
    });
  };
  const error = review.error ?? exercise.error ?? revise.error;
  if (plan.currentVersionId === undefined || plan.status === 'retired') return null;
  return (
    <details className="plans-upkeep" data-testid="plan-upkeep">
      <summary>{t('plans.upkeep.title')}</summary>
      <div className="form plans-upkeep-common">
        <label><span>{t('plans.upkeep.heldAt')}</span><input type="datetime-local" name="heldAt" value={heldAt} onChange={(e) => setHeldAt(e.target.value)} /></label>
        <label><span>{t('plans.upkeep.note')}</span><input name="note" maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} /></label>
      </div>
      <form className="form plans-upkeep-row" onSubmit={onReview}>
        <label>
          <span>{t('plans.upkeep.outcome')}</span>
          <select name="outcome" value={outcome} onChange={(e) => setOutcome(e.target.value === 'revision_needed' ? 'revision_needed' : 'no_change')}>
            <option value="no_change">{t('plans.upkeep.noChange')}</option>
            <option value="revision_needed">{t('plans.upkeep.revisionNeeded')}</option>
          </select>
        </label>
        <button type="submit" className="secondary" disabled={review.busy || !manage.allowed} title={manage.title}>{t('plans.upkeep.recordReview')}</button>
      </form>
      <form className="form plans-upkeep-row" onSubmit={onExercise}>
        <label>
          <span>{t('plans.upkeep.kind')}</span>
          <select name="kind" value={kind} onChange={(e) => setKind(exerciseKinds.find((k) => k === e.target.value) ?? 'tabletop')}>
            {exerciseKinds.map((k) => <option key={k} value={k}>{exerciseKindLabel[k](t)}</option>)}
          </select>
        </label>
        <button type="submit" className="secondary" disabled={exercise.busy || !manage.allowed} title={manage.title}>{t('plans.upkeep.recordExercise')}</button>
      </form>
      <form className="form plans-upkeep-row" onSubmit={onRevise}>
        <label>
          <span>{t('plans.upkeep.trigger')}</span>
          <select name="trigger" value={trigger} onChange={(e) => setTrigger(revisionTriggers.find((k) => k === e.target.value) ?? trigger)}>
            {revisionTriggers.map((k) => <option key={k} value={k}>{triggerLabel[k](t)}</option>)}
          </select>
        </label>
        <label><span>{t('plans.upkeep.summary')}</span><input name="summary" required maxLength={2000} value={summary} onChange={(e) => setSummary(e.target.value)} /></label>
        <PlanCorrectiveActions planId={plan.id} picked={closes} onPick={setCloses} />
        <button type="submit" className="secondary" disabled={revise.busy || !manage.allowed} title={manage.title}>{t('plans.upkeep.revise')}</button>
      </form>
      {error ? <ErrorText error={error} /> : null}
    </details>
  );
}
