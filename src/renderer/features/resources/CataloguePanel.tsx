import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StockItem, Store } from '../../../domain/resources/stock';
import { ErrorText } from '../../app/ErrorText';
import type { UiError } from '../../lib/ui-error';
import { useLive } from '../../state/use-live';
import { useMutation } from '../../state/use-mutation';
import { useCan } from '../../state/use-can';
import { ItemEditor } from './ItemEditor';
import { categoryLabel } from './labels';
import { StoreEditor } from './StoreEditor';

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

/** The stock catalogue: items and stores added, edited, retired and restored without a CSV file. */
export function CataloguePanel() {
  const { t } = useTranslation();
  const { allowed, title: denied } = useCan('incident.write');
  const { data, error: readError } = useLive('resources.catalogue', {});
  const retireItem = useMutation('stock.setItemRetired').run;
  const retireStore = useMutation('stock.setStoreRetired').run;
  const [error, setError] = useState<UiError | null>(null);
  const [item, setItem] = useState<StockItem | null>(null);
  const [store, setStore] = useState<Store | null>(null);
  const fieldLabels = {
    name: t('resources.catalogue.name'),
    category: t('resources.stock.col.category'),
    unit: t('resources.stock.col.unit'),
    par: t('resources.stock.col.par'),
    yellowAt: t('resources.stock.col.yellowAt'),
    redAt: t('resources.stock.col.redAt'),
    location: t('resources.catalogue.location'),
  };
  const retireLabel = (retired: boolean) => (retired ? t('resources.catalogue.restore') : t('resources.catalogue.retire'));
  const retireNamed = (retired: boolean, name: string) => (retired ? t('resources.catalogue.restoreNamed', { name }) : t('resources.catalogue.retireNamed', { name }));

  return (
    <div className="catalogue-panel">
      {readError ? <ErrorText error={readError} /> : null}
      {error ? <ErrorText error={error} fieldLabels={fieldLabels} /> : null}
      <div className="catalogue-body">
        <section className="panel" aria-labelledby="catalogue-items-title">
          <h3 id="catalogue-items-title">{t('resources.catalogue.items')}</h3>
          <table className="request-table" aria-labelledby="catalogue-items-title">
            <thead><tr><th>{t('resources.catalogue.itemName')}</th><th>{t('resources.stock.col.category')}</th><th>{t('resources.stock.col.unit')}</th><th>{t('resources.stock.col.par')}</th><th>{t('resources.stock.col.yellowAt')}</th><th>{t('resources.stock.col.redAt')}</th><th>{t('resources.catalogue.state')}</th><th /></tr></thead>
            <tbody>
              {[...(data?.items ?? [])].sort(byName).map((i) => {
                const retired = i.retiredAt !== undefined;
                return (
                  <tr key={i.id} className={retired ? 'dim' : undefined}>
                    <td>{i.name}</td><td>{categoryLabel(t, i.category)}</td><td>{i.unit}</td><td>{i.par}</td><td>{i.yellowAt}</td><td>{i.redAt}</td>
                    <td>{retired ? t('resources.catalogue.retired') : t('resources.catalogue.active')}</td>
                    <td className="request-actions">
                      <button type="button" aria-label={t('resources.catalogue.editNamed', { name: i.name })} onClick={() => setItem(i)}>{t('resources.catalogue.edit')}</button>
                      <button type="button" disabled={!allowed} title={denied} aria-label={retireNamed(retired, i.name)} onClick={() => void retireItem({ id: i.id, retired: !retired }).then(setError)}>{retireLabel(retired)}</button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
        <ItemEditor key={item?.id ?? 'new'} item={item} allowed={allowed} denied={denied} onError={setError} onDone={() => setItem(null)} />
        <section className="panel" aria-labelledby="catalogue-stores-title">
          <h3 id="catalogue-stores-title">{t('resources.catalogue.stores')}</h3>
          <table className="request-table" aria-labelledby="catalogue-stores-title">
            <thead><tr><th>{t('resources.catalogue.storeName')}</th><th>{t('resources.catalogue.location')}</th><th>{t('resources.catalogue.state')}</th><th /></tr></thead>
            <tbody>
              {[...(data?.stores ?? [])].sort(byName).map((s) => {
                const retired = s.retiredAt !== undefined;
                return (
                  <tr key={s.id} className={retired ? 'dim' : undefined}>
                    <td>{s.name}</td><td>{s.location}</td>
                    <td>{retired ? t('resources.catalogue.retired') : t('resources.catalogue.active')}</td>
                    <td className="request-actions">
                      <button type="button" aria-label={t('resources.catalogue.editNamed', { name: s.name })} onClick={() => setStore(s)}>{t('resources.catalogue.edit')}</button>
                      <button type="button" disabled={!allowed} title={denied} aria-label={retireNamed(retired, s.name)} onClick={() => void retireStore({ id: s.id, retired: !retired }).then(setError)}>{retireLabel(retired)}</button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
        <StoreEditor key={store?.id ?? 'new'} store={store} allowed={allowed} denied={denied} onError={setError} onDone={() => setStore(null)} />
      </div>
    </div>
  );
}
