import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ParLevelsSchema } from '../../../domain/resources/reserve-settings';
import type { ReserveRow } from '../../../domain/resources/reserves';
import type { UiError } from '../../lib/ui-error';
import { useMutation } from '../../state/use-mutation';
import { parseCount } from './stock-columns';

type Props = { row: ReserveRow; allowed: boolean; onError: (e: UiError | null) => void };

/** The item's lots in FEFO order with expiry flags, and each store's par and reorder point. */
export function ReserveLots({ row, allowed, onError }: Props) {
  const { t } = useTranslation();
  const lots = [...row.lots].sort((a, b) => (a.expiresOn ?? '9999').localeCompare(b.expiresOn ?? '9999'));
  return (
    <>
      <section className="panel" aria-labelledby="reserve-lots-title">
        <h3 id="reserve-lots-title">{t('resources.reserves.lots.title')}</h3>
        {lots.length === 0 ? <p className="dim">{t('resources.reserves.lots.none')}</p> : (
          <table className="request-table" aria-labelledby="reserve-lots-title">
            <thead><tr><th>{t('resources.reserves.lots.store')}</th><th>{t('resources.reserves.lots.lotNo')}</th><th>{t('resources.reserves.lots.expiresOn')}</th><th className="num">{t('resources.reserves.lots.qty')}</th></tr></thead>
            <tbody>
              {lots.map((lot) => (
                <tr key={`${lot.holdingId}:${lot.lotNo}:${lot.expiresOn ?? ''}`}>
                  <td>{lot.store}</td>
                  <td>{lot.lotNo}</td>
                  <td className={lot.expired ? 'status-red' : lot.expiringSoon ? 'status-yellow' : ''}>
                    {lot.expiresOn ?? t('resources.reserves.lots.noExpiry')}
                    {lot.expired ? ` · ${t('resources.reserves.lots.expired')}` : lot.expiringSoon ? ` · ${t('resources.reserves.lots.expiringSoon')}` : ''}
                  </td>
                  <td className="num">{lot.qty}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="panel" aria-labelledby="reserve-par-title">
        <h3 id="reserve-par-title">{t('resources.reserves.par.title')}</h3>
        {row.holdings.length === 0 ? <p className="dim">{t('resources.reserves.par.none')}</p> : row.holdings.map((h) => (
          <ParLevelsForm key={`${h.id}:${h.par}:${h.reorderAt}`} holding={h} allowed={allowed} onError={onError} />
        ))}
      </section>
    </>
  );
}

function ParLevelsForm({ holding, allowed, onError }: { holding: ReserveRow['holdings'][number]; allowed: boolean; onError: (e: UiError | null) => void }) {
  const { t } = useTranslation();
  const setParLevels = useMutation('stock.setParLevels');
  const [par, setPar] = useState(holding.par === null ? '' : String(holding.par));
  const [reorderAt, setReorderAt] = useState(holding.reorderAt === null ? '' : String(holding.reorderAt));
  const save = async () => {
    const parsed = ParLevelsSchema.safeParse({ par: parseCount(par), reorderAt: parseCount(reorderAt) });
    if (!parsed.success) {
      const fields = [...new Set(parsed.error.issues.map((issue) => String(issue.path[0] ?? 'par')))];
      return onError({ code: 'invalid_request', message: fields.join(), fields });
    }
    onError(await setParLevels.run({ id: holding.id, parLevels: parsed.data }));
  };
  return (
    <div className="inline-form" role="group" aria-label={holding.store}>
      <strong>{holding.store}</strong>
      <span>{t('resources.reserves.par.usable', { count: holding.usable })}</span>
      {holding.reorder ? <span className="status-red">{t('resources.reserves.par.reorder')}</span> : null}
      <label>{t('resources.reserves.par.par')}<input inputMode="numeric" value={par} onChange={(e) => setPar(e.target.value)} /></label>
      <label>{t('resources.reserves.par.reorderAt')}<input inputMode="numeric" value={reorderAt} onChange={(e) => setReorderAt(e.target.value)} /></label>
      <button type="button" disabled={!allowed || setParLevels.busy} onClick={() => void save()}>{t('resources.reserves.par.save')}</button>
    </div>
  );
}
