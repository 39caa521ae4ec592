import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Task } from '../../../domain/board/tasks';
import { ErrorText } from '../../app/ErrorText';
import { incidentStanding } from '../../app/incident-standing';
import { useClosedTime } from '../../app/StandingBadge';
import { selectCurrentIncident } from '../../state/selectors';
import { useApp } from '../../state/store-context';
import { DeclareIncidentForm, IncidentControls, IncidentList } from '../incidents';
import { ChecklistsPanel } from '../plans';
import { ReportsPanel } from '../reports';
import { AarPanel } from '../aar';
import { RecoveryPanel } from '../recovery';
import { holdersByPosition } from '../../../domain/incidents/assignments';
import { awaitingAcknowledgement } from '../../../domain/incidents/messages';
import { useMyUserId } from './use-me';
import { ActivityLogPanel } from './ActivityLogPanel';
import { ConflictAlerts } from './ConflictAlerts';
import { DeadlinesPanel } from './DeadlinesPanel';
import { LifecyclePanel } from './LifecyclePanel';
import { MessagesPanel } from './MessagesPanel';
import { ObjectivesPanel } from './ObjectivesPanel';
import { OrgChart } from './OrgChart';
import { TaskBoard } from './TaskBoard';
import { TaskEditor } from './TaskEditor';
import { TimelineView } from './TimelineView';
import { useBoard, useTrackBoard } from './use-board';
import { boardTabs, useBoardTab, type BoardTab } from './board-tab';
import './board.css';
import { PanelBoundary } from '../../ui/PanelBoundary';
import { useCan } from '../../state/use-can';

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/** The commander's page: the current incident's board on top, the incident register below it. */
export function BoardPage() {
  const { t } = useTranslation();
  const current = useApp(selectCurrentIncident);
  useTrackBoard(current?.id ?? null);
  const board = useBoard((s) => (s.board && s.board.incident.id === current?.id ? s.board : null));
  const timeline = useBoard((s) => s.timeline);
  const error = useBoard((s) => s.error);
  // The deadline whose report the header clock asked for: the Reports tab shows it until another tab is chosen.
  const { tab, reportFor, showTab: setTab } = useBoardTab();
  const [editing, setEditing] = useState<{ task: Task | null; focus?: 'assignee' } | null>(null);
  const closedAt = board ? incidentStanding(board.incident).closedAt : null;
  // Messages waiting for this desk's user to acknowledge: counted on the tab so they are seen from any view.
  const me = useMyUserId();
  const inbox = board ? awaitingAcknowledgement(board.messages, me).length : 0;
  // A closed incident is the record: everything stays readable, its main write controls are switched off.
  const readOnly = closedAt !== null;
  // A viewer's board is read-only too, and says who may write instead of refusing after the click.
  const write = useCan('incident.write');
  const command = useCan('incident.command');
  const wellbeingLead = useCan('wellbeing.read');
  const noWrite = readOnly || !write.allowed;
  const noWriteTitle = readOnly ? t('board.closedTooltip') : write.title;

  // `t` opens a new task on the board (not while typing or in a dialog).
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.key !== 't' || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      if (!board || noWrite || editing || document.querySelector('[aria-modal="true"]')) return;
      event.preventDefault();
      setTab('tasks');
      setEditing({ task: null });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [board, editing, noWrite, setTab]);

  const recoveryOpen = board?.incident.status !== 'active' || command.allowed || wellbeingLead.allowed;
  const tabLabel: Record<BoardTab, string> = { tasks: t('board.tabs.tasks'), checklists: t('plans.board.title'), org: t('board.tabs.org'), log: t('board.tabs.log'), timeline: t('board.tabs.timeline'), reports: t('reports.tab'), aar: t('aar.tab'), recovery: t('recovery.tab') };
  return (
    <div className="board-page">
      <h2 className="visually-hidden">{t('board.title')}</h2>
      {current && board ? (
        <div className="workspace" data-testid="board-workspace">
          <div className="board-tabs" role="tablist" aria-label={t('board.tabs.label')}>
            {/* The after-action report is written once the incident is closed (src/domain/aar). */}
            {boardTabs.filter((name) => name !== 'aar' || readOnly).map((name) => (
              <button
                key={name}
                type="button"
                role="tab"
                aria-selected={tab === name}
                className={tab === name ? 'tab active' : 'tab'}
                onClick={() => setTab(name)}
                data-testid={`tab-${name}`}
                // Recovery opens at demobilisation; the commander may start it earlier, the wellbeing lead takes check-ins throughout.
                {...(name === 'recovery' && !recoveryOpen ? { disabled: true, title: t('recovery.notStarted') } : {})}
              >
                {tabLabel[name]}
                {name === 'log' && inbox > 0 ? <span className="tag tag-warn tab-count" aria-label={t('board.messages.inbox', { count: inbox })} data-testid="inbox-count">{inbox}</span> : null}
              </button>
            ))}
            <span className="tabs-spacer" />
            <button
              type="button"
              className="primary new-task"
              disabled={noWrite}
              title={noWriteTitle}
              onClick={() => { setTab('tasks'); setEditing({ task: null }); }}
              data-testid="new-task"
            >
              {t('board.newTask')} <kbd>{'t'}</kbd>
            </button>
          </div>
          {closedAt !== null ? <ReadOnlyNote closedAt={closedAt} /> : null}
          {error ? <ErrorText error={error} /> : null}
          {tab === 'tasks' ? (
            <div className="tasks-layout">
              <PanelBoundary name="board-conflicts"><ConflictAlerts board={board} onOpen={(task) => setEditing({ task })} /></PanelBoundary>
              <PanelBoundary name="board-tasks"><TaskBoard board={board} locked={noWrite ? noWriteTitle : undefined} onEdit={(task, focus) => setEditing({ task, ...(focus ? { focus } : {}) })} /></PanelBoundary>
              <aside className="tasks-side">
                {/* A disabled fieldset switches off every control inside, the objectives' buttons and forms too. */}
                <fieldset className="bare-fieldset" disabled={noWrite} title={noWriteTitle}>
                  <PanelBoundary name="board-objectives"><ObjectivesPanel board={board} /></PanelBoundary>
                  <PanelBoundary name="board-deadlines"><DeadlinesPanel board={board} /></PanelBoundary>
                  <PanelBoundary name="board-lifecycle"><LifecyclePanel board={board} /></PanelBoundary>
                </fieldset>
              </aside>
            </div>
          ) : null}
          {tab === 'checklists' ? (
            <PanelBoundary name="board-checklists"><ChecklistsPanel incidentId={board.incident.id} filledPositions={[...holdersByPosition(board.assignments, board.incident.period).keys()]} /></PanelBoundary>
          ) : null}
          {tab === 'org' ? <PanelBoundary name="board-org"><OrgChart board={board} /></PanelBoundary> : null}
          {tab === 'log' ? (
            <div className="log-layout">
              <PanelBoundary name="board-log"><ActivityLogPanel board={board} /></PanelBoundary>
              <PanelBoundary name="board-messages"><MessagesPanel board={board} /></PanelBoundary>
            </div>
          ) : null}
          {tab === 'timeline' ? <PanelBoundary name="board-timeline"><TimelineView items={timeline} /></PanelBoundary> : null}
          {tab === 'reports' ? <PanelBoundary name="board-reports"><ReportsPanel incident={board.incident} closed={readOnly} focus={board.deadlines.find((d) => d.id === reportFor) ?? null} /></PanelBoundary> : null}
          {tab === 'aar' ? <PanelBoundary name="board-aar"><AarPanel incident={board.incident} /></PanelBoundary> : null}
          {tab === 'recovery' ? <PanelBoundary name="board-recovery"><RecoveryPanel incident={board.incident} /></PanelBoundary> : null}
          {editing ? <TaskEditor key={editing.task?.id ?? 'new'} board={board} task={editing.task} focus={editing.focus} locked={noWrite ? noWriteTitle : undefined} onClose={() => setEditing(null)} /> : null}
        </div>
      ) : null}
      <div className="board incidents-section">
        <div className="board-main">
          <PanelBoundary name="incident-list"><IncidentList /></PanelBoundary>
        </div>
        <aside className="board-side">
          <PanelBoundary name="declare-incident"><DeclareIncidentForm /></PanelBoundary>
          {current ? <PanelBoundary name="incident-controls"><IncidentControls key={current.id} incident={current} /></PanelBoundary> : null}
        </aside>
      </div>
    </div>
  );
}

function ReadOnlyNote({ closedAt }: { closedAt: number }) {
  const { t } = useTranslation();
  const time = useClosedTime(closedAt);
  return <p className="read-only-note" role="note" data-testid="read-only-note">{t('board.readOnly', { time })}</p>;
}
