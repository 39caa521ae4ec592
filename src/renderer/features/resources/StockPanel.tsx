import type { GridApi } from 'ag-grid-community';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StockCategorySchema } from '../../../domain/resources/stock';
import { stockTotals } from '../../../domain/resources/stock-calculations';
import { HoldingThresholds } from './HoldingThresholds';
import { ErrorText } from '../../app/ErrorText';
import type { UiError } from '../../lib/ui-error';
import { useApp } from '../../state/store-context';
import { ImportPanel } from './ImportPanel';
import { ReceiveForm } from './ReceiveForm';
import { categoryLabel, quantitiesText } from './labels';
import { parseCount, type StockEdits, type StockGridRow, type StockGrouping } from './stock-columns';
import { exportStock, StockGrid } from './StockGrid';
import { StockTrendChart } from './StockTrendChart';
import { useLive } from '../../state/use-live';
import { useMutation } from '../../state/use-mutation';
import { useCan } from '../../state/use-can';
import { useStockImport } from './use-stock-import';
import { downloadCsv } from './download';
import { useRememberedGrouping } from './use-remembered-grouping';

const STOCK_GROUPINGS: readonly StockGrouping[] = ['none', 'category', 'store'];

export function StockPanel() {
  const { t, i18n } = useTranslation();
  const [windowDays, setWindowDays] = useState(7);
  const [quickFilter, setQuickFilter] = useState('');
  const [selected, setSelected] = useState<StockGridRow | null>(null);
  const [issueQty, setIssueQty] = useState('');
  const [error, setError] = useState<UiError | null>(null);
  const [grid, setGrid] = useState<GridApi<StockGridRow> | null>(null);
  const user = useApp((s) => s.sync?.user?.username ?? 'local');
  const [groupBy, setGroupBy] = useRememberedGrouping(`hcc.resources.stockGroup.${user}`, STOCK_GROUPINGS);
  // The side totals follow the grid's grouping; an ungrouped grid still gets totals by category.
  const totalsBy = groupBy === 'store' ? 'store' : 'category';
  const receive = useMutation('stock.receive').run;
  const issueStock = useMutation('stock.issue').run;
  const saveItem = useMutation('stock.saveItem').run;
  const setThresholds = useMutation('stock.setThresholds').run;
  const stockImport = useStockImport();
  const { allowed, title: denied } = useCan('incident.write');
  // A new file is a new action: the last edit's refusal no longer applies.
  const importFile = (file: File) => {
    setError(null);
    stockImport.start(file);
  };
  // 20,000 holdings, kept live: a change to a few comes back as those rows, patched in, not the store re-read.
  const { data, error: readError } = useLive('resources.stock', { windowDays }, { keepPrevious: true });
  // A holding the live read did not change is the same object as before, so the grid's diff skips it by identity.
  const rows: StockGridRow[] = useMemo(() => data?.rows ?? [], [data]);
  const totals = useMemo(() => stockTotals(rows, totalsBy), [rows, totalsBy]);
  // The grid hands back the row as it was when clicked; show the holding as it is now.
  const holding = useMemo(() => (selected ? (rows.find((r) => r.id === selected.id) ?? selected) : null), [rows, selected]);

  const edits: StockEdits = {
    setQty: (row, qty) => {
      const delta = qty - row.qty;
      void (delta > 0 ? receive({ id: row.id, item: row.item, store: row.store, qty: delta }) : issueStock({ id: row.id, qty: -delta })).then(setError);
    },
    setItemField: (row, field, value) => {
      const item = data?.items.find((i) => i.name === row.item);
      if (!item) return;
      const { id, name, category, unit, par, yellowAt, redAt } = item;
      void saveItem({ id, name, category, unit, par, yellowAt, redAt, [field]: value }).then(setError);
    },
    setHoldingThreshold: (row, field, value) => {
      const current = { yellowAt: row.holdingYellowAt ?? row.yellowAt ?? value, redAt: row.holdingRedAt ?? row.redAt ?? 0 };
      void setThresholds({ id: row.id, thresholds: { ...current, [field]: value } }).then(setError);
    },
    revertToItemDefaults: (row) => void setThresholds({ id: row.id, thresholds: null }).then(setError),
    refuse: (field) => setError({ code: 'invalid_request', message: field }),
  };

  const issue = async () => {
    const qty = parseCount(issueQty);
    if (!selected || !qty) return setError({ code: 'invalid_request', message: 'qty' });
    const failed = await issueStock({ id: selected.id, qty });
    setError(failed);
    if (!failed) setIssueQty('');
  };

  return (
    <div className="stock-panel">
      <div className="resources-toolbar">
        <input type="search" placeholder={t('resources.stock.search')} aria-label={t('resources.stock.search')} value={quickFilter} onChange={(e) => setQuickFilter(e.target.value)} />
        <label>
          {t('resources.stock.window')}
          <select value={windowDays} onChange={(e) => setWindowDays(Number(e.target.value))}>
            {[1, 3, 7, 14, 30].map((d) => <option key={d} value={d}>{t('resources.stock.days', { count: d })}</option>)}
          </select>
        </label>
        <label>
          {t('resources.stock.groupBy')}
          <select value={groupBy} onChange={(e) => setGroupBy(e.target.value)} data-testid="group-by">
            <option value="none">{t('resources.group.none')}</option>
            <option value="category">{t('resources.stock.col.category')}</option>
            <option value="store">{t('resources.stock.col.store')}</option>
          </select>
        </label>
        <button type="button" onClick={() => grid && exportStock(grid)} data-testid="stock-export">{t('resources.stock.export')}</button>
        <button type="button" onClick={() => data && downloadCsv('stores.csv', ['name', 'location'], data.stores.map((st) => [st.name, st.location]))} data-testid="stores-export">{t('resources.stock.exportStores')}</button>
        <ImportPanel target="stock" {...stockImport} start={importFile} />
      </div>
      {readError ? <ErrorText error={readError} /> : null}
      {error ? <ErrorText error={error} fieldLabels={{ qty: t('resources.receive.qty'), item: t('resources.stock.col.item'), store: t('resources.stock.col.store'), lotNo: t('resources.receive.lotNo'), 'thresholds.yellowAt': t('resources.stock.col.holdingYellowAt'), 'thresholds.redAt': t('resources.stock.col.holdingRedAt') }} /> : null}
      {allowed ? null : <p className="muted" data-testid="stock-who-may">{denied}</p>}
      <div className="stock-body">
        <StockGrid rows={rows} edits={edits} editable={allowed} userKey={user} quickFilter={quickFilter} groupBy={groupBy} onSelect={setSelected} onApi={setGrid} />
        <aside className="stock-side">
          <ReceiveForm holdings={rows} allowed={allowed} denied={denied} onError={setError} />
          <section className="panel" aria-labelledby="issue-title">
            <h3 id="issue-title">{t('resources.issue.title')}</h3>
            {holding ? <p className="selected-holding" data-testid="selected-holding">{t('resources.issue.selected', { item: holding.item, store: holding.store, qty: holding.qty })}</p> : <p className="dim">{t('resources.issue.pick')}</p>}
            <div className="inline-form">
              <input inputMode="numeric" aria-label={t('resources.issue.qty')} placeholder={t('resources.issue.qty')} value={issueQty} onChange={(e) => setIssueQty(e.target.value)} data-testid="issue-qty" />
              <button type="button" disabled={!selected} onClick={() => void issue()} data-testid="issue-button">{t('resources.issue.submit')}</button>
            </div>
          </section>
          <HoldingThresholds key={holding ? `${holding.id}:${holding.holdingYellowAt}:${holding.holdingRedAt}:${holding.yellowAt}:${holding.redAt}` : 'none'} holding={holding} allowed={allowed} onError={setError} />
          {holding ? <StockTrendChart item={holding.item} /> : null}
          <section className="panel totals" aria-labelledby="totals-title">
            <h3 id="totals-title">{totalsBy === 'category' ? t('resources.stock.totalsByCategory') : t('resources.stock.totalsByStore')}</h3>
            <table data-testid="stock-totals">
              <thead><tr><th>{totalsBy === 'category' ? t('resources.stock.col.category') : t('resources.stock.col.store')}</th><th>{t('resources.stock.col.qty')}</th><th>{t('resources.status.red')}</th><th>{t('resources.status.yellow')}</th></tr></thead>
              <tbody>
                {totals.map((line) => (
                  <tr key={line.key}>
                    <td>{totalsBy === 'category' ? categoryLabel(t, StockCategorySchema.safeParse(line.key).data ?? null) : line.key}</td>
                    <td>{quantitiesText(line.quantities, i18n.language)}</td>
                    <td className={line.red ? 'status-red' : ''}>{line.red}</td>
                    <td className={line.yellow ? 'status-yellow' : ''}>{line.yellow}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </aside>
      </div>
    </div>
  );
}
