import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { newId } from '../../../domain/ids';
import type { UiError } from '../../lib/ui-error';
import { useLive } from '../../state/use-live';
import { useMutation } from '../../state/use-mutation';
import { parseCount } from './stock-columns';

/**
 * Stock arriving: an item into a store, both picked from the catalogue's active entries (retired ones are not
 * offered). An existing holding of the pair is added to; otherwise the receipt creates it. A lot number (and its
 * expiry) records the receipt as a lot, which issues then draw from first-expiry-first-out.
 */
export function ReceiveForm({ holdings, allowed, denied, onError }: { holdings: readonly { id: string; item: string; store: string }[]; allowed: boolean; denied: string | undefined; onError: (e: UiError | null) => void }) {
  const { t } = useTranslation();
  const { data } = useLive('resources.catalogue', {});
  const receive = useMutation('stock.receive');
  const [item, setItem] = useState('');
  const [store, setStore] = useState('');
  const [qty, setQty] = useState('');
  const [lotNo, setLotNo] = useState('');
  const [expiresOn, setExpiresOn] = useState('');
  const items = (data?.items ?? []).filter((i) => i.retiredAt === undefined).map((i) => i.name).sort();
  const stores = (data?.stores ?? []).filter((s) => s.retiredAt === undefined).map((s) => s.name).sort();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const count = parseCount(qty);
    if (!count) return onError({ code: 'invalid_request', message: 'qty', fields: ['qty'] });
    // An expiry belongs to a lot: without its number nobody could find the boxes it dates.
    if (expiresOn && !lotNo.trim()) return onError({ code: 'invalid_request', message: 'lotNo', fields: ['lotNo'] });
    const id = holdings.find((h) => h.item === item && h.store === store)?.id ?? newId();
    const lot = lotNo.trim() ? { lot: { lotNo: lotNo.trim(), ...(expiresOn ? { expiresOn } : {}) } } : {};
    const failed = await receive.run({ id, item, store, qty: count, ...lot });
    onError(failed);
    if (!failed) {
      setQty('');
      setLotNo('');
      setExpiresOn('');
    }
  };

  return (
    <section className="panel" aria-labelledby="receive-title">
      <h3 id="receive-title">{t('resources.receive.title')}</h3>
      <form className="inline-form receive-form" onSubmit={(e) => void submit(e)}>
        <select aria-label={t('resources.stock.col.item')} value={item} onChange={(e) => setItem(e.target.value)} required>
          <option value="">{t('resources.receive.pickItem')}</option>
          {items.map((name) => <option key={name} value={name}>{name}</option>)}
        </select>
        <select aria-label={t('resources.stock.col.store')} value={store} onChange={(e) => setStore(e.target.value)} required>
          <option value="">{t('resources.receive.pickStore')}</option>
          {stores.map((name) => <option key={name} value={name}>{name}</option>)}
        </select>
        <input inputMode="numeric" aria-label={t('resources.receive.qty')} placeholder={t('resources.receive.qty')} value={qty} onChange={(e) => setQty(e.target.value)} />
        <input aria-label={t('resources.receive.lotNo')} placeholder={t('resources.receive.lotNo')} value={lotNo} onChange={(e) => setLotNo(e.target.value)} />
        <label>{t('resources.receive.expiresOn')}<input type="date" value={expiresOn} onChange={(e) => setExpiresOn(e.target.value)} /></label>
        <button type="submit" disabled={!allowed || receive.busy} title={denied}>{t('resources.receive.submit')}</button>
      </form>
    </section>
  );
}
