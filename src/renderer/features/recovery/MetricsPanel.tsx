import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { newId } from '../../../domain/ids';
import { computedKinds, MetricKindSchema, MetricStatusSchema, type RecoveryMetric } from '../../../domain/recovery';
import { ErrorText } from '../../app/ErrorText';
import type { Can } from '../../state/use-can';
import { useMutation } from '../../state/use-mutation';
import { metricKindLabel, metricStatusLabel } from './labels';

type Row = { metric: RecoveryMetric; current: number | null; met: boolean };
const kinds = MetricKindSchema.options;
const statuses = MetricStatusSchema.options;

function MetricRow({ row, write }: { row: Row; write: Can }) {
  const { t } = useTranslation();
  const update = useMutation('recoveryMetric.update');
  const { metric } = row;
  const manual = !computedKinds.includes(metric.kind);
  const [figure, setFigure] = useState('');
  const name = metric.kind === 'other' ? metric.label : metricKindLabel[metric.kind](t);
  const onFigure = (event: FormEvent) => {
    event.preventDefault();
    void update.run({ id: metric.id, current: Number(figure) }).then((error) => (error ? undefined : setFigure('')));
  };
  return (
    <tr data-testid="metric-row" data-kind={metric.kind} data-met={row.met}>
      <th scope="row">{name}</th>
      <td>{metric.target}{metric.kind === 'stock_at_par' || metric.kind === 'elective_surgery' ? ' %' : ''}</td>
      <td>
        {row.current ?? '—'}
        {row.current !== null ? <span className={row.met ? 'recovery-met' : 'recovery-unmet'}> {row.met ? t('recovery.metrics.met') : t('recovery.metrics.notMet')}</span> : null}
        {!manual ? <span className="muted recovery-sub">{t('recovery.metrics.counted')}</span> : null}
        {manual && write.allowed ? (
          <form className="recovery-inline" onSubmit={onFigure}>
            <input type="number" min={0} step="any" required aria-label={t('recovery.metrics.figureFor', { name })} value={figure} onChange={(e) => setFigure(e.target.value)} />
            <button type="submit" className="secondary" disabled={update.busy}>{t('recovery.metrics.setFigure')}</button>
          </form>
        ) : null}
      </td>
      <td>{metric.owner}</td>
      <td>
        <select aria-label={t('recovery.metrics.statusOf', { name })} value={metric.status} disabled={!write.allowed || update.busy} title={write.title}
          onChange={(e) => void update.run({ id: metric.id, status: statuses.find((s) => s === e.target.value) ?? metric.status })}>
          {statuses.map((s) => <option key={s} value={s}>{metricStatusLabel[s](t)}</option>)}
        </select>
        {update.error ? <ErrorText error={update.error} /> : null}
      </td>
    </tr>
  );
}

/** Recovery metrics tracked to done: beds back to the declaration's baseline, stock at par, surgery, and any other. */
export function MetricsPanel({ incidentId, metrics, bedsBaseline, write }: { incidentId: string; metrics: readonly Row[]; bedsBaseline: number; write: Can }) {
  const { t } = useTranslation();
  const add = useMutation('recoveryMetric.add');
  const [kind, setKind] = useState<(typeof kinds)[number]>('beds_available');
  const [label, setLabel] = useState('');
  const [target, setTarget] = useState('');
  const [owner, setOwner] = useState('');
  const onAdd = (event: FormEvent) => {
    event.preventDefault();
    void add.run({ id: newId(), incidentId, kind, target: Number(target), owner, ...(kind === 'other' ? { label } : {}) }).then((error) => {
      if (error) return;
      setTarget('');
      setLabel('');
    });
  };
  const onKind = (value: string) => {
    const next = kinds.find((k) => k === value) ?? 'other';
    setKind(next);
    // Suggested targets: the beds available at the declaration, every stocked item at par, full theatre capacity.
    if (next === 'beds_available') setTarget(String(bedsBaseline));
    else if (next === 'stock_at_par' || next === 'elective_surgery') setTarget('100');
  };
  return (
    <section className="panel" aria-labelledby="recovery-metrics-title" data-testid="recovery-metrics">
      <h3 id="recovery-metrics-title">{t('recovery.metrics.title')}</h3>
      <p className="muted">{t('recovery.metrics.intro', { baseline: bedsBaseline })}</p>
      {metrics.length === 0 ? <p className="muted">{t('recovery.none')}</p> : (
        <table className="recovery-table">
          <thead>
            <tr>
              <th scope="col">{t('recovery.metrics.metric')}</th>
              <th scope="col">{t('recovery.metrics.target')}</th>
              <th scope="col">{t('recovery.metrics.current')}</th>
              <th scope="col">{t('recovery.metrics.owner')}</th>
              <th scope="col">{t('recovery.metrics.status')}</th>
            </tr>
          </thead>
          <tbody>{metrics.map((row) => <MetricRow key={row.metric.id} row={row} write={write} />)}</tbody>
        </table>
      )}
      {write.allowed ? (
        <form className="form recovery-add" onSubmit={onAdd} aria-label={t('recovery.metrics.add')}>
          <label><span>{t('recovery.metrics.metric')}</span>
            <select value={kind} onChange={(e) => onKind(e.target.value)}>{kinds.map((k) => <option key={k} value={k}>{metricKindLabel[k](t)}</option>)}</select>
          </label>
          {kind === 'other' ? <label><span>{t('recovery.metrics.name')}</span><input required maxLength={200} value={label} onChange={(e) => setLabel(e.target.value)} /></label> : null}
          <label><span>{t('recovery.metrics.target')}</span><input type="number" min={0} step="any" required value={target} onChange={(e) => setTarget(e.target.value)} /></label>
          <label><span>{t('recovery.metrics.owner')}</span><input required maxLength={200} value={owner} onChange={(e) => setOwner(e.target.value)} /></label>
          <button type="submit" className="secondary" disabled={add.busy}>{t('recovery.metrics.add')}</button>
        </form>
      ) : null}
      {add.error ? <ErrorText error={add.error} /> : null}
    </section>
  );
}
