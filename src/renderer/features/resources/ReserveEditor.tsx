import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PlannedBurnSchema, ReserveLevelSchema, ReserveQuotaSchema, type ReserveLevel } from '../../../domain/resources/reserve-settings';
import type { ReserveRow } from '../../../domain/resources/reserves';
import type { UiError } from '../../lib/ui-error';
import { useMutation } from '../../state/use-mutation';
import { quotaText, reserveLevelLabel } from './reserve-labels';

type Props = { row: ReserveRow; level: ReserveLevel; allowed: boolean; onError: (e: UiError | null) => void };

/** One item's quota per level and its planned use per day. Keyed by item by the caller. */
export function ReserveEditor({ row, level, allowed, onError }: Props) {
  const { t } = useTranslation();
  const setQuota = useMutation('stock.setReserveQuota');
  const setPlanned = useMutation('stock.setPlannedBurn');
  const [editLevel, setEditLevel] = useState<ReserveLevel>(level);
  const current = row.quotas[editLevel];
  const [basis, setBasis] = useState<'units' | 'days'>(current?.basis ?? 'days');
  const [amount, setAmount] = useState(current ? String(current.amount) : '');
  const [planned, setPlannedText] = useState(row.plannedBurnPerDay === null ? '' : String(row.plannedBurnPerDay));
  const disabled = !allowed || setQuota.busy || setPlanned.busy;

  const pickLevel = (next: ReserveLevel) => {
    setEditLevel(next);
    const quota = row.quotas[next];
    setBasis(quota?.basis ?? 'days');
    setAmount(quota ? String(quota.amount) : '');
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = ReserveQuotaSchema.safeParse({ basis, amount: /^\d+$/.test(amount.trim()) ? Number(amount) : Number.NaN });
    if (!parsed.success) return onError({ code: 'invalid_request', message: 'amount', fields: ['amount'] });
    onError(await setQuota.run({ itemId: row.itemId, level: editLevel, quota: parsed.data }));
  };

  const savePlanned = async (clear: boolean) => {
    const parsed = PlannedBurnSchema.safeParse(Number(planned.trim() === '' ? Number.NaN : planned));
    if (!clear && !parsed.success) return onError({ code: 'invalid_request', message: 'perDay', fields: ['perDay'] });
    if (clear) setPlannedText('');
    onError(await setPlanned.run({ itemId: row.itemId, perDay: clear ? null : (parsed.data ?? null) }));
  };

  return (
    <section className="panel" aria-labelledby="reserve-editor-title">
      <h3 id="reserve-editor-title">{t('resources.reserves.editor.title', { item: row.item })}</h3>
      <ul className="reserve-quotas" data-testid="reserve-quotas">
        {ReserveLevelSchema.options.map((l) => {
          const quota = row.quotas[l];
          return <li key={l}>{reserveLevelLabel(t, l)}: {quota ? quotaText(t, quota, row.unit) : t('resources.reserves.noQuota')}</li>;
        })}
      </ul>
      <form className="inline-form" aria-label={t('resources.reserves.editor.form')} onSubmit={(e) => void save(e)}>
        <label>{t('resources.reserves.editor.level')}
          <select value={editLevel} onChange={(e) => pickLevel(ReserveLevelSchema.parse(e.target.value))}>
            {ReserveLevelSchema.options.map((l) => <option key={l} value={l}>{reserveLevelLabel(t, l)}</option>)}
          </select>
        </label>
        <label>{t('resources.reserves.editor.basis')}
          <select value={basis} onChange={(e) => setBasis(e.target.value === 'units' ? 'units' : 'days')}>
            <option value="days">{t('resources.reserves.editor.basisDays')}</option>
            <option value="units">{t('resources.reserves.editor.basisUnits', { unit: row.unit })}</option>
          </select>
        </label>
        <label>{t('resources.reserves.editor.amount')}<input inputMode="numeric" value={amount} onChange={(e) => setAmount(e.target.value)} /></label>
        <button type="submit" className="primary" disabled={disabled}>{t('resources.reserves.editor.save')}</button>
        <button type="button" disabled={disabled || !current} onClick={() => void setQuota.run({ itemId: row.itemId, level: editLevel, quota: null }).then(onError)}>{t('resources.reserves.editor.remove')}</button>
      </form>
      <div className="inline-form">
        <label>{t('resources.reserves.editor.planned')}<input inputMode="decimal" value={planned} onChange={(e) => setPlannedText(e.target.value)} /></label>
        <button type="button" disabled={disabled} onClick={() => void savePlanned(false)}>{t('resources.reserves.editor.savePlanned')}</button>
        <button type="button" disabled={disabled || row.plannedBurnPerDay === null} onClick={() => void savePlanned(true)}>{t('resources.reserves.editor.clearPlanned')}</button>
      </div>
    </section>
  );
}
