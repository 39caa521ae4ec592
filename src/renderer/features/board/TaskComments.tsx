import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { newId } from '../../../domain/ids';
import type { Task } from '../../../domain/board/tasks';
import { ActorName } from '../../app/ActorName';
import { ErrorText } from '../../app/ErrorText';
import { formatDateTime } from '../../lib/time';
import type { UiError } from '../../lib/ui-error';
import { selectLanguage, selectTimeZone } from '../../state/selectors';
import { useApp } from '../../state/store-context';
import { useBoard } from './use-board';
import { useMutation } from '../../state/use-mutation';

/** `locked`: why this user may not comment (who may, or the incident is closed). */
export function TaskComments({ task, locked }: { task: Task; locked?: string | undefined }) {
  const { t } = useTranslation();
  const timeZone = useApp(selectTimeZone);
  const language = useApp(selectLanguage);
  const taskComment = useMutation('task.comment').run;
  const live = useBoard((s) => s.board?.tasks.find((x) => x.id === task.id)) ?? task;
  const [text, setText] = useState('');
  const [error, setError] = useState<UiError | null>(null);

  const add = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const failed = await taskComment({ id: task.id, commentId: newId(), text });
    setError(failed);
    if (!failed) setText('');
  };

  return (
    <section className="sub-panel" data-testid="task-comments">
      <h3>{t('board.comments.title')}</h3>
      <ul className="comments">
        {live.comments.map((c) => (
          <li key={c.id}>
            <span className="muted num">{formatDateTime(c.at, timeZone, language)} · <ActorName id={c.by} /></span>
            <p>{c.text}</p>
          </li>
        ))}
      </ul>
      <form className="inline-form" onSubmit={(e) => void add(e)}>
        <input name="commentText" required maxLength={2000} value={text} placeholder={t('board.comments.placeholder')} onChange={(e) => setText(e.target.value)} disabled={locked !== undefined} />
        <button type="submit" className="secondary" disabled={locked !== undefined} title={locked}>{t('board.comments.add')}</button>
      </form>
      {error ? <ErrorText error={error} /> : null}
    </section>
  );
}
