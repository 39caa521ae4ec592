import { useTranslation } from 'react-i18next';
import { ErrorText } from '../../app/ErrorText';
import { formatTime } from '../../lib/time';
import { selectTimeZone } from '../../state/selectors';
import { useApp } from '../../state/store-context';
import { useProfessionLabels } from './labels';
import { useLive } from '../../state/use-live';
import { useMinute } from '../../app/use-now';


/**
 * Coverage at a glance: on duty (rostered, plus labour pool check-ins on the current shift) against required by
 * unit and role, now and next; gaps in red with the number.
 */
export function CoveragePanel() {
  const { t, i18n } = useTranslation();
  const timeZone = useApp(selectTimeZone);
  const labels = useProfessionLabels();
  // Shifts change on the clock, not only on edits: the read moves on each minute.
  const minute = useMinute();
  const coverage = useLive('roster.coverage', { at: minute }, { keepPrevious: true });
  const rows = coverage.data ?? [];
  const gaps = rows.filter((r) => r.gap > 0);
  return (
    <section className="roster-coverage" aria-labelledby="roster-coverage-title" data-testid="roster-coverage">
      <div className="roster-toolbar">
        <h2 id="roster-coverage-title">{t('roster.coverage.title')}</h2>
        <span className={`status-chip ${gaps.length > 0 ? 'chip-alert' : ''}`}>{t('roster.coverage.gaps', { count: gaps.length })}</span>
      </div>
      {coverage.error ? <ErrorText error={coverage.error} /> : null}
      {rows.length === 0 ? <p className="muted">{t('roster.coverage.none')}</p> : null}
      <div className="coverage-cards">
        {rows.map((r) => (
          <div
            key={`${r.unit}/${r.role}/${r.shiftCode}/${r.phase}`}
            className={`coverage-card ${r.gap > 0 ? 'cov-gap' : 'cov-ok'}`}
            data-unit={r.unit}
            data-phase={r.phase}
            data-gap={r.gap}
            data-on-duty={r.rostered + r.pooled}
          >
            <div className="cov-head">
              <span className="cov-unit">{r.unit}</span>
              <span className="cov-phase">{r.phase === 'current' ? t('roster.coverage.current') : t('roster.coverage.next')}</span>
            </div>
            <div className="cov-role">{labels[r.role]} · {r.shiftCode} · <span className="num">{formatTime(r.start, timeZone, i18n.language)}–{formatTime(r.end, timeZone, i18n.language)}</span></div>
            <div className="cov-figure num">{r.rostered + r.pooled}<span className="cov-of">/{r.required}</span></div>
            {r.pooled > 0 ? <div className="cov-pooled muted">{t('roster.coverage.pooled', { count: r.pooled })}</div> : null}
            <div className="cov-status">{r.gap > 0 ? t('roster.coverage.short', { count: r.gap }) : t('roster.coverage.covered')}</div>
          </div>
        ))}
      </div>
    </section>
  );
}
