import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { StockThresholdsSchema } from '../../../domain/resources/stock';
import type { UiError } from '../../lib/ui-error';
import { useMutation } from '../../state/use-mutation';
import { parseCount, type StockGridRow } from './stock-columns';

type Props = { holding: StockGridRow | null; allowed: boolean; onError: (e: UiError | null) => void };

/**
 * The selected holding's own yellow/red thresholds, or "use item defaults". Keyed by the holding and its values
 * by the caller, so the fields show what is stored whenever another desk changes it.
 */
export function HoldingThresholds({ holding, allowed, onError }: Props) {
  const { t } = useTranslation();
  const setThresholds = useMutation('stock.setThresholds');
  const own = holding && holding.holdingYellowAt !== null && holding.holdingRedAt !== null ? { yellowAt: holding.holdingYellowAt, redAt: holding.holdingRedAt } : null;
  const shown = own ?? (holding && holding.yellowAt !== null && holding.redAt !== null ? { yellowAt: holding.yellowAt, redAt: holding.redAt } : null);
  const [yellow, setYellow] = useState(shown ? String(shown.yellowAt) : '');
  const [red, setRed] = useState(shown ? String(shown.redAt) : '');
  const [orderError, setOrderError] = useState(false);

  if (!holding) {
    return (
      <section className="panel" aria-labelledby="thresholds-title">
        <h3 id="thresholds-title">{t('resources.thresholds.title')}</h3>
        <p className="dim">{t('resources.thresholds.pick')}</p>
      </section>
    );
  }

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const counts = { yellowAt: parseCount(yellow), redAt: parseCount(red) };
    const bad = Object.entries(counts).filter(([, n]) => n === null).map(([field]) => `thresholds.${field}`);
    if (bad.length > 0) return onError({ code: 'invalid_request', message: bad.join(), fields: bad });
    // The same schema the mutation is checked with, so the form says the precise reason before anything is sent.
    const parsed = StockThresholdsSchema.safeParse(counts);
    setOrderError(!parsed.success);
    if (!parsed.success) return onError(null);
    onError(await setThresholds.run({ id: holding.id, thresholds: parsed.data }));
  };

  const revertToDefaults = async () => {
    setOrderError(false);
    onError(await setThresholds.run({ id: holding.id, thresholds: null }));
  };

  const note = own
    ? t('resources.thresholds.own', own)
    : holding.yellowAt !== null && holding.redAt !== null
      ? t('resources.thresholds.defaults', { yellowAt: holding.yellowAt, redAt: holding.redAt })
      : t('resources.thresholds.noDefaults');
  const disabled = !allowed || setThresholds.busy;
  return (
    <form className="panel holding-thresholds" aria-labelledby="thresholds-title" onSubmit={(e) => void save(e)} data-testid="holding-thresholds">
      <h3 id="thresholds-title">{t('resources.thresholds.title')}</h3>
      <p>{t('resources.thresholds.holding', { item: holding.item, store: holding.store })}</p>
      <p className="dim" data-testid="thresholds-source">{note}</p>
      <div className="inline-form">
        <label>{t('resources.thresholds.yellowAt')}<input inputMode="numeric" value={yellow} onChange={(e) => setYellow(e.target.value)} /></label>
        <label>{t('resources.thresholds.redAt')}<input inputMode="numeric" value={red} onChange={(e) => setRed(e.target.value)} aria-invalid={orderError || undefined} /></label>
      </div>
      {orderError ? <p className="error-text" role="alert">{t('resources.thresholds.order')}</p> : null}
      <div className="inline-form">
        <button type="submit" className="primary" disabled={disabled} title={allowed ? undefined : t('errors.forbidden')}>{t('resources.thresholds.save')}</button>
        <button type="button" disabled={disabled || !own} onClick={() => void revertToDefaults()}>{t('resources.thresholds.useDefaults')}</button>
      </div>
    </form>
  );
}
