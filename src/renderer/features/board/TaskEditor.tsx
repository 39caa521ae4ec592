import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Board } from '../../../contract/board';
import { holdersByPosition } from '../../../domain/incidents/assignments';
import { hicsPositions, SectionSchema, type Section } from '../../../domain/hics';
import { newId } from '../../../domain/ids';
import { objectivesOf } from '../../../domain/incidents/objectives';
import { TaskPrioritySchema, type Task, type TaskPriority } from '../../../domain/board/tasks';
import { ErrorText } from '../../app/ErrorText';
import { fromZonedInputValue, toZonedInputValue } from '../../lib/time';
import type { UiError } from '../../lib/ui-error';
import { selectLanguage, selectTimeZone } from '../../state/selectors';
import { useApp } from '../../state/store-context';
import { priorityLabel, sectionLabel } from './labels';
import { assigneeValue, parseAssignee, positionName } from './positions';
import { TaskChecklist } from './TaskChecklist';
import { TaskComments } from './TaskComments';
import { TaskConflicts } from './TaskConflicts';
import { useBoard } from './use-board';
import { useMutation } from '../../state/use-mutation';

type Props = {
  board: Board;
  task: Task | null;
  focus?: 'assignee' | undefined;
  onClose: () => void;
  /** Why this user may not change the task (who may, or the incident is closed): the dialog is then for reading. */
  locked?: string | undefined;
};

/** Create or edit one task: a dialog, so the board stays in view behind it. */
export function TaskEditor({ board, task, focus, onClose, locked }: Props) {
  const { t } = useTranslation();
  const timeZone = useApp(selectTimeZone);
  const language = useApp(selectLanguage);
  const taskCreate = useMutation('task.create').run;
  const taskUpdate = useMutation('task.update').run;
  const moveTask = useBoard((s) => s.moveTask);
  const [title, setTitle] = useState(task?.title ?? '');
  const [description, setDescription] = useState(task?.description ?? '');
  const [section, setSection] = useState<Section>(task?.section ?? 'operations');
  const [assignee, setAssignee] = useState(task ? assigneeValue(task.assignee) : 'p:ops');
  const [person, setPerson] = useState('');
  const [priority, setPriority] = useState<TaskPriority>(task?.priority ?? 'normal');
  const [due, setDue] = useState(task?.dueAt !== undefined ? toZonedInputValue(task.dueAt, timeZone) : '');
  const [objectiveId, setObjectiveId] = useState(task?.objectiveId ?? '');
  const [error, setError] = useState<UiError | null>(null);
  const [busy, setBusy] = useState(false);
  const titleRef = useRef<HTMLInputElement>(null);
  const assigneeRef = useRef<HTMLSelectElement>(null);

  const dialogRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    // Read-only, the fields are disabled and take no focus: the dialog takes it, so Escape still closes it.
    if (locked !== undefined) dialogRef.current?.focus();
    else (focus === 'assignee' ? assigneeRef.current : titleRef.current)?.focus();
  }, [focus, locked]);

  const objectives = objectivesOf(board.objectives, board.incident.period);
  const people = [...new Set([...holdersByPosition(board.assignments, board.incident.period).values()].flat())].sort();

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const chosen = person.trim() ? parseAssignee(`n:${person}`) : parseAssignee(assignee);
    const dueAt = due ? fromZonedInputValue(due, timeZone) : null;
    if (!chosen) return;
    setBusy(true);
    let failed: UiError | null;
    if (!task) {
      failed = await taskCreate({
        id: newId(), incidentId: board.incident.id, title, description, section, assignee: chosen, priority,
        ...(dueAt !== null ? { dueAt } : {}), ...(objectiveId ? { objectiveId } : {}),
      });
    } else {
      // Only the fields this user changed, so a colleague's edit of another field survives.
      const changes = {
        ...(title !== task.title ? { title } : {}),
        ...(description !== task.description ? { description } : {}),
        ...(section !== task.section ? { section } : {}),
        ...(assigneeValue(chosen) !== assigneeValue(task.assignee) ? { assignee: chosen } : {}),
        ...(priority !== task.priority ? { priority } : {}),
        ...((dueAt ?? undefined) !== task.dueAt ? { dueAt } : {}),
        ...(objectiveId !== (task.objectiveId ?? '') ? { objectiveId: objectiveId || null } : {}),
      };
      failed = Object.keys(changes).length === 0 ? null : await taskUpdate({ id: task.id, ...changes });
    }
    setBusy(false);
    setError(failed);
    if (!failed) onClose();
  };

  const markDone = async (): Promise<void> => {
    if (!task) return;
    const failed = await moveTask(task.id, 'done');
    setError(failed);
    if (!failed) onClose();
  };

  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onClose();
    }
  };

  return (
    <div className="overlay" role="presentation" onClick={onClose}>
      <div ref={dialogRef} tabIndex={-1} className="dialog task-editor" role="dialog" aria-modal="true" aria-labelledby="task-editor-title" onClick={(e) => e.stopPropagation()} onKeyDown={onKeyDown} data-testid="task-editor">
        <h2 id="task-editor-title">{task ? t('board.editor.editTitle') : t('board.editor.newTitle')}</h2>
        {locked !== undefined ? <p className="muted wide" data-testid="task-editor-locked">{locked}</p> : null}
        <form className="form editor-grid" onSubmit={(e) => void submit(e)}>
          {/* A disabled fieldset switches off every field at once; display: contents keeps the form's grid. */}
          <fieldset className="bare-fieldset" disabled={locked !== undefined}>
          <label className="wide">
            <span>{t('board.editor.title')}</span>
            <input ref={titleRef} name="title" required maxLength={300} value={title} onChange={(e) => setTitle(e.target.value)} />
          </label>
          <label>
            <span>{t('board.editor.section')}</span>
            <select name="section" value={section} onChange={(e) => setSection(SectionSchema.parse(e.target.value))}>
              {SectionSchema.options.map((s) => (
                <option key={s} value={s}>{sectionLabel[s](t)}</option>
              ))}
            </select>
          </label>
          <label>
            <span>{t('board.editor.priority')}</span>
            <select name="priority" value={priority} onChange={(e) => setPriority(TaskPrioritySchema.parse(e.target.value))}>
              {TaskPrioritySchema.options.map((p) => (
                <option key={p} value={p}>{priorityLabel[p](t)}</option>
              ))}
            </select>
          </label>
          <label>
            <span>{t('board.editor.assignee')}</span>
            <select ref={assigneeRef} name="assignee" value={assignee} onChange={(e) => setAssignee(e.target.value)}>
              <optgroup label={t('board.editor.positions')}>
                {hicsPositions.map((p) => (
                  <option key={p.id} value={`p:${p.id}`}>{positionName(p.id, language)}</option>
                ))}
              </optgroup>
              {people.length > 0 || task?.assignee.kind === 'person' ? (
                <optgroup label={t('board.editor.people')}>
                  {[...new Set([...people, ...(task?.assignee.kind === 'person' ? [task.assignee.name] : [])])].map((name) => (
                    <option key={name} value={`n:${name}`}>{name}</option>
                  ))}
                </optgroup>
              ) : null}
            </select>
          </label>
          <label>
            <span>{t('board.editor.person')}</span>
            <input name="person" maxLength={100} value={person} placeholder={t('board.editor.personPlaceholder')} onChange={(e) => setPerson(e.target.value)} />
          </label>
          <label>
            <span>{t('board.editor.due', { zone: timeZone })}</span>
            <input name="due" type="datetime-local" value={due} onChange={(e) => setDue(e.target.value)} />
          </label>
          <label>
            <span>{t('board.editor.objective')}</span>
            <select name="objective" value={objectiveId} onChange={(e) => setObjectiveId(e.target.value)}>
              <option value="">{t('board.editor.noObjective')}</option>
              {objectives.map((o) => (
                <option key={o.id} value={o.id}>{o.text}</option>
              ))}
            </select>
          </label>
          <label className="wide">
            <span>{t('board.editor.description')}</span>
            <textarea name="description" rows={2} maxLength={4000} value={description} onChange={(e) => setDescription(e.target.value)} />
          </label>
          </fieldset>
          {error ? <ErrorText error={error} /> : null}
          <div className="wide actions">
            <button type="submit" className="primary" disabled={busy || locked !== undefined} title={locked}>{task ? t('board.editor.save') : t('board.editor.create')}</button>
            {task && task.status !== 'done' ? <button type="button" onClick={() => void markDone()} disabled={locked !== undefined} title={locked}>{t('board.editor.markDone')}</button> : null}
            <button type="button" onClick={onClose}>{t('board.editor.cancel')}</button>
          </div>
        </form>
        {task ? (
          <div className="editor-extras">
            <TaskConflicts task={task} />
            <TaskChecklist task={task} locked={locked} />
            <TaskComments task={task} locked={locked} />
          </div>
        ) : null}
      </div>
    </div>
  );
}
