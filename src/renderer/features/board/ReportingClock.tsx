import { useTranslation } from 'react-i18next';
import type { Incident } from '../../../domain/incidents/incident';
import { deadlineClock, incidentDeadlines, nextOpenDeadline, STATUTORY_TITLE, type Deadline } from '../../../domain/incidents/reporting-deadlines';
import { deadlineOutcome, incidentStanding } from '../../app/incident-standing';
import { useNow } from '../../app/use-now';
import { deadlineOutcomeKey } from '../../i18n/keys';
import { useApp } from '../../state/store-context';
import { useBoard, useTrackBoard } from './use-board';

const pad = (n: number): string => String(n).padStart(2, '0');

export function formatCountdown(ms: number): string {
  const total = Math.floor(Math.abs(ms) / 1000);
  const text = `${pad(Math.floor(total / 3600))}:${pad(Math.floor(total / 60) % 60)}:${pad(total % 60)}`;
  return ms < 0 ? `-${text}` : text;
}

/**
 * The next open reporting deadline, counting down in the incident header. Its button takes the user to the report
 * for that deadline on the board's Reports tab: the clock stops when that report is recorded as sent, so a clock
 * is never stopped without a report behind it.
 */
export function ReportingClock({ incident }: { incident: Incident }) {
  const { t } = useTranslation();
  useTrackBoard(incident.id);
  const board = useBoard((s) => s.board);
  const now = useNow();
  const navigate = useApp((s) => s.navigate);
  const openReportFor = useBoard((s) => s.openReportFor);
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
      <button
        type="button"
        className="secondary"
        title={t('board.clock.recordHint')}
        onClick={() => { openReportFor(next.id); navigate('board'); }}
        data-testid="record-report"
      >
        {t('board.clock.record')}
      </button>
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
