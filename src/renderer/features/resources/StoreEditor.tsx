import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { newId } from '../../../domain/ids';
import type { Store } from '../../../domain/resources/stock';
import type { UiError } from '../../lib/ui-error';
import { useMutation } from '../../state/use-mutation';

/** Adds a store, or edits the one picked in the list (`store`); `onDone` clears the pick. */
export function StoreEditor({ store, allowed, denied, onError, onDone }: { store: Store | null; allowed: boolean; denied: string | undefined; onError: (e: UiError | null) => void; onDone: () => void }) {
  const { t } = useTranslation();
  const save = useMutation('stock.saveStore');
  const [name, setName] = useState(store?.name ?? '');
  const [location, setLocation] = useState(store?.location ?? '');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const failed = await save.run({ id: store?.id ?? newId(), name, location });
    onError(failed);
    if (!failed) {
      setName('');
      setLocation('');
      onDone();
    }
  };

  const title = store ? t('resources.catalogue.editStore', { name: store.name }) : t('resources.catalogue.newStore');
  return (
    <form className="panel catalogue-form" onSubmit={(e) => void submit(e)} aria-label={title}>
      <h3>{title}</h3>
      <div className="request-form">
        <label>{t('resources.catalogue.storeName')}<input value={name} onChange={(e) => setName(e.target.value)} required /></label>
        <label>{t('resources.catalogue.location')}<input value={location} onChange={(e) => setLocation(e.target.value)} /></label>
        <div className="request-actions">
          <button type="submit" className="primary" disabled={!allowed || save.busy} title={denied}>
            {store ? t('resources.catalogue.save') : t('resources.catalogue.addStore')}
          </button>
          {store ? <button type="button" onClick={onDone}>{t('resources.catalogue.cancel')}</button> : null}
        </div>
      </div>
    </form>
  );
}
