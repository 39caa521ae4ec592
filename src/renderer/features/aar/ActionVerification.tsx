import { useTranslation } from 'react-i18next';
import type { ActionTest } from '../../../contract/aar-api';
import type { CorrectiveAction } from '../../../domain/aar';
import { ErrorText } from '../../app/ErrorText';
import { formatTime } from '../../lib/time';
import { selectLanguage, selectTimeZone } from '../../state/selectors';
import { useApp } from '../../state/store-context';
import { useCan } from '../../state/use-can';
import { useMutation } from '../../state/use-mutation';

/**
 * The closed loop on one corrective action: where it was verified, or the later exercises' objectives that name it
 * with their ratings, and for a done action one whose ratings are all P or S, the facilitator's "mark verified".
 */
export function ActionVerification({ action, tests }: { action: CorrectiveAction; tests: readonly ActionTest[] }) {
  const { t } = useTranslation();
  const timeZone = useApp(selectTimeZone);
  const locale = useApp(selectLanguage);
  const control = useCan('exercise.control');
  const verify = useMutation('correctiveAction.verify');
  if (action.status === 'verified' && action.verifiedInExercise !== undefined) {
    const name = tests.find((x) => x.exerciseId === action.verifiedInExercise)?.exerciseName ?? action.verifiedInExercise;
    return <span className="tag" data-testid="aar-action-verified"> {t('aar.verify.verifiedIn', { exercise: name, at: formatTime(action.verifiedAt ?? action.updatedAt, timeZone, locale) })}</span>;
  }
  if (tests.length === 0) return null;
  return (
    <ul className="aar-action-tests">
      {tests.map((x) => (
        <li key={`${x.exerciseId}:${x.objectiveId}`}>
          <span className="muted">{t('aar.verify.evidence', { exercise: x.exerciseName, objective: x.objectiveText, rating: x.ratings.join(' / ') || '—' })}</span>
          {action.status === 'done' && x.verifies ? (
            <button type="button" className="secondary" disabled={!control.allowed || verify.busy} title={control.title} onClick={() => void verify.run({ id: action.id, exerciseId: x.exerciseId, objectiveId: x.objectiveId })}>
              {t('aar.verify.button')}
            </button>
          ) : null}
        </li>
      ))}
      {verify.error ? <li><ErrorText error={verify.error} /></li> : null}
    </ul>
  );
}
