import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { newId } from '../../../domain/ids';
import { StockCategorySchema, type StockCategory, type StockItem } from '../../../domain/resources/stock';
import type { UiError } from '../../lib/ui-error';
import { useMutation } from '../../state/use-mutation';
import { categoryLabel } from './labels';
import { parseCount } from './stock-columns';

type Draft = { name: string; category: StockCategory; unit: string; par: string; yellowAt: string; redAt: string };
const blank: Draft = { name: '', category: 'ppe', unit: '', par: '0', yellowAt: '0', redAt: '0' };
const draftOf = (item: StockItem): Draft => ({ ...item, par: String(item.par), yellowAt: String(item.yellowAt), redAt: String(item.redAt) });

/** Adds an item to the catalogue, or edits the one picked in the list (`item`); `onDone` clears the pick. */
export function ItemEditor({ item, allowed, denied, onError, onDone }: { item: StockItem | null; allowed: boolean; denied: string | undefined; onError: (e: UiError | null) => void; onDone: () => void }) {
  const { t } = useTranslation();
  const save = useMutation('stock.saveItem');
  const [draft, setDraft] = useState<Draft>(item ? draftOf(item) : blank);
  const set = (field: keyof Draft) => (value: string) => setDraft({ ...draft, [field]: value });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const counts = { par: parseCount(draft.par), yellowAt: parseCount(draft.yellowAt), redAt: parseCount(draft.redAt) };
    const bad = Object.entries(counts).filter(([, n]) => n === null).map(([field]) => field);
    if (bad.length > 0 || counts.par === null || counts.yellowAt === null || counts.redAt === null) {
      return onError({ code: 'invalid_request', message: bad.join(), fields: bad });
    }
    const failed = await save.run({ id: item?.id ?? newId(), name: draft.name, category: draft.category, unit: draft.unit, par: counts.par, yellowAt: counts.yellowAt, redAt: counts.redAt });
    onError(failed);
    if (!failed) {
      setDraft(blank);
      onDone();
    }
  };

  const title = item ? t('resources.catalogue.editItem', { name: item.name }) : t('resources.catalogue.newItem');
  return (
    <form className="panel catalogue-form" onSubmit={(e) => void submit(e)} aria-label={title}>
      <h3>{title}</h3>
      <div className="request-form">
        <label>{t('resources.catalogue.itemName')}<input value={draft.name} onChange={(e) => set('name')(e.target.value)} required /></label>
        <label>{t('resources.stock.col.category')}
          <select value={draft.category} onChange={(e) => set('category')(StockCategorySchema.parse(e.target.value))}>
            {StockCategorySchema.options.map((c) => <option key={c} value={c}>{categoryLabel(t, c)}</option>)}
          </select>
        </label>
        <label>{t('resources.stock.col.unit')}<input value={draft.unit} onChange={(e) => set('unit')(e.target.value)} required /></label>
        <label>{t('resources.stock.col.par')}<input inputMode="numeric" value={draft.par} onChange={(e) => set('par')(e.target.value)} /></label>
        <label>{t('resources.stock.col.yellowAt')}<input inputMode="numeric" value={draft.yellowAt} onChange={(e) => set('yellowAt')(e.target.value)} /></label>
        <label>{t('resources.stock.col.redAt')}<input inputMode="numeric" value={draft.redAt} onChange={(e) => set('redAt')(e.target.value)} /></label>
        <div className="request-actions">
          <button type="submit" className="primary" disabled={!allowed || save.busy} title={denied}>
            {item ? t('resources.catalogue.save') : t('resources.catalogue.addItem')}
          </button>
          {item ? <button type="button" onClick={onDone}>{t('resources.catalogue.cancel')}</button> : null}
        </div>
      </div>
    </form>
  );
}
