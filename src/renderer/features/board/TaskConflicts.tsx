import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { newId } from '../../../domain/ids';
import { isOpenConflict } from '../../../domain/board/task-conflicts';
import type { Task, TaskConflict, TaskStatus } from '../../../domain/board/tasks';
import { ErrorText } from '../../app/ErrorText';
import { formatDateTime } from '../../lib/time';
import type { UiError } from '../../lib/ui-error';
import { selectLanguage, selectTimeZone } from '../../state/selectors';
import { useApp } from '../../state/store-context';
import { useActorLabel } from '../../state/use-actor-label';
import { statusLabel } from './labels';
import { useBoard } from './use-board';
import { useMutation } from '../../state/use-mutation';
import { useMyUserId } from './use-me';

/**
 * The open status conflicts of one task, in its editor: what each side did, and the three answers. Choosing a
 * status is an ordinary move made seeing both (task.resolveConflict); dismissing only hides it for this user.
 */
export function TaskConflicts({ task }: { task: Task }) {
  // The dialog keeps the task it opened with; read the live row so a resolution from another desk shows.
  const live = useBoard((s) => s.board?.tasks.find((x) => x.id === task.id)) ?? task;
  const open = (live.conflicts ?? []).filter(isOpenConflict);
  if (open.length === 0) return null;
  return (
    <>
      {open.map((conflict) => <ConflictNotice key={conflict.id} task={live} conflict={conflict} />)}
    </>
  );
}

function ConflictNotice({ task, conflict }: { task: Task; conflict: TaskConflict }) {
  const { t } = useTranslation();
  const timeZone = useApp(selectTimeZone);
  const language = useApp(selectLanguage);
  const name = useActorLabel();
  const me = useMyUserId();
  const resolve = useMutation('task.resolveConflict').run;
  const acknowledge = useMutation('task.acknowledgeConflict').run;
  const [error, setError] = useState<UiError | null>(null);
  const [busy, setBusy] = useState(false);
  const { kept, overridden } = conflict;
  const headingId = `conflict-${conflict.id}`;

  const when = (at: number) => formatDateTime(at, timeZone, language);
  const words = {
    overriddenBy: name(overridden.by).name,
    overridden: statusLabel[overridden.status](t),
    overriddenAt: when(overridden.at),
    seen: statusLabel[overridden.seen](t),
    kept: statusLabel[kept.status](t),
  };
  const text = kept.by !== undefined && kept.at !== undefined
    ? t('board.conflict.notice', { ...words, keptBy: name(kept.by).name, keptAt: when(kept.at) })
    : t('board.conflict.noticeUnknown', words);

  const run = async (sent: Promise<UiError | null>): Promise<void> => {
    setBusy(true);
    setError(await sent);
    setBusy(false);
  };
  const choose = (status: TaskStatus) =>
    run(resolve({ id: task.id, conflictId: conflict.id, status, seen: task.status, moveId: newId() }));
  // The task may have moved on since; offer what it is now and what the overridden move asked for.
  const choices = [...new Set<TaskStatus>([task.status, overridden.status])];

  return (
    <section className="sub-panel conflict-notice" role="group" aria-labelledby={headingId} data-testid="conflict-notice">
      <h3 id={headingId}>{t('board.conflict.title')}</h3>
      <p>{text}</p>
      {error ? <ErrorText error={error} /> : null}
      <div className="actions">
        {choices.map((status) => (
          <button key={status} type="button" disabled={busy} onClick={() => void choose(status)}>
            {status === task.status ? t('board.conflict.keep', { status: statusLabel[status](t) }) : t('board.conflict.use', { status: statusLabel[status](t) })}
          </button>
        ))}
        {me === null || !conflict.acknowledgedBy.includes(me) ? (
          <button type="button" disabled={busy} onClick={() => void run(acknowledge({ id: task.id, conflictId: conflict.id }))}>
            {t('board.conflict.acknowledge')}
          </button>
        ) : null}
      </div>
    </section>
  );
}
