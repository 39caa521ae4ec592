import type { ColumnState, GridApi, GridReadyEvent } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { rowTransaction } from './row-diff';
import { GRID_THEME_CLASS } from './grid-setup';
import { sameStockRow, stockColumns, type StockEdits, type StockGridRow } from './stock-columns';

type Props = {
  rows: StockGridRow[];
  edits: StockEdits;
  userKey: string;
  quickFilter: string;
  onSelect: (row: StockGridRow | null) => void;
  onApi: (api: GridApi<StockGridRow> | null) => void;
};

const columnStateKey = (user: string) => `hcc.resources.stockColumns.${user}`;

/** The stock grid. Live data arrives as transactions (rows keyed by id), so scroll, focus and an open edit survive. */
export function StockGrid({ rows, edits, userKey, quickFilter, onSelect, onApi }: Props) {
  const { t, i18n } = useTranslation();
  const api = useRef<GridApi<StockGridRow> | null>(null);
  const shown = useRef(new Map<string, StockGridRow>());
  // Column definitions stay the same object across data refreshes (new ones would reset the user's columns), so
  // they call the latest edit handlers through a ref.
  const editsRef = useRef(edits);
  useEffect(() => {
    editsRef.current = edits;
  });
  const [stableEdits] = useState<StockEdits>(() => ({
    setQty: (r, n) => editsRef.current.setQty(r, n),
    setItemField: (r, f, n) => editsRef.current.setItemField(r, f, n),
    refuse: (f) => editsRef.current.refuse(f),
  }));
  const columns = useMemo(() => stockColumns(t, stableEdits, i18n.language), [t, stableEdits, i18n.language]);

  const pinnedTotals = useCallback((grid: GridApi<StockGridRow>) => {
    let qty = 0;
    let count = 0;
    grid.forEachNodeAfterFilter((node) => {
      if (node.data) {
        qty += node.data.qty;
        count += 1;
      }
    });
    grid.setGridOption('pinnedBottomRowData', [
      { id: 'total', item: t('resources.stock.total', { count }), store: '', category: null, unit: '', qty, par: null, yellowAt: null, redAt: null, burnPerDay: 0, daysOnHand: null, status: 'green', updatedAt: 0, pinned: true },
    ]);
  }, [t]);

  useEffect(() => {
    const grid = api.current;
    if (!grid) return;
    const tx = rowTransaction(shown.current, rows, sameStockRow);
    if (!tx.add.length && !tx.update.length && !tx.remove.length) return;
    grid.applyTransactionAsync(tx, () => pinnedTotals(grid));
    // Kept in step with the transaction rather than rebuilt: at 20,000 rows a rebuild per update costs frames.
    for (const r of [...tx.add, ...tx.update]) shown.current.set(r.id, r);
    for (const r of tx.remove) shown.current.delete(r.id);
  }, [rows, pinnedTotals]);

  // The totals row's label is translated: redo it when the language changes.
  useEffect(() => {
    if (api.current) pinnedTotals(api.current);
  }, [pinnedTotals]);

  useEffect(() => {
    api.current?.setGridOption('quickFilterText', quickFilter);
  }, [quickFilter]);

  const saveColumns = useCallback(() => {
    const state = api.current?.getColumnState();
    if (state) localStorage.setItem(columnStateKey(userKey), JSON.stringify(state));
  }, [userKey]);

  const onGridReady = (event: GridReadyEvent<StockGridRow>) => {
    api.current = event.api;
    onApi(event.api);
    const saved = localStorage.getItem(columnStateKey(userKey));
    if (saved) event.api.applyColumnState({ state: JSON.parse(saved) as ColumnState[], applyOrder: true });
    event.api.applyTransaction({ add: rows });
    shown.current = new Map(rows.map((r) => [r.id, r]));
    pinnedTotals(event.api);
  };

  return (
    <div className={`${GRID_THEME_CLASS} stock-grid`} data-testid="stock-grid">
      <AgGridReact<StockGridRow>
        theme="legacy"
        columnDefs={columns}
        defaultColDef={{ sortable: true, resizable: true, filter: true }}
        getRowClass={(p) => (p.data?.pinned ? 'stock-total-row' : undefined)}
        getRowId={(p) => p.data.id}
        onGridReady={onGridReady}
        onGridPreDestroyed={() => {
          api.current = null;
          onApi(null);
        }}
        onSortChanged={saveColumns}
        onColumnMoved={saveColumns}
        onColumnResized={(e) => e.finished && saveColumns()}
        onColumnVisible={saveColumns}
        onFilterChanged={(e) => pinnedTotals(e.api)}
        rowSelection={{ mode: 'singleRow', checkboxes: false, enableClickSelection: true }}
        onSelectionChanged={(e) => onSelect(e.api.getSelectedRows()[0] ?? null)}
        asyncTransactionWaitMillis={16}
        stopEditingWhenCellsLoseFocus
        animateRows={false}
      />
    </div>
  );
}
