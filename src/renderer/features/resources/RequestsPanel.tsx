import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { newId } from '../../../domain/ids';
import { filledQty, RequestPrioritySchema, type ResourceRequest } from '../../../domain/resources/resource-requests';
import { ActorName } from '../../app/ActorName';
import { ErrorText } from '../../app/ErrorText';
import type { UiError } from '../../lib/ui-error';
import { useApp } from '../../state/store-context';
import { priorityLabel } from './labels';
import { RequestsGrid } from './RequestsGrid';
import { parseCount } from './stock-columns';
import { useLive } from '../../state/use-live';
import { useCan } from '../../state/use-can';
import { useMutation } from '../../state/use-mutation';

const NO_REQUESTS: ResourceRequest[] = [];
const HOUR = 3_600_000;

/** HICS 213RR requests: raise, then Logistics approves, rejects or fills; the 257 record is derived from the fills. */
export function RequestsPanel() {
  const { t, i18n } = useTranslation();
  const raiseRequest = useMutation('request.raise').run;
  const fillRequest = useMutation('request.fill').run;
  const approve = useMutation('request.approve').run;
  const reject = useMutation('request.reject').run;
  const logistics = useCan('request.approve');
  const write = useCan('incident.write');
  const { data } = useLive('resources.requests', {});
  // The holdings to fill from; the same read as the stock grid's, so both share it.
  const { data: stock } = useLive('resources.stock', { windowDays: 7 });
  const [error, setError] = useState<UiError | null>(null);
  const [form, setForm] = useState({ item: '', qty: '', hours: '4', priority: 'urgent' as 'urgent' | 'high' | 'routine', justification: '', section: '' });
  const [fill, setFill] = useState<Record<string, { stockId: string; qty: string }>>({});
  const timeZone = useApp((s) => s.settings?.timeZone);
  const time = new Intl.DateTimeFormat(i18n.language, { hour: '2-digit', minute: '2-digit', month: 'short', day: 'numeric', ...(timeZone ? { timeZone } : {}) });
  const [selectedId, setSelectedId] = useState<string | null>(null);
  // Logistics acts on the selected request, or on the newest one until a row is picked.
  const current = data?.requests.find((r) => r.id === selectedId) ?? data?.requests[0] ?? null;
  const items = [...new Set(stock?.rows.map((r) => r.item))].sort();

  const raise = async () => {
    const qty = parseCount(form.qty);
    const hours = parseCount(form.hours);
    if (!qty || hours === null) return setError({ code: 'invalid_request', message: 'qty' });
    const failed = await raiseRequest({ id: newId(), item: form.item, qty, neededBy: Date.now() + hours * HOUR, priority: form.priority, justification: form.justification, section: form.section });
    setError(failed);
    if (!failed) setForm({ ...form, qty: '', justification: '' });
  };

  const doFill = async (request: ResourceRequest) => {
    const choice = fill[request.id];
    const qty = parseCount(choice?.qty ?? '');
    if (!choice?.stockId || !qty) return setError({ code: 'invalid_request', message: 'fill' });
    setError(await fillRequest({ id: request.id, stockId: choice.stockId, qty }));
  };

  return (
    <div className="requests-panel">
      {error ? <ErrorText error={error} /> : null}
      <section className="panel" aria-labelledby="raise-title">
        <h3 id="raise-title">{t('resources.requests.raise')}</h3>
        <div className="request-form">
          <label>{t('resources.requests.item')}
            <select value={form.item} onChange={(e) => setForm({ ...form, item: e.target.value })} data-testid="request-item">
              <option value="">{t('resources.requests.pickItem')}</option>
              {items.map((i) => <option key={i} value={i}>{i}</option>)}
            </select>
          </label>
          <label>{t('resources.requests.qty')}<input inputMode="numeric" value={form.qty} onChange={(e) => setForm({ ...form, qty: e.target.value })} data-testid="request-qty" /></label>
          <label>{t('resources.requests.neededIn')}<input inputMode="numeric" value={form.hours} onChange={(e) => setForm({ ...form, hours: e.target.value })} /></label>
          <label>{t('resources.requests.priority')}
            <select value={form.priority} onChange={(e) => setForm({ ...form, priority: RequestPrioritySchema.parse(e.target.value) })}>
              {RequestPrioritySchema.options.map((p) => <option key={p} value={p}>{priorityLabel(t, p)}</option>)}
            </select>
          </label>
          <label>{t('resources.requests.section')}<input value={form.section} onChange={(e) => setForm({ ...form, section: e.target.value })} data-testid="request-section" /></label>
          <label className="wide">{t('resources.requests.justification')}<input value={form.justification} onChange={(e) => setForm({ ...form, justification: e.target.value })} data-testid="request-justification" /></label>
          <button type="button" className="primary" onClick={() => void raise()} disabled={!write.allowed} title={write.title} data-testid="request-raise">{t('resources.requests.submit')}</button>
        </div>
      </section>
      <section className="panel" aria-labelledby="requests-title">
        <h3 id="requests-title">{t('resources.requests.title')}</h3>
        <RequestsGrid requests={data?.requests ?? NO_REQUESTS} selectedId={current?.id ?? null} timeZone={timeZone} onSelect={setSelectedId} />
        {current ? (
          <div className="request-actions inline-form" data-testid="request-actions">
            <strong>{current.item} · {t('resources.requests.filledOf', { filled: filledQty(current), qty: current.qty })} · {current.section}</strong>
            {current.status === 'pending' ? (
              <>
                <button type="button" disabled={!logistics.allowed} title={logistics.title} onClick={() => void approve({ id: current.id }).then(setError)} data-testid="request-approve">{t('resources.requests.approve')}</button>
                <button type="button" disabled={!logistics.allowed} title={logistics.title} onClick={() => void reject({ id: current.id, reason: t('resources.requests.rejectReason') }).then(setError)}>{t('resources.requests.reject')}</button>
              </>
            ) : null}
            {current.status === 'approved' || current.status === 'partially_filled' ? (
              <>
                <select aria-label={t('resources.requests.fromStore')} value={fill[current.id]?.stockId ?? ''} onChange={(e) => setFill({ ...fill, [current.id]: { stockId: e.target.value, qty: fill[current.id]?.qty ?? '' } })} data-testid="fill-store">
                  <option value="">{t('resources.requests.fromStore')}</option>
                  {stock?.rows.filter((s) => s.item === current.item).map((s) => <option key={s.id} value={s.id}>{t('resources.requests.holding', { store: s.store, qty: s.qty })}</option>)}
                </select>
                <input inputMode="numeric" aria-label={t('resources.requests.qty')} value={fill[current.id]?.qty ?? ''} onChange={(e) => setFill({ ...fill, [current.id]: { stockId: fill[current.id]?.stockId ?? '', qty: e.target.value } })} data-testid="fill-qty" />
                <button type="button" disabled={!logistics.allowed} title={logistics.title} onClick={() => void doFill(current)} data-testid="request-fill">{t('resources.requests.fill')}</button>
              </>
            ) : null}
          </div>
        ) : null}
      </section>
      <section className="panel" aria-labelledby="hics257-title">
        <h3 id="hics257-title">{t('resources.requests.accounting')}</h3>
        <table className="request-table" data-testid="hics-257">
          <thead><tr><th>{t('resources.requests.when')}</th><th>{t('resources.requests.item')}</th><th>{t('resources.requests.qty')}</th><th>{t('resources.requests.fromStore')}</th><th>{t('resources.requests.section')}</th><th>{t('resources.requests.issuedBy')}</th></tr></thead>
          <tbody>
            {data?.accounting.map((line) => (
              <tr key={`${line.requestId}-${line.at}-${line.store}`}><td>{time.format(line.at)}</td><td>{line.item}</td><td>{line.qty}</td><td>{line.store}</td><td>{line.section}</td><td><ActorName id={line.issuedBy} /></td></tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
