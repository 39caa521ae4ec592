import { DndContext, DragOverlay, PointerSensor, closestCorners, useSensor, useSensors, type DragEndEvent, type DragStartEvent } from '@dnd-kit/core';
import { arrayMove } from '@dnd-kit/sortable';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Board } from '../../../contract/board';
import { holdersByPosition } from '../../../domain/incidents/assignments';
import { columns as toColumns, filterTasks, isOverdue, taskStatuses, type Task, type TaskFilter, type TaskStatus } from '../../../domain/board/tasks';
import { useNow } from '../../app/use-now';
import { ErrorText } from '../../app/ErrorText';
import type { UiError } from '../../lib/ui-error';
import { selectLanguage, selectTimeZone } from '../../state/selectors';
import { useApp } from '../../state/store-context';
import { cardKeyAction, keyboardMove, placementAt, type Placement } from './board-moves';
import { parseAssignee } from './positions';
import { TaskCardFace } from './TaskCard';
import { TaskColumn } from './TaskColumn';
import { noFilter, TaskFilters, type BoardFilter } from './TaskFilters';
import { useBoard } from './use-board';
import { useMyUserId } from './use-me';
import { keepSameItems, useStable } from './use-stable';

const PAGE = 50;
const firstLimits = (): Record<TaskStatus, number> => ({ todo: PAGE, in_progress: PAGE, blocked: PAGE, done: PAGE });

type Columns = Record<TaskStatus, Task[]>;

/** One object for every render: new sensor options give dnd-kit a new context, and every card re-renders. */
const POINTER_OPTIONS = { activationConstraint: { distance: 6 } };
/** No sensor, no drag: what a board its user may not change hands dnd-kit. */
const NO_SENSORS: ReturnType<typeof useSensors> = [];

/** `next`, keeping each of `previous`'s column arrays whose cards did not change (and `previous` if none did). */
function keepSameColumns(previous: Columns, next: Columns): Columns {
  const kept = Object.fromEntries(taskStatuses.map((s) => [s, keepSameItems(previous[s], next[s])])) as Columns;
  return taskStatuses.every((s) => kept[s] === previous[s]) ? previous : kept;
}

type Props = {
  board: Board;
  onEdit: (task: Task, focus?: 'assignee') => void;
  /** Why this user may not move tasks (who may, or the incident is closed); the cards are then for reading. */
  locked?: string | undefined;
};

export function TaskBoard({ board, onEdit, locked }: Props) {
  const { t } = useTranslation();
  const timeZone = useApp(selectTimeZone);
  const language = useApp(selectLanguage);
  const moveTask = useBoard((s) => s.moveTask);
  const now = useNow(30_000);
  const [filter, setFilter] = useState<BoardFilter>(noFilter);
  const [limits, setLimits] = useState(firstLimits);
  const [dragging, setDragging] = useState<Task | null>(null);
  const [error, setError] = useState<UiError | null>(null);
  const [focusId, setFocusId] = useState<string | null>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const sensors = useSensors(useSensor(PointerSensor, POINTER_OPTIONS));

  const people = useMemo(() => [...new Set([...holdersByPosition(board.assignments, board.incident.period).values()].flat())].sort(), [board]);
  const allColumns = useMemo(() => {
    const assignee = parseAssignee(filter.assignee);
    const domainFilter: TaskFilter = {
      ...(filter.section !== '' ? { section: filter.section } : {}),
      ...(assignee ? { assignee } : {}),
      ...(filter.overdue ? { overdueAt: now } : {}),
    };
    return toColumns(filterTasks(board.tasks, domainFilter));
  }, [board.tasks, filter, now]);
  // A move changes two columns; the other columns keep their arrays so their memoised cards are not redrawn.
  const columns = useStable(allColumns, keepSameColumns);
  const visible = useMemo(
    () => Object.fromEntries(taskStatuses.map((s) => [s, columns[s].slice(0, limits[s])])) as Record<TaskStatus, Task[]>,
    [columns, limits],
  );

  // Keep the keyboard user's focus on the card they just moved, wherever it was redrawn.
  useEffect(() => {
    if (!focusId) return;
    const card = rootRef.current?.querySelector<HTMLElement>(`[data-task-id="${focusId}"]`);
    if (card && document.activeElement !== card) card.focus();
  });

  const move = useCallback(async (task: Task, placement: Placement): Promise<void> => {
    setFocusId(task.id);
    setError(await moveTask(task.id, placement.status, placement.afterId, placement.beforeId));
  }, [moveTask]);

  // The card handlers never change identity (memoised cards would all redraw), so they read these through a ref.
  const latest = useRef({ visible, onEdit, locked });
  useLayoutEffect(() => {
    latest.current = { visible, onEdit, locked };
  });

  const onKey = useCallback((task: Task, event: KeyboardEvent<HTMLElement>): void => {
    const { visible, onEdit, locked } = latest.current;
    const action = cardKeyAction(event.key, event.shiftKey, locked === undefined);
    if (!action) return;
    event.preventDefault();
    event.stopPropagation();
    if (action.type === 'edit') onEdit(task);
    else if (action.type === 'assign') onEdit(task, 'assignee');
    else if (action.type === 'move') {
      const placement = keyboardMove(visible, task.id, action.direction);
      if (placement) void move(task, placement);
    } else {
      const column = visible[task.status];
      const index = column.findIndex((c) => c.id === task.id);
      let target: Task | undefined;
      if (action.direction === 'up') target = column[index - 1];
      else if (action.direction === 'down') target = column[index + 1];
      else {
        const next = taskStatuses[taskStatuses.indexOf(task.status) + (action.direction === 'left' ? -1 : 1)];
        const nextColumn = next ? visible[next] : [];
        target = nextColumn[Math.min(index, nextColumn.length - 1)];
      }
      if (target) setFocusId(target.id);
    }
  }, [move]);
  const onOpen = useCallback((task: Task): void => latest.current.onEdit(task), []);
  const onShowMore = useCallback((s: TaskStatus): void => setLimits((l) => ({ ...l, [s]: l[s] + PAGE * 4 })), []);

  const onDragStart = (event: DragStartEvent): void => setDragging(board.tasks.find((task) => task.id === event.active.id) ?? null);
  const onDragEnd = ({ active, over }: DragEndEvent): void => {
    setDragging(null);
    const task = board.tasks.find((c) => c.id === active.id);
    if (!task || !over || locked !== undefined) return;
    const overId = String(over.id);
    const status = overId.startsWith('column:') ? (overId.slice(7) as TaskStatus) : taskStatuses.find((s) => visible[s].some((c) => c.id === overId));
    if (!status) return;
    const column = visible[status];
    const overIndex = overId.startsWith('column:') ? column.length : column.findIndex((c) => c.id === overId);
    if (status === task.status) {
      const from = column.findIndex((c) => c.id === task.id);
      if (from === overIndex) return;
      const reordered = arrayMove(column, from, overIndex);
      const at = reordered.findIndex((c) => c.id === task.id);
      void move(task, placementAt(status, reordered.filter((c) => c.id !== task.id), at));
    } else {
      void move(task, placementAt(status, column, overIndex));
    }
  };

  const me = useMyUserId();
  const view = useMemo(() => ({ timeZone, language, now, me }), [timeZone, language, now, me]);
  return (
    <div className="task-board" ref={rootRef} data-testid="task-board">
      <TaskFilters filter={filter} people={people} language={language} onChange={setFilter} />
      {error ? <ErrorText error={error} /> : null}
      {locked !== undefined ? <p className="muted" id="task-board-locked" data-testid="task-board-locked">{locked}</p> : null}
      <DndContext sensors={locked === undefined ? sensors : NO_SENSORS} collisionDetection={closestCorners} onDragStart={onDragStart} onDragEnd={onDragEnd} onDragCancel={() => setDragging(null)}>
        <div className="columns">
          {taskStatuses.map((status) => (
            <TaskColumn
              key={status}
              status={status}
              tasks={columns[status]}
              limit={limits[status]}
              view={view}
              onShowMore={onShowMore}
              onKey={onKey}
              onOpen={onOpen}
              describedBy={locked !== undefined ? 'task-board-locked' : undefined}
            />
          ))}
        </div>
        <DragOverlay>
          {dragging ? (
            <div className="card card-floating">
              <TaskCardFace task={dragging} view={view} overdue={isOverdue(dragging, now)} />
            </div>
          ) : null}
        </DragOverlay>
      </DndContext>
      <p className="keys-hint">{locked === undefined ? t('board.keysHint') : t('board.keysHintReadOnly')}</p>
    </div>
  );
}
