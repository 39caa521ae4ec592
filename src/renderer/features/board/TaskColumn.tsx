import { useDroppable } from '@dnd-kit/core';
import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { memo, useMemo, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isOverdue, type Task, type TaskStatus } from '../../../domain/board/tasks';
import { statusLabel } from './labels';
import { TaskCard, type CardView } from './TaskCard';
import { keepSameItems, useStable } from './use-stable';

type Props = {
  status: TaskStatus;
  tasks: readonly Task[];
  /** How many cards are drawn; the rest wait behind "show more" so 2,000 tasks stay responsive. */
  limit: number;
  view: CardView;
  onShowMore: (status: TaskStatus) => void;
  onKey: (task: Task, event: KeyboardEvent<HTMLElement>) => void;
  onOpen: (task: Task) => void;
  /** The note saying why the cards cannot be moved, when they cannot. */
  describedBy?: string | undefined;
};

/** Memoised: the board passes the same `tasks` array while this column's cards are unchanged. */
export const TaskColumn = memo(function TaskColumn({ status, tasks, limit, view, onShowMore, onKey, onOpen, describedBy }: Props) {
  const { t } = useTranslation();
  const { setNodeRef, isOver } = useDroppable({ id: `column:${status}` });
  const shown = useMemo(() => tasks.slice(0, limit), [tasks, limit]);
  const overdue = useMemo(() => tasks.filter((task) => isOverdue(task, view.now)).length, [tasks, view.now]);
  // dnd-kit re-renders every sortable in the column when `items` changes identity: keep it while the ids hold.
  const ids = useStable(useMemo(() => shown.map((task) => task.id), [shown]), keepSameItems);
  const roleDescription = t('board.card.role');
  return (
    <section className={`column column-${status}${isOver ? ' over' : ''}`} data-testid={`column-${status}`} aria-labelledby={`column-title-${status}`}>
      <header className="column-head">
        <h3 id={`column-title-${status}`}>{statusLabel[status](t)}</h3>
        <span className="column-count num" data-testid={`column-count-${status}`}>{tasks.length}</span>
        {overdue > 0 && status !== 'done' ? <span className="column-overdue">{t('board.column.overdue', { count: overdue })}</span> : null}
      </header>
      <SortableContext id={status} items={ids} strategy={verticalListSortingStrategy}>
        <ul ref={setNodeRef} className="column-cards">
          {shown.map((task) => (
            <TaskCard key={task.id} task={task} view={view} overdue={isOverdue(task, view.now)} roleDescription={roleDescription} onKey={onKey} onOpen={onOpen} describedBy={describedBy} />
          ))}
          {tasks.length === 0 ? <li className="column-empty">{t('board.column.empty')}</li> : null}
        </ul>
      </SortableContext>
      {tasks.length > limit ? (
        <button type="button" className="secondary show-more" onClick={() => onShowMore(status)}>
          {t('board.column.showMore', { count: tasks.length - limit })}
        </button>
      ) : null}
    </section>
  );
});
