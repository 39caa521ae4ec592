import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { newId } from '../../../domain/ids';
import type { Task } from '../../../domain/board/tasks';
import { ErrorText } from '../../app/ErrorText';
import type { UiError } from '../../lib/ui-error';
import { useBoard } from './use-board';
import { useMutation } from '../../state/use-mutation';

/** `locked`: why this user may not tick or add items (who may, or the incident is closed). */
export function TaskChecklist({ task, locked }: { task: Task; locked?: string | undefined }) {
  const { t } = useTranslation();
  const taskChecklistAdd = useMutation('task.checklistAdd').run;
  const taskChecklistToggle = useMutation('task.checklistToggle').run;
  // The dialog keeps the task it opened with; read the live row so ticks show as they sync.
  const live = useBoard((s) => s.board?.tasks.find((x) => x.id === task.id)) ?? task;
  const [text, setText] = useState('');
  const [error, setError] = useState<UiError | null>(null);

  const add = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const failed = await taskChecklistAdd({ id: task.id, itemId: newId(), text });
    setError(failed);
    if (!failed) setText('');
  };

  return (
    <section className="sub-panel" data-testid="task-checklist">
      <h3>{t('board.checklist.title')}</h3>
      <ul className="checklist">
        {live.checklist.map((item) => (
          <li key={item.id}>
            <label className="check">
              <input
                type="checkbox"
                checked={item.done}
                disabled={locked !== undefined}
                title={locked}
                onChange={(e) => void taskChecklistToggle({ id: task.id, itemId: item.id, done: e.target.checked }).then(setError)}
              />
              <span className={item.done ? 'done-text' : undefined}>{item.text}</span>
            </label>
          </li>
        ))}
      </ul>
      <form className="inline-form" onSubmit={(e) => void add(e)}>
        <input name="checklistText" required maxLength={300} value={text} placeholder={t('board.checklist.placeholder')} onChange={(e) => setText(e.target.value)} disabled={locked !== undefined} />
        <button type="submit" className="secondary" disabled={locked !== undefined} title={locked}>{t('board.checklist.add')}</button>
      </form>
      {error ? <ErrorText error={error} /> : null}
    </section>
  );
}
