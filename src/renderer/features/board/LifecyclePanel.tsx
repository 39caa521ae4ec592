import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Task } from '../../../domain/board/tasks';
import type { Board } from '../../../contract/board';
import { ErrorText } from '../../app/ErrorText';
import { incidentStatusKey } from '../../i18n/keys';
import type { UiError } from '../../lib/ui-error';
import { useCan } from '../../state/use-can';
import { useMutation } from '../../state/use-mutation';
import { NextPeriodDialog } from './NextPeriodDialog';
import { sectionLabel, statusLabel } from './labels';
import { tasksNotDone } from './open-tasks';

type Action = 'demobilise' | 'activate' | 'close';

/** Period, demobilisation and closing; level changes with their reason stay in the incident controls. */
export function LifecyclePanel({ board }: { board: Board }) {
  const { t } = useTranslation();
  const { incident, tasks } = board;
  const demobilise = useMutation('incident.demobilise').run;
  const activate = useMutation('incident.activate').run;
  const close = useMutation('incident.close').run;
  const command = useCan('incident.command');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<UiError | null>(null);
  // Demobilising and closing wind the response down: the commander first sees what is still open.
  const [confirming, setConfirming] = useState<'demobilise' | 'close' | null>(null);
  const [planningNext, setPlanningNext] = useState(false);

  const act = async (action: Action): Promise<void> => {
    const send = action === 'demobilise' ? demobilise : action === 'activate' ? activate : close;
    const failed = await send({ id: incident.id, reason });
    setError(failed);
    if (!failed) setReason('');
  };

  return (
    <section className="panel lifecycle" aria-labelledby="lifecycle-title" data-testid="lifecycle">
      <h2 id="lifecycle-title">{t('board.lifecycle.title')}</h2>
      <p className="lifecycle-status">
        {t('board.lifecycle.status')} <strong data-testid="incident-status">{t(incidentStatusKey(incident.status))}</strong>
      </p>
      <button type="button" onClick={() => setPlanningNext(true)} disabled={incident.status === 'closed' || !command.allowed} title={command.title} data-testid="start-period">
        {t('board.lifecycle.nextPeriod', { period: incident.period + 1 })}
      </button>
      <label>
        <span>{t('board.lifecycle.reason')}</span>
        <input name="lifecycleReason" maxLength={500} value={reason} placeholder={t('board.lifecycle.reasonPlaceholder')} onChange={(e) => setReason(e.target.value)} />
      </label>
      <div className="actions">
        {incident.status === 'active' ? <button type="button" onClick={() => setConfirming('demobilise')} disabled={!command.allowed} title={command.title}>{t('board.lifecycle.demobilise')}</button> : null}
        {incident.status === 'demobilising' ? <button type="button" onClick={() => void act('activate')} disabled={!command.allowed} title={command.title}>{t('board.lifecycle.activate')}</button> : null}
        {incident.status !== 'closed' ? <button type="button" className="danger" onClick={() => setConfirming('close')} disabled={!command.allowed} title={command.title}>{t('board.lifecycle.close')}</button> : null}
      </div>
      {error ? <ErrorText error={error} /> : null}
      {planningNext ? <NextPeriodDialog board={board} onClose={() => setPlanningNext(false)} /> : null}
      {confirming ? (
        <WindDownDialog
          action={confirming}
          open={tasksNotDone(tasks)}
          onBack={() => setConfirming(null)}
          onConfirm={() => {
            setConfirming(null);
            void act(confirming);
          }}
        />
      ) : null}
    </section>
  );
}

/** The commander's decision at demobilise or close, with every task not done in front of them. */
function WindDownDialog({ action, open, onBack, onConfirm }: { action: 'demobilise' | 'close'; open: readonly Task[]; onBack: () => void; onConfirm: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="overlay" role="presentation" onClick={onBack}>
      <div
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="wind-down-title"
        aria-describedby="wind-down-summary"
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          if (e.key === 'Escape') onBack();
        }}
        data-testid="wind-down-dialog"
      >
        <h2 id="wind-down-title">{action === 'close' ? t('board.lifecycle.confirm.titleClose') : t('board.lifecycle.confirm.titleDemobilise')}</h2>
        <p id="wind-down-summary">
          {open.length > 0 ? t('board.lifecycle.confirm.openTasks', { count: open.length }) : t('board.lifecycle.confirm.noOpenTasks')}
        </p>
        {open.length > 0 ? (
          <ul className="open-task-list" aria-label={t('board.lifecycle.confirm.listLabel')}>
            {open.map((task) => (
              <li key={task.id}>
                {t('board.lifecycle.confirm.taskLine', { title: task.title, section: sectionLabel[task.section](t), status: statusLabel[task.status](t) })}
              </li>
            ))}
          </ul>
        ) : null}
        {action === 'close' ? <p className="muted">{t('board.lifecycle.confirm.closeNote')}</p> : null}
        <div className="actions">
          {/* Going back is the safe answer, so it has the focus. */}
          <button type="button" onClick={onBack} autoFocus>{t('board.lifecycle.confirm.back')}</button>
          <button type="button" className={action === 'close' ? 'danger' : 'primary'} onClick={onConfirm}>
            {action === 'close' ? t('board.lifecycle.confirm.closeAnyway') : t('board.lifecycle.confirm.demobiliseAnyway')}
          </button>
        </div>
      </div>
    </div>
  );
}
