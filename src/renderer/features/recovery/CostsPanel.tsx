import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { newId } from '../../../domain/ids';
import { costCsv, CostCategorySchema, type CostCategory, type CostLine } from '../../../domain/recovery';
import { ErrorText } from '../../app/ErrorText';
import { formatDate, fromZonedInputValue, toZonedInputValue } from '../../lib/time';
import { selectLanguage, selectTimeZone } from '../../state/selectors';
import { useApp } from '../../state/store-context';
import type { Can } from '../../state/use-can';
import { useMutation } from '../../state/use-mutation';
import { categoryLabel, costColumnLabels } from './labels';

type Costs = { lines: CostLine[]; byCategory: { category: CostCategory; total: number; lines: number }[]; total: number };
const categories = CostCategorySchema.options;

function saveCsv(name: string, text: string): void {
  // A byte-order mark, so a spreadsheet reads Chinese item and vendor names as UTF-8.
  const url = URL.createObjectURL(new Blob([`\uFEFF${text}`], { type: 'text/csv' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The incident's procurement list (HICS 256 style), totals per category, and its CSV. */
export function CostsPanel({ incidentId, costs, write }: { incidentId: string; costs: Costs; write: Can }) {
  const { t } = useTranslation();
  const language = useApp(selectLanguage);
  const timeZone = useApp(selectTimeZone);
  const add = useMutation('cost.add');
  const remove = useMutation('cost.remove');
  const failure = add.error ?? remove.error;
  const money = (n: number) => n.toLocaleString(language, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const empty = { date: '', item: '', vendor: '', category: 'medical_supplies' as CostCategory, quantity: '', unitCost: '', requestedBy: '', approvedBy: '', reference: '' };
  const [form, setForm] = useState(empty);
  const set = (field: keyof typeof empty) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [field]: e.target.value }));
  const onAdd = (event: FormEvent) => {
    event.preventDefault();
    const date = fromZonedInputValue(`${form.date || toZonedInputValue(Date.now(), timeZone).slice(0, 10)}T12:00`, timeZone);
    if (date === null) return;
    const { date: _typed, quantity, unitCost, ...text } = form;
    void add.run({ id: newId(), incidentId, ...text, date, quantity: Number(quantity), unitCost: Number(unitCost) }).then((error) => (error ? undefined : setForm({ ...empty, date: form.date })));
  };
  return (
    <section className="panel" aria-labelledby="recovery-costs-title" data-testid="recovery-costs">
      <h3 id="recovery-costs-title">{t('recovery.costs.title')}</h3>
      <div className="recovery-toolbar">
        <button type="button" className="secondary" disabled={costs.lines.length === 0} onClick={() => saveCsv('hics-256-procurement.csv', costCsv(costs.lines))}>{t('recovery.costs.csv')}</button>
      </div>
      {costs.lines.length === 0 ? <p className="muted">{t('recovery.none')}</p> : (
        <div className="recovery-scroll">
          <table className="recovery-table">
            <thead>
              <tr>
                {costColumnLabels.map((label, i) => <th key={i} scope="col">{label(t)}</th>)}
                <th scope="col"><span className="visually-hidden">{t('recovery.costs.remove')}</span></th>
              </tr>
            </thead>
            <tbody>
              {costs.lines.map((line) => (
                <tr key={line.id} data-testid="cost-row">
                  <td>{formatDate(line.date, timeZone, language)}</td>
                  <td>{line.item}</td>
                  <td>{line.vendor}</td>
                  <td>{categoryLabel[line.category](t)}</td>
                  <td className="num">{line.quantity}</td>
                  <td className="num">{money(line.unitCost)}</td>
                  <td className="num">{money(line.total)}</td>
                  <td>{line.requestedBy}</td>
                  <td>{line.approvedBy}</td>
                  <td>{line.reference}</td>
                  <td>{write.allowed ? <button type="button" className="secondary" disabled={remove.busy} onClick={() => void remove.run({ id: line.id })} aria-label={t('recovery.costs.removeLine', { item: line.item })}>×</button> : null}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {costs.byCategory.length > 0 ? (
        <ul className="recovery-totals" data-testid="cost-totals">
          {costs.byCategory.map((c) => <li key={c.category}>{categoryLabel[c.category](t)}: <strong>{money(c.total)}</strong></li>)}
          <li>{t('recovery.costs.grandTotal')}: <strong data-testid="cost-total">{money(costs.total)}</strong></li>
        </ul>
      ) : null}
      {write.allowed ? (
        <form className="form recovery-add" onSubmit={onAdd} aria-label={t('recovery.costs.add')}>
          <label><span>{t('recovery.costs.date')}</span><input type="date" value={form.date} onChange={set('date')} /></label>
          <label><span>{t('recovery.costs.item')}</span><input required maxLength={200} value={form.item} onChange={set('item')} /></label>
          <label><span>{t('recovery.costs.vendor')}</span><input required maxLength={200} value={form.vendor} onChange={set('vendor')} /></label>
          <label><span>{t('recovery.costs.category')}</span>
            <select value={form.category} onChange={(e) => setForm((f) => ({ ...f, category: categories.find((c) => c === e.target.value) ?? 'other' }))}>
              {categories.map((c) => <option key={c} value={c}>{categoryLabel[c](t)}</option>)}
            </select>
          </label>
          <label><span>{t('recovery.costs.quantity')}</span><input type="number" min={0} step="any" required value={form.quantity} onChange={set('quantity')} /></label>
          <label><span>{t('recovery.costs.unitCost')}</span><input type="number" min={0} step="0.01" required value={form.unitCost} onChange={set('unitCost')} /></label>
          <label><span>{t('recovery.costs.requestedBy')}</span><input required maxLength={200} value={form.requestedBy} onChange={set('requestedBy')} /></label>
          <label><span>{t('recovery.costs.approvedBy')}</span><input required maxLength={200} value={form.approvedBy} onChange={set('approvedBy')} /></label>
          <label><span>{t('recovery.costs.reference')}</span><input maxLength={100} value={form.reference} onChange={set('reference')} /></label>
          <button type="submit" className="secondary" disabled={add.busy}>{t('recovery.costs.add')}</button>
        </form>
      ) : null}
      {failure ? <ErrorText error={failure} /> : null}
    </section>
  );
}
