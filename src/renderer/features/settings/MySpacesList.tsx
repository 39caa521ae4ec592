import { useTranslation } from 'react-i18next';
import { isExercise } from '../../../domain/spaces';
import { ErrorText } from '../../app/ErrorText';
import { spaceKindKey } from '../../i18n/keys';
import { useApp } from '../../state/store-context';
import { useMutation } from '../../state/use-mutation';

/** The user's spaces (their hospital and its exercises), with the one the desk is in, and a way into each other. */
export function MySpacesList() {
  const { t } = useTranslation();
  const sync = useApp((s) => s.sync);
  const enter = useMutation('space.enter');
  const spaces = sync?.spaces ?? [];
  return (
    <>
      <h3 id="my-spaces-title">{t('exercises.spacesTitle')}</h3>
      <ul className="space-list" aria-labelledby="my-spaces-title">
        {spaces.map((space) => {
          const current = sync?.space.id === space.id;
          return (
            <li key={space.id} className={isExercise(space) ? 'space-row exercise' : 'space-row'}>
              <span className="space-name">{space.name}</span>
              <span className="badge">{t(spaceKindKey(space.kind))}</span>
              {current ? (
                <span className="muted" aria-current="true">{t('exercises.current')}</span>
              ) : (
                <button type="button" disabled={enter.busy} aria-label={t('exercises.enterSpace', { name: space.name })} onClick={() => void enter.run({ space: space.id })}>
                  {t('exercises.enter')}
                </button>
              )}
            </li>
          );
        })}
      </ul>
      {enter.error ? <ErrorText error={enter.error} /> : null}
    </>
  );
}
