import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Board } from '../../../contract/board';
import { newId } from '../../../domain/ids';
import { objectivesOf } from '../../../domain/incidents/objectives';
import { ErrorText } from '../../app/ErrorText';
import type { UiError } from '../../lib/ui-error';
import { useMutation } from '../../state/use-mutation';

/** HICS 202: the current operational period's objectives, with the share of linked work done. */
export function ObjectivesPanel({ board }: { board: Board }) {
  const { t } = useTranslation();
  const objectiveCreate = useMutation('objective.create').run;
  const objectiveUpdate = useMutation('objective.update').run;
  const [text, setText] = useState('');
  const [error, setError] = useState<UiError | null>(null);
  const objectives = objectivesOf(board.objectives, board.incident.period);

  const add = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const failed = await objectiveCreate({ id: newId(), incidentId: board.incident.id, text });
    setError(failed);
    if (!failed) setText('');
  };

  return (
    <section className="panel objectives" aria-labelledby="objectives-title" data-testid="objectives">
      <h2 id="objectives-title">{t('board.objectives.title', { period: board.incident.period })}</h2>
      {objectives.length === 0 ? <p className="muted">{t('board.objectives.empty')}</p> : null}
      <ol className="objective-list">
        {objectives.map((o) => {
          const linked = board.tasks.filter((task) => task.objectiveId === o.id);
          const done = linked.filter((task) => task.status === 'done').length;
          return (
            <li key={o.id} className={`objective objective-${o.status}`} data-testid="objective">
              <span className="objective-text">{o.text}</span>
              <span className="objective-progress num">{t('board.objectives.progress', { done, total: linked.length })}</span>
              <span className="objective-actions">
                {o.status === 'open' ? (
                  <button type="button" className="secondary" onClick={() => void objectiveUpdate({ id: o.id, status: 'achieved' }).then(setError)}>
                    {t('board.objectives.achieve')}
                  </button>
                ) : (
                  <button type="button" className="secondary" onClick={() => void objectiveUpdate({ id: o.id, status: 'open' }).then(setError)}>
                    {o.status === 'achieved' ? t('board.objectives.achieved') : t('board.objectives.dropped')}
                  </button>
                )}
              </span>
            </li>
          );
        })}
      </ol>
      <form className="inline-form" onSubmit={(e) => void add(e)}>
        <input name="objectiveText" required maxLength={500} value={text} placeholder={t('board.objectives.placeholder')} onChange={(e) => setText(e.target.value)} />
        <button type="submit" className="secondary">{t('board.objectives.add')}</button>
      </form>
      {error ? <ErrorText error={error} /> : null}
    </section>
  );
}
