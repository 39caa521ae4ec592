import './plans.css';
import { useTranslation } from 'react-i18next';
import { checklistRows, progressOf, rollUp, versionLabel, type ChecklistRow, type Progress } from '../../../domain/plans';
import type { Section } from '../../../domain/hics';
import type { IncidentPlan } from '../../../contract/plans-api';
import type { Incident } from '../../../domain/incidents/incident';
import { ErrorText } from '../../app/ErrorText';
import { useNow } from '../../app/use-now';
import { levelShortKey } from '../../i18n/keys';
import { formatTime } from '../../lib/time';
import { selectLanguage, selectTimeZone } from '../../state/selectors';
import { useApp } from '../../state/store-context';
import { useLive } from '../../state/use-live';
import { useMutation } from '../../state/use-mutation';
import { bandLabel, sectionLabel, stateLabel } from './labels';
import { planText } from './plan-text';
import { positionLabel } from './positions';

const bands = ['immediate', 'intermediate', 'extended', 'demobilisation'] as const;
const sections: readonly Section[] = ['command', 'operations', 'planning', 'logistics', 'finance'];

function ProgressBar({ progress, label, testId }: { progress: Progress; label: string; testId?: string }) {
  const pct = progress.total === 0 ? 0 : Math.round((progress.complete / progress.total) * 100);
  return (
    <div className="plans-progress" data-testid={testId} data-complete={progress.complete} data-total={progress.total}>
      <div className="plans-progress-bar" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={progress.total} aria-valuenow={progress.complete}>
        <span style={{ width: `${pct}%` }} />
      </div>
      <span className="plans-progress-text">{label}</span>
    </div>
  );
}

function ItemRow({ row, checklistId, sub = false }: { row: ChecklistRow; checklistId: string; sub?: boolean }) {
  const { t } = useTranslation();
  const language = useApp(selectLanguage);
  const timeZone = useApp(selectTimeZone);
  const mark = useMutation('checklist.mark');
  const marked = row.state === 'done' || row.state === 'na';
  const send = (status: 'done' | 'na' | 'open') => void mark.run({ checklistId, itemId: row.item.id, status });
  const when = row.state === 'upcoming' && row.opensAt !== null
    ? t('plans.board.opensAt', { time: formatTime(row.opensAt, timeZone, language) })
    : row.dueAt !== null && !marked ? t('plans.board.dueAt', { time: formatTime(row.dueAt, timeZone, language) }) : '';
  const text = planText(row.item.text, language);
  return (
    <li className={`plans-item state-${row.state}${sub ? ' plans-substep' : ''}`} data-testid="checklist-item" data-item={row.item.id} data-state={row.state}>
      <span className="plans-item-state">{stateLabel[row.state](t)}</span>
      <span className="plans-item-text">{text}</span>
      {when ? <span className="plans-item-when">{when}</span> : null}
      <span className="plans-item-buttons">
        {marked ? (
          <button type="button" className="secondary" disabled={mark.busy} onClick={() => send('open')} aria-label={`${t('plans.board.reopen')}: ${text}`}>{t('plans.board.reopen')}</button>
        ) : (
          <>
            <button type="button" className="secondary plans-done" disabled={mark.busy} onClick={() => send('done')} aria-label={`${t('plans.board.done')}: ${text}`} data-testid="checklist-done">{t('plans.board.done')}</button>
            <button type="button" className="secondary" disabled={mark.busy} onClick={() => send('na')} aria-label={`${t('plans.board.na')}: ${text}`}>{t('plans.board.na')}</button>
          </>
        )}
      </span>
      {mark.error ? <ErrorText error={mark.error} /> : null}
      {row.substeps.length > 0 ? (
        <ul className="plans-items">{row.substeps.map((s) => <ItemRow key={s.item.id} row={s} checklistId={checklistId} sub />)}</ul>
      ) : null}
    </li>
  );
}

function PositionCard({ positionId, checklistId, rows }: { positionId: string; checklistId: string; rows: ChecklistRow[] }) {
  const { t } = useTranslation();
  const language = useApp(selectLanguage);
  const progress = progressOf(rows);
  const name = positionLabel(positionId, language);
  return (
    <section className="plans-position" aria-label={name} data-testid="position-checklist" data-position={positionId}>
      <h5>{name}</h5>
      <ProgressBar progress={progress} label={t('plans.board.dueProgress', progress)} testId="position-progress" />
      {bands.map((band) => {
        const inBand = rows.filter((r) => r.item.band === band);
        if (inBand.length === 0) return null;
        return (
          <div key={band} className="plans-band" data-band={band}>
            <span className="plans-band-name">{bandLabel[band](t)}</span>
            <ul className="plans-items">{inBand.map((r) => <ItemRow key={r.item.id} row={r} checklistId={checklistId} />)}</ul>
          </div>
        );
      })}
    </section>
  );
}

function OpenChecklist({ entry, positions }: { entry: IncidentPlan; positions: readonly string[] }) {
  const { t } = useTranslation();
  const language = useApp(selectLanguage);
  const open = useMutation('checklist.open');
  const missing = positions.filter((p) => !entry.checklists.some((c) => c.positionId === p) && entry.version.content.checklist.some((i) => i.phase === 'response' && i.positionId === p));
  if (missing.length === 0) return null;
  return (
    <div className="plans-open-for">
      <span>{t('plans.board.openFor')}</span>
      {missing.map((p) => (
        <button key={p} type="button" className="secondary" disabled={open.busy} onClick={() => void open.run({ activationId: entry.activation.id, positionId: p })}>
          {t('plans.board.open')}: {positionLabel(p, language)}
        </button>
      ))}
      {open.error ? <ErrorText error={open.error} /> : null}
    </div>
  );
}

function ActivatedPlan({ entry, incident, now, positions }: { entry: IncidentPlan; incident: Incident; now: number; positions: readonly string[] }) {
  const { t } = useTranslation();
  const language = useApp(selectLanguage);
  const timeZone = useApp(selectTimeZone);
  const lists = entry.checklists.map((c) => ({
    checklist: c,
    rows: checklistRows(entry.version.content, c.positionId, c.marks, { activation: entry.activation, incident, now }),
  }));
  const { bySection, total } = rollUp(lists.map((l) => ({ positionId: l.checklist.positionId, progress: progressOf(l.rows) })));
  return (
    <div className="plans-activated" data-testid="activated-plan">
      <p className="plans-activated-title">
        {t('plans.board.activated', { plan: planText(entry.plan.title, language), version: versionLabel(entry.version), time: formatTime(entry.activation.activatedAt, timeZone, language), level: t(levelShortKey(entry.activation.level)) })}
      </p>
      <ProgressBar progress={total} label={t('plans.board.dueProgress', total)} testId="plan-progress" />
      <div className="plans-sections" aria-label={t('plans.board.sections')}>
        {sections.flatMap((s) => {
          const p = bySection[s];
          return p ? [<ProgressBar key={s} progress={p} label={`${sectionLabel[s](t)} ${t('plans.board.progress', p)}`} testId={`section-progress-${s}`} />] : [];
        })}
      </div>
      <OpenChecklist entry={entry} positions={positions} />
      <div className="plans-positions">
        {lists.map((l) => <PositionCard key={l.checklist.id} positionId={l.checklist.positionId} checklistId={l.checklist.id} rows={l.rows} />)}
      </div>
    </div>
  );
}

/**
 * The board's checklist panel: per activated plan, one checklist per position with progress, items grouped by
 * JAS band. What is due is derived from the clock each half minute; nothing is written as time passes.
 */
export function ChecklistsPanel({ incidentId, filledPositions }: { incidentId: string; filledPositions: readonly string[] }) {
  const { t } = useTranslation();
  const ticked = useNow(30_000);
  const { data, error } = useLive('plans.incident', { incidentId });
  // The clock ticks every 30 s, but a change (an escalation) made a second ago must not read as still to come:
  // "now" is never earlier than the last change this desk knows of.
  const now = Math.max(ticked, data?.incident.updatedAt ?? 0, ...(data?.plans.flatMap((p) => [p.activation.activatedAt, ...p.checklists.map((c) => c.updatedAt)]) ?? []));
  return (
    <section className="panel plans-board" aria-labelledby="plans-board-title" data-testid="plan-checklists">
      <h3 id="plans-board-title">{t('plans.board.title')}</h3>
      {error ? <ErrorText error={error} /> : null}
      {data && data.plans.length === 0 ? <p className="muted">{t('plans.board.none')}</p> : null}
      {data?.plans.map((entry) => <ActivatedPlan key={entry.activation.id} entry={entry} incident={data.incident} now={now} positions={filledPositions} />)}
    </section>
  );
}
