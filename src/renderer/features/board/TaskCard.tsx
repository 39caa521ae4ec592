import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { memo, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { conflictsToShow } from '../../../domain/board/task-conflicts';
import type { Task } from '../../../domain/board/tasks';
import { dueText } from './due-text';
import { assigneeText } from './positions';
import { priorityLabel, sectionLabel } from './labels';

/** `me`: the account this desk acts as, whose undismissed conflicts badge the card. */
export type CardView = { timeZone: string; language: string; now: number; me: string | null };

/** The card's face; also drawn under the pointer while dragging. Memoised: a move must not redraw every face. */
export const TaskCardFace = memo(function TaskCardFace({ task, view, overdue }: { task: Task; view: CardView; overdue: boolean }) {
  const { t } = useTranslation();
  const ticked = task.checklist.filter((i) => i.done).length;
  return (
    <>
      <div className="card-top">
        <span className={`prio prio-${task.priority}`}>{priorityLabel[task.priority](t)}</span>
        <span className={`sec sec-${task.section}`}>{sectionLabel[task.section](t)}</span>
        {task.source ? <span className="jas-mark" title={t('board.card.fromJas')}>{t('board.card.jas')}</span> : null}
        {conflictsToShow(task, view.me).length > 0 ? (
          <span className="conflict-badge" role="img" aria-label={t('board.conflict.badgeLabel')} data-testid="conflict-badge">⚠ {t('board.conflict.badge')}</span>
        ) : null}
      </div>
      <div className="card-title">{task.title}</div>
      <div className="card-meta">
        <span className="card-assignee">{assigneeText(task.assignee, view.language)}</span>
        {task.dueAt !== undefined ? (
          <span className={overdue ? 'card-due overdue' : 'card-due'}>
            {overdue ? t('board.card.overdue') : t('board.card.due')} {dueText(task.dueAt, view.timeZone, view.language)}
          </span>
        ) : null}
        {task.checklist.length > 0 ? <span className="card-count">☑ {ticked}/{task.checklist.length}</span> : null}
        {task.comments.length > 0 ? <span className="card-count">💬 {task.comments.length}</span> : null}
      </div>
    </>
  );
});

type Props = {
  task: Task;
  view: CardView;
  overdue: boolean;
  /** Translated once per column: a translation hook in every card is a cost each move pays for ~80 cards. */
  roleDescription: string;
  onKey: (task: Task, event: KeyboardEvent<HTMLElement>) => void;
  onOpen: (task: Task) => void;
  describedBy?: string | undefined;
};

/**
 * Memoised with stable props (task objects shared across refetches, handlers that never change), so a move
 * redraws the moved card and, through dnd-kit's context, the sortable shells of the two columns it touched.
 */
export const TaskCard = memo(function TaskCard({ task, view, overdue, roleDescription, onKey, onOpen, describedBy }: Props) {
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id: task.id });
  const style = { transform: CSS.Translate.toString(transform), transition };
  // dnd-kit's own keyboard sensor is not used: our keys call task.move directly (board-moves.ts).
  const { role: _role, tabIndex: _tabIndex, ...dragAttributes } = attributes;
  return (
    <li
      ref={setNodeRef}
      style={style}
      {...dragAttributes}
      {...listeners}
      className={`card${overdue ? ' card-overdue' : ''}${isDragging ? ' dragging' : ''}`}
      tabIndex={0}
      aria-roledescription={roleDescription}
      aria-label={task.title}
      aria-describedby={describedBy ?? dragAttributes['aria-describedby']}
      data-testid="task-card"
      data-task-id={task.id}
      data-status={task.status}
      data-overdue={overdue ? 'true' : 'false'}
      onKeyDown={(e) => onKey(task, e)}
      onClick={() => { if (!isDragging) onOpen(task); }}
    >
      <TaskCardFace task={task} view={view} overdue={overdue} />
    </li>
  );
});
