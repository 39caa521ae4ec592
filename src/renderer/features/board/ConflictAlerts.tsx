import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Board } from '../../../contract/board';
import { concerns, conflictsToShow } from '../../../domain/board/task-conflicts';
import type { Task } from '../../../domain/board/tasks';
import { useActorLabel } from '../../state/use-actor-label';
import { statusLabel } from './labels';
import { useMyUserId } from './use-me';

/**
 * Above the board: the open conflicts this user is party to (their move was not applied, or their decision was
 * contested) and has not dismissed, so they learn of it even when the card is out of sight.
 */
export function ConflictAlerts({ board, onOpen }: { board: Board; onOpen: (task: Task) => void }) {
  const { t } = useTranslation();
  const name = useActorLabel();
  const me = useMyUserId();
  const mine = useMemo(
    () => board.tasks.flatMap((task) => conflictsToShow(task, me).filter((c) => concerns(c, me)).map((conflict) => ({ task, conflict }))),
    [board.tasks, me],
  );
  if (mine.length === 0) return null;
  return (
    <section className="conflict-alerts" role="region" aria-label={t('board.conflict.listLabel')} data-testid="conflict-alerts">
      <ul>
        {mine.map(({ task, conflict }) => (
          <li key={conflict.id}>
            <span className="conflict-mark" aria-hidden="true">⚠</span>
            <span>
              {t('board.conflict.listItem', {
                title: task.title,
                overridden: statusLabel[conflict.overridden.status](t),
                overriddenBy: name(conflict.overridden.by).name,
                kept: statusLabel[conflict.kept.status](t),
              })}
            </span>
            <button type="button" aria-label={t('board.conflict.openLabel', { title: task.title })} onClick={() => onOpen(task)}>{t('board.conflict.open')}</button>
          </li>
        ))}
      </ul>
    </section>
  );
}
