import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can, RoleSchema } from '../../../domain/roles';
import { useApp } from '../../state/store-context';
import { ExerciseSetUpForm } from './ExerciseSetUpForm';
import { MySpacesList } from './MySpacesList';

/**
 * Exercises in Settings: the facilitator sets one up (the server makes its space, apart from the real one), and
 * anyone moves the desk between the spaces they have. The server checks the right; the form is only hidden.
 */
export function ExercisesPanel() {
  const { t } = useTranslation();
  const user = useApp((s) => s.sync?.user ?? null);
  const [made, setMade] = useState<string | null>(null);
  const roles = (user?.roles ?? []).flatMap((role) => {
    const parsed = RoleSchema.safeParse(role);
    return parsed.success ? [parsed.data] : [];
  });
  const mayControl = can({ userId: user?.username ?? '', roles }, 'exercise.control');
  return (
    <section className="panel narrow" aria-labelledby="exercises-title" data-testid="exercises">
      <h2 id="exercises-title">{t('exercises.title')}</h2>
      <p className="hint">{t('exercises.explain')}</p>
      <MySpacesList />
      {!user ? <p className="muted">{t('exercises.logInFirst')}</p> : null}
      {user && mayControl ? <ExerciseSetUpForm onMade={setMade} /> : null}
      {made ? <p role="status">{t('exercises.made', { name: made })}</p> : null}
    </section>
  );
}
