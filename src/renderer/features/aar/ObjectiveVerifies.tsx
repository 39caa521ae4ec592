import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Exercise } from '../../../domain/exercises';
import { ErrorText } from '../../app/ErrorText';
import { useLive } from '../../state/use-live';
import { useMutation } from '../../state/use-mutation';
import { actionStatusLabel } from './labels';

type Objective = Exercise['objectives'][number];

/**
 * The facilitator names the hospital's corrective actions an objective puts to the test. The list comes from the
 * real space's rows on this desk; the exercise keeps only the ids picked, so a player's desk learns nothing of them.
 */
export function ObjectiveVerifies({ exercise, objective }: { exercise: Exercise; objective: Objective }) {
  const { t } = useTranslation();
  const live = useLive('correctiveAction.toVerify', {});
  const save = useMutation('exercise.setVerifies');
  const [picked, setPicked] = useState<string[] | null>(null);
  const named = objective.verifies ?? [];
  const chosen = picked ?? named;
  const actions = live.data?.actions ?? [];
  const unseen = named.filter((id) => !actions.some((a) => a.id === id)).length;
  const toggle = (id: string, on: boolean) => setPicked(on ? [...chosen, id] : chosen.filter((x) => x !== id));
  const onSave = (event: FormEvent) => {
    event.preventDefault();
    void save.run({ id: exercise.id, objectiveId: objective.id, actionIds: chosen }).then((error) => (error ? undefined : setPicked(null)));
  };
  return (
    <form className="form eeg-verifies" onSubmit={onSave}>
      <fieldset>
        <legend>{t('aar.verify.objective.title')}</legend>
        <p className="muted">{t('aar.verify.objective.hint')}</p>
        {actions.length === 0 ? <p className="muted">{t('aar.verify.objective.none')}</p> : actions.map((a) => (
          <label key={a.id} className="check">
            <input type="checkbox" checked={chosen.includes(a.id)} onChange={(e) => toggle(a.id, e.target.checked)} />
            <span>{a.action} · {a.owner} · {actionStatusLabel[a.status](t)}</span>
          </label>
        ))}
        {unseen > 0 ? <p className="muted">{t('aar.verify.objective.named', { count: unseen })}</p> : null}
      </fieldset>
      <button type="submit" className="secondary" disabled={save.busy || picked === null}>{t('aar.verify.objective.save')}</button>
      {save.error ? <ErrorText error={save.error} /> : null}
    </form>
  );
}
