import { useTranslation } from 'react-i18next';
import { selectIsExercise } from '../state/selectors';
import { useApp } from '../state/store-context';

/** Every screen of an exercise space says so, so drill data is never taken for a real incident. */
export function ExerciseBanner() {
  const { t } = useTranslation();
  const isExercise = useApp(selectIsExercise);
  if (!isExercise) return null;
  return (
    <div className="exercise-banner" role="status" data-testid="exercise-banner">
      {t('exercise.banner')}
    </div>
  );
}
