import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Incident } from '../../../domain/incidents/incident';
import { deadlineClock, incidentDeadlines, nextOpenDeadline, STATUTORY_RECIPIENT, STATUTORY_TITLE, type Deadline } from '../../../domain/incidents/reporting-deadlines';
import { ErrorText } from '../../app/ErrorText';
import { deadlineOutcome, incidentStanding } from '../../app/incident-standing';
import { useNow } from '../../app/use-now';
import { deadlineOutcomeKey } from '../../i18n/keys';
import { fromZonedInputValue, toZonedInputValue } from '../../lib/time';
import type { UiError } from '../../lib/ui-error';
import { selectTimeZone } from '../../state/selectors';
import { useApp } from '../../state/store-context';
import { useBoard, useTrackBoard } from './use-board';
import { useMutation } from '../../state/use-mutation';

const pad = (n: number): string => String(n).padStart(2, '0');

export function formatCountdown(ms: number): string {
  const total = Math.floor(Math.abs(ms) / 1000);
  const text = `${pad(Math.floor(total / 3600))}:${pad(Math.floor(total / 60) % 60)}:${pad(total % 60)}`;
  return ms < 0 ? `-${text}` : text;
}

/** The next open reporting deadline, counting down in the incident header; recording the report stops it. */
export function ReportingClock({ incident }: { incident: Incident }) {
  const { t } = useTranslation();
  useTrackBoard(incident.id);
  const board = useBoard((s) => s.board);
  const now = useNow();
  const [open, setOpen] = useState(false);
  const deadlines = board?.incident.id === incident.id ? board.deadlines : incidentDeadlines(incident, []);
  const standing = incidentStanding(incident);
  if (standing.state === 'closed') return <ClosedClocks deadlines={deadlines} closedAt={standing.closedAt} />;
  const next = nextOpenDeadline(deadlines);
  if (!next) {
    const reported = deadlines.filter((d) => d.report).length;
    return reported > 0 ? <div className="report-clock clock-reported" data-testid="report-clock" data-state="reported">{t('board.clock.allReported')}</div> : null;
  }
  const clock = deadlineClock(next, now);
  const title = next.title === STATUTORY_TITLE ? t('board.clock.statutory') : next.title;
  return (
    <div className={`report-clock clock-${clock.state}`} data-testid="report-clock" data-state={clock.state}>
      <div className="eyebrow">{title}</div>
      <div className="report-countdown num">{clock.late ? t('board.clock.late') : null}{formatCountdown(clock.remainingMs)}</div>
      <button type="button" className="secondary" onClick={() => setOpen(true)} data-testid="record-report">{t('board.clock.record')}</button>
      {open ? <RecordReportDialog deadline={next} onClose={() => setOpen(false)} /> : null}
    </div>
  );
}

/** A closed incident's clocks, stopped at the close: each says whether it was met, not how long is left. */
function ClosedClocks({ deadlines, closedAt }: { deadlines: readonly Deadline[]; closedAt: number }) {
  const { t } = useTranslation();
  if (deadlines.length === 0) return null;
  return (
    <div className="report-clock clock-closed" data-testid="report-clock" data-state="closed">
      <ul className="clock-outcomes">
        {deadlines.map((d) => {
          const outcome = deadlineOutcome(d, closedAt);
          return (
            <li key={d.id} className={`clock-outcome-${outcome}`} data-outcome={outcome}>
              {t('board.clock.outcomeLine', { title: d.title === STATUTORY_TITLE ? t('board.clock.statutory') : d.title, outcome: t(deadlineOutcomeKey(outcome)) })}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function RecordReportDialog({ deadline, onClose }: { deadline: Deadline; onClose: () => void }) {
  const { t } = useTranslation();
  const timeZone = useApp(selectTimeZone);
  const deadlineRecordReport = useMutation('deadline.recordReport').run;
  const [by, setBy] = useState('');
  const [to, setTo] = useState(deadline.to === STATUTORY_RECIPIENT ? t('board.clock.countyAuthority') : deadline.to);
  const [opened] = useState(() => ({ at: Date.now(), text: toZonedInputValue(Date.now(), timeZone) }));
  const [at, setAt] = useState(opened.text);
  const [error, setError] = useState<UiError | null>(null);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    // Untouched, the field means "just now": keep the exact instant rather than the minute the input shows.
    const reportedAt = at === opened.text ? opened.at : (fromZonedInputValue(at, timeZone) ?? opened.at);
    const failed = await deadlineRecordReport({ id: deadline.id, reportedAt, to, by });
    setError(failed);
    if (!failed) onClose();
  };

  return (
    <div className="overlay" role="presentation" onClick={onClose}>
      <div className="dialog" role="dialog" aria-modal="true" aria-labelledby="record-title" onClick={(e) => e.stopPropagation()} data-testid="record-report-dialog">
        <h2 id="record-title">{t('board.clock.recordTitle')}</h2>
        <form className="form" onSubmit={(e) => void submit(e)}>
          <label>
            <span>{t('board.clock.by')}</span>
            <input name="reportBy" required maxLength={100} value={by} onChange={(e) => setBy(e.target.value)} autoFocus />
          </label>
          <label>
            <span>{t('board.clock.to')}</span>
            <input name="reportTo" required maxLength={200} value={to} onChange={(e) => setTo(e.target.value)} />
          </label>
          <label>
            <span>{t('board.clock.at', { zone: timeZone })}</span>
            <input name="reportAt" type="datetime-local" required value={at} onChange={(e) => setAt(e.target.value)} />
          </label>
          {error ? <ErrorText error={error} /> : null}
          <div className="actions">
            <button type="submit" className="primary">{t('board.clock.save')}</button>
            <button type="button" onClick={onClose}>{t('board.editor.cancel')}</button>
          </div>
        </form>
      </div>
    </div>
  );
}
