import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorText } from '../../app/ErrorText';
import type { UiError } from '../../lib/ui-error';
import { selectCurrentIncident } from '../../state/selectors';
import { useApp } from '../../state/store-context';
import { useCan } from '../../state/use-can';
import { useLive } from '../../state/use-live';
import { statusLabel } from './labels';
import { ReserveEditor } from './ReserveEditor';
import { ReserveLots } from './ReserveLots';
import { MutualAidForm } from './MutualAidForm';
import { burnText, quotaText, reserveBasisText } from './reserve-labels';

/**
 * Each item's reserve against the quotas in force (the current incident's response level or a verified warning's,
 * the higher; the standing reserve with neither): what is usable (expired lots left out), days of supply and the colour; the selected item's
 * quotas, planned use, lots and par levels beside it.
 */
export function ReservesPanel() {
  const { t, i18n } = useTranslation();
  const incident = useApp(selectCurrentIncident);
  const { data, error: readError } = useLive('resources.reserves', { incidentId: incident?.id ?? null }, { keepPrevious: true });
  const level = data?.level ?? 'standing';
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [error, setError] = useState<UiError | null>(null);
  const { allowed, title: denied } = useCan('incident.write');
  const rows = data?.rows ?? [];
  const selected = rows.find((r) => r.itemId === selectedId) ?? null;
  const days = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });

  return (
    <div className="reserves-panel">
      <p data-testid="reserves-level" data-level={level}>{data ? reserveBasisText(t, data.basis) : null}</p>
      {readError ? <ErrorText error={readError} /> : null}
      {error ? <ErrorText error={error} fieldLabels={{ qty: t('resources.issue.qty'), amount: t('resources.reserves.editor.amount'), perDay: t('resources.reserves.editor.planned'), par: t('resources.reserves.par.par'), reorderAt: t('resources.reserves.par.reorderAt') }} /> : null}
      {allowed ? null : <p className="muted">{denied}</p>}
      <div className="stock-body">
        <table className="request-table reserves-table" aria-label={t('resources.reserves.title')}>
          <thead>
            <tr>
              <th>{t('resources.reserves.col.item')}</th>
              <th>{t('resources.reserves.col.quota')}</th>
              <th className="num">{t('resources.reserves.col.required')}</th>
              <th className="num">{t('resources.reserves.col.onHand')}</th>
              <th className="num">{t('resources.reserves.col.expired')}</th>
              <th className="num">{t('resources.reserves.col.expiring')}</th>
              <th>{t('resources.reserves.col.burn')}</th>
              <th className="num">{t('resources.reserves.col.days')}</th>
              <th>{t('resources.reserves.col.status')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.itemId} aria-selected={row.itemId === selectedId} className={row.itemId === selectedId ? 'selected' : ''}>
                <th scope="row"><button type="button" className="link-button" onClick={() => setSelectedId(row.itemId)}>{row.item}</button></th>
                <td>
                  {row.quota ? quotaText(t, row.quota, row.unit) : t('resources.reserves.noQuota')}
                  {row.quotaFrom === 'standing' && level !== 'standing' ? <span className="dim"> {t('resources.reserves.fromStanding')}</span> : null}
                </td>
                <td className="num">{row.required ?? '—'}</td>
                <td className="num">{row.onHand} {row.unit}</td>
                <td className={row.expired > 0 ? 'num status-red' : 'num'}>{row.expired}</td>
                <td className={row.expiringSoon > 0 ? 'num status-yellow' : 'num'}>{row.expiringSoon}</td>
                <td>{burnText(t, row.burnSource, row.burnPerDay, i18n.language)}</td>
                <td className="num">{row.daysOfSupply === null ? '—' : days.format(row.daysOfSupply)}</td>
                <td className={row.status ? `status-${row.status}` : 'dim'} data-testid="reserve-status">{row.status ? statusLabel(t, row.status) : t('resources.reserves.noQuota')}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <aside className="stock-side">
          {selected ? (
            <>
              <ReserveEditor key={selected.itemId} row={selected} level={level} allowed={allowed} onError={setError} />
              {selected.status === 'red' || selected.status === 'yellow' ? <MutualAidForm key={`aid:${selected.itemId}`} row={selected} onError={setError} /> : null}
              <ReserveLots row={selected} allowed={allowed} onError={setError} />
            </>
          ) : (
            <p className="dim">{t('resources.reserves.pick')}</p>
          )}
        </aside>
      </div>
    </div>
  );
}
