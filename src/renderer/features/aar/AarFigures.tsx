import { useTranslation } from 'react-i18next';
import type { AarData } from '../../../domain/aar';
import { STATUTORY_TITLE } from '../../../domain/incidents';
import { formatDateTime, formatTime } from '../../lib/time';
import { selectLanguage, selectTimeZone } from '../../state/selectors';
import { useApp } from '../../state/store-context';
import { categoryLabel, dispositionLabel, outcomeLabel, timelineLine } from './labels';

const categories = ['immediate', 'delayed', 'minor', 'expectant', 'dead'] as const;
const dispositions = ['admitted', 'surgery', 'transferred', 'discharged', 'morgue', 'in_care'] as const;

/** The AAR's data sections as counted from the records: read-only here, re-counted by "Refresh the figures". */
export function AarFigures({ data }: { data: AarData }) {
  const { t } = useTranslation();
  const timeZone = useApp(selectTimeZone);
  const language = useApp(selectLanguage);
  const when = (ms: number) => formatDateTime(ms, timeZone, language);
  const { requests } = data.resources;
  return (
    <div className="aar-figures">
      <p className="muted" data-testid="aar-as-of">{t('aar.asOf', { at: when(data.asOf), closed: when(data.closedAt) })}</p>
      <section aria-labelledby="aar-casualties" data-testid="aar-casualties">
        <h4 id="aar-casualties">{t('aar.casualties')} · {t('aar.total', { count: data.casualties.total })}</h4>
        <ul className="aar-counts">
          {categories.map((c) => <li key={c}>{categoryLabel[c](t)} <strong>{data.casualties.byCategory[c]}</strong></li>)}
        </ul>
        <ul className="aar-counts">
          {dispositions.map((d) => <li key={d}>{dispositionLabel[d](t)} <strong>{data.casualties.byDisposition[d]}</strong></li>)}
        </ul>
      </section>
      <section aria-labelledby="aar-resources" data-testid="aar-resources">
        <h4 id="aar-resources">{t('aar.resources')}</h4>
        <p>{t('aar.requests', { total: requests.total, filled: requests.filled, partly: requests.partially_filled, open: requests.pending + requests.approved, rejected: requests.rejected })}</p>
        {data.resources.issued.length > 0 ? (
          <ul className="aar-counts" aria-label={t('aar.issued')}>
            {data.resources.issued.map((l) => <li key={l.item}>{l.item} <strong>{l.qty}</strong></li>)}
          </ul>
        ) : null}
      </section>
      <section aria-labelledby="aar-open-tasks" data-testid="aar-open-tasks">
        <h4 id="aar-open-tasks">{t('aar.openTasks')}</h4>
        {data.openTasks.length === 0 ? <p className="muted">{t('aar.none')}</p> : <ul>{data.openTasks.map((task) => <li key={task.id}>{task.title}</li>)}</ul>}
      </section>
      <section aria-labelledby="aar-deadlines" data-testid="aar-deadlines">
        <h4 id="aar-deadlines">{t('aar.deadlines')}</h4>
        <ul>
          {data.deadlines.map((d) => (
            <li key={d.id} className={`aar-outcome aar-outcome-${d.outcome}`}>
              {d.title === STATUTORY_TITLE ? t('board.clock.statutory') : d.title} · {when(d.dueAt)} · <strong>{outcomeLabel[d.outcome](t)}</strong>
            </li>
          ))}
        </ul>
      </section>
      <details className="aar-timeline" data-testid="aar-timeline">
        <summary>{t('aar.timeline')} ({data.timeline.length})</summary>
        <ol>
          {data.timeline.map((e, i) => <li key={`${e.at}-${i}`}><time>{formatTime(e.at, timeZone, language)}</time> {timelineLine(e, t)}</li>)}
        </ol>
        {data.timelineOmitted > 0 ? <p className="muted">{t('aar.omitted', { count: data.timelineOmitted })}</p> : null}
      </details>
    </div>
  );
}
