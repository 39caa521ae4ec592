import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Board } from '../../../contract/board';
import { newId } from '../../../domain/ids';
import { deadlineClock, STATUTORY_RECIPIENT, STATUTORY_TITLE, type Deadline } from '../../../domain/incidents/reporting-deadlines';
import { ErrorText } from '../../app/ErrorText';
import { clockTime, deadlineOutcome, incidentStanding } from '../../app/incident-standing';
import { useNow } from '../../app/use-now';
import { deadlineOutcomeKey } from '../../i18n/keys';
import { formatDateTime, fromZonedInputValue, toZonedInputValue } from '../../lib/time';
import type { UiError } from '../../lib/ui-error';
import { selectLanguage, selectTimeZone } from '../../state/selectors';
import { useApp } from '../../state/store-context';
import { formatCountdown } from './ReportingClock';
import { useCan } from '../../state/use-can';
import { useMutation } from '../../state/use-mutation';

const HOUR = 60 * 60 * 1000;

/** Every reporting clock of the incident, soonest first, and a form for the ones the statute does not set. */
export function DeadlinesPanel({ board }: { board: Board }) {
  const { t } = useTranslation();
  const deadlineRemove = useMutation('deadline.remove').run;
  const timeZone = useApp(selectTimeZone);
  const language = useApp(selectLanguage);
  const standing = incidentStanding(board.incident);
  // A closed incident's clocks stop at its close: each shows how it ended, none keeps counting.
  const now = clockTime(standing, useNow());
  const closed = standing.state === 'closed';
  const [error, setError] = useState<UiError | null>(null);
  // `board.get` already puts the statutory clock among the deadlines. Open clocks first (soonest due on top),
  // reported ones after: the commander reads the top line first.
  const deadlines = [...board.deadlines].sort(
    (a, b) => Number(Boolean(a.report)) - Number(Boolean(b.report)) || a.dueAt - b.dueAt,
  );

  const title = (d: Deadline): string => (d.title === STATUTORY_TITLE ? t('board.clock.statutory') : d.title);
  const recipient = (to: string): string => (to === STATUTORY_RECIPIENT ? t('board.clock.countyAuthority') : to);

  return (
    <section className="panel deadlines" aria-labelledby="deadlines-title" data-testid="deadlines">
      <h2 id="deadlines-title">{t('board.deadlines.title')}</h2>
      {deadlines.length === 0 ? <p className="muted">{t('board.deadlines.empty')}</p> : null}
      <ul className="deadline-list">
        {deadlines.map((d) => {
          const clock = deadlineClock(d, now);
          const state = closed ? deadlineOutcome(d, now) : clock.state;
          return (
            <li key={d.id} className={`deadline deadline-${state}`} data-testid="deadline" data-state={state}>
              <div className="deadline-head">
                <span className="deadline-title">{title(d)}</span>
                <span className="deadline-count num">
                  {closed
                    ? t(deadlineOutcomeKey(deadlineOutcome(d, now)))
                    : d.report
                      ? t('board.deadlines.reported')
                      : `${clock.late ? t('board.clock.late') : ''}${formatCountdown(clock.remainingMs)}`}
                </span>
              </div>
              <div className="deadline-meta muted">
                {t('board.deadlines.dueTo', { at: formatDateTime(d.dueAt, timeZone, language), to: recipient(d.to) })}
              </div>
              {d.report ? (
                <div className="deadline-meta deadline-report">
                  {clock.late
                    ? t('board.deadlines.reportLineLate', { by: d.report.by, to: d.report.to, at: formatDateTime(d.report.reportedAt, timeZone, language) })
                    : t('board.deadlines.reportLine', { by: d.report.by, to: d.report.to, at: formatDateTime(d.report.reportedAt, timeZone, language) })}
                </div>
              ) : null}
              {d.basis === 'custom' && !closed && !d.report ? <RecordReportForm deadline={d} timeZone={timeZone} onError={setError} /> : null}
              {d.basis === 'custom' && !closed && !d.report ? (
                <button
                  type="button"
                  className="icon deadline-remove"
                  aria-label={t('board.deadlines.remove', { title: d.title })}
                  title={t('board.deadlines.remove', { title: d.title })}
                  onClick={() => void deadlineRemove({ id: d.id }).then(setError)}
                >
                  ×
                </button>
              ) : null}
            </li>
          );
        })}
      </ul>
      {closed ? null : <AddDeadlineForm incidentId={board.incident.id} timeZone={timeZone} onError={setError} />}
      {error ? <ErrorText error={error} /> : null}
    </section>
  );
}

/**
 * Stops a user-added clock: a call back to the CDC or a figure phoned to the district is often no written report,
 * so the clock is stopped here with who reported, to whom and when (the statutory one stops with its report).
 */
function RecordReportForm({ deadline, timeZone, onError }: { deadline: Deadline; timeZone: string; onError: (error: UiError | null) => void }) {
  const { t } = useTranslation();
  const recordReport = useMutation('deadline.recordReport').run;
  const write = useCan('incident.write');
  const user = useApp((s) => s.sync?.user);
  const [open, setOpen] = useState(false);
  const [by, setBy] = useState('');
  const [to, setTo] = useState(deadline.to);
  const [at, setAt] = useState('');

  const start = (): void => {
    setBy(user?.displayName ?? '');
    setTo(deadline.to);
    // Now by default; the user moves it back when the call was made before they got to the desk.
    setAt(toZonedInputValue(Date.now(), timeZone));
    setOpen(true);
  };

  const record = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const reportedAt = fromZonedInputValue(at, timeZone);
    if (reportedAt === null) {
      onError({ code: 'invalid_args', message: `report time ${at}` });
      return;
    }
    const failed = await recordReport({ id: deadline.id, reportedAt, to, by });
    onError(failed);
    if (!failed) setOpen(false);
  };

  if (!open) {
    return (
      <button type="button" className="secondary deadline-record" disabled={!write.allowed} title={write.title} onClick={start}>
        {t('board.deadlines.record', { title: deadline.title })}
      </button>
    );
  }
  return (
    <form className="form deadline-record-form" onSubmit={(e) => void record(e)} aria-label={t('board.deadlines.record', { title: deadline.title })}>
      <label>
        <span>{t('board.deadlines.reportedBy')}</span>
        <input name="reportedBy" required maxLength={100} value={by} onChange={(e) => setBy(e.target.value)} />
      </label>
      <label>
        <span>{t('board.deadlines.to')}</span>
        <input name="reportedTo" required maxLength={200} value={to} onChange={(e) => setTo(e.target.value)} />
      </label>
      <label>
        <span>{t('board.deadlines.reportedAt', { zone: timeZone })}</span>
        <input name="reportedAt" type="datetime-local" required value={at} onChange={(e) => setAt(e.target.value)} />
      </label>
      <div className="row">
        <button type="submit">{t('board.deadlines.recordSave')}</button>
        <button type="button" className="secondary" onClick={() => setOpen(false)}>{t('board.deadlines.recordCancel')}</button>
      </div>
    </form>
  );
}

function AddDeadlineForm({ incidentId, timeZone, onError }: { incidentId: string; timeZone: string; onError: (error: UiError | null) => void }) {
  const { t } = useTranslation();
  const deadlineAdd = useMutation('deadline.add').run;
  const [title, setTitle] = useState('');
  const [to, setTo] = useState('');
  // An hour ahead is the usual follow-up interval; the user edits it before saving.
  const [due, setDue] = useState(() => toZonedInputValue(Date.now() + HOUR, timeZone));

  const add = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const dueAt = fromZonedInputValue(due, timeZone);
    if (dueAt === null) {
      // A browser that fills datetime-local with seconds or an odd year: refuse here rather than guess.
      onError({ code: 'invalid_args', message: `due time ${due}` });
      return;
    }
    const failed = await deadlineAdd({ id: newId(), incidentId, title, to, dueAt });
    onError(failed);
    if (!failed) {
      setTitle('');
      setTo('');
      setDue(toZonedInputValue(Date.now() + HOUR, timeZone));
    }
  };

  return (
    <form className="form deadline-form" onSubmit={(e) => void add(e)} data-testid="deadline-form">
      <label>
        <span>{t('board.deadlines.what')}</span>
        <input name="deadlineTitle" required maxLength={200} value={title} placeholder={t('board.deadlines.whatPlaceholder')} onChange={(e) => setTitle(e.target.value)} />
      </label>
      <label>
        <span>{t('board.deadlines.due', { zone: timeZone })}</span>
        <input name="deadlineDue" type="datetime-local" required value={due} onChange={(e) => setDue(e.target.value)} />
      </label>
      <label>
        <span>{t('board.deadlines.to')}</span>
        <input name="deadlineTo" required maxLength={200} value={to} placeholder={t('board.deadlines.toPlaceholder')} onChange={(e) => setTo(e.target.value)} />
      </label>
      <button type="submit" className="secondary">{t('board.deadlines.add')}</button>
    </form>
  );
}
