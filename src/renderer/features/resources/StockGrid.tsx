import type { GridApi, GridReadyEvent, RowClassParams, RowSelectionOptions } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ShownRows } from './row-diff';
import { exportGridCsv } from './grid-export';
import { columnMemory, DEFAULT_COL_DEF, GRID_THEME_CLASS } from './grid-setup';
import { StockCategorySchema } from '../../../domain/resources/stock';
import { qtyByUnit } from '../../../domain/resources/stock-calculations';
import { categoryLabel, quantitiesText } from './labels';
import type { GroupFigure } from './row-groups';
import { blankStockRow, sameStockRow, stockColumns, type StockEdits, type StockGridRow, type StockGrouping } from './stock-columns';
import { useRowGroups } from './use-row-groups';

type Props = {
  rows: StockGridRow[];
  edits: StockEdits;
  /** False for a position that may not change stock (the panel says who may). */
  editable: boolean;
  userKey: string;
  quickFilter: string;
  groupBy: StockGrouping;
  onSelect: (row: StockGridRow | null) => void;
  onApi: (api: GridApi<StockGridRow> | null) => void;
};

/** One row at a time, never a group header. A constant: a new callback would make the grid re-check every row. */
const ROW_SELECTION: RowSelectionOptions<StockGridRow> = { mode: 'singleRow', checkboxes: false, enableClickSelection: true, isRowSelectable: (node) => !node.data?.group };
const totalRowClass = (p: RowClassParams<StockGridRow>) => (p.data?.pinned ? 'stock-total-row' : undefined);

/** The stock grid. Live data arrives as transactions (rows keyed by id), so scroll, focus and an open edit survive. */
export function StockGrid({ rows, edits, editable, userKey, quickFilter, groupBy, onSelect, onApi }: Props) {
  const { t, i18n } = useTranslation();
  const api = useRef<GridApi<StockGridRow> | null>(null);
  const [gridApi, setGridApi] = useState<GridApi<StockGridRow> | null>(null);
  const keyOf = useMemo(() => {
    if (groupBy === 'category') return (r: StockGridRow) => r.category ?? 'other';
    if (groupBy === 'store') return (r: StockGridRow) => r.store;
    return null;
  }, [groupBy]);
  const describe = useCallback(
    (key: string, members: readonly StockGridRow[]) => {
      let red = 0;
      let yellow = 0;
      for (const m of members) {
        if (m.status === 'red') red += 1;
        else if (m.status === 'yellow') yellow += 1;
      }
      // One figure per unit, the label on the first only: "On hand 120 boxes 40 bags".
      const figures: GroupFigure[] = [
        ...qtyByUnit(members).map(({ unit, qty }, i) => ({ label: i === 0 ? t('resources.stock.col.qty') : '', value: qty, unit })),
        { label: t('resources.status.red'), value: red, tone: 'red' },
        { label: t('resources.status.yellow'), value: yellow, tone: 'yellow' },
      ];
      return { label: groupBy === 'category' ? categoryLabel(t, StockCategorySchema.safeParse(key).data ?? null) : key, figures };
    },
    [t, groupBy],
  );
  const headerRow = useCallback((id: string, group: NonNullable<StockGridRow['group']>) => blankStockRow(id, { group }), []);
  const { withHeaders, gridProps } = useRowGroups(gridApi, { keyOf, describe, headerRow, language: i18n.language });
  const shownRows = useMemo(() => withHeaders(rows), [withHeaders, rows]);
  const [shown] = useState(() => new ShownRows<StockGridRow>(sameStockRow));
  const columnState = useMemo(() => columnMemory(`hcc.resources.stockColumns.${userKey}`), [userKey]);
  // Column definitions stay the same object across data refreshes (new ones would reset the user's columns), so
  // they call the latest edit handlers through a ref.
  const editsRef = useRef(edits);
  useEffect(() => {
    editsRef.current = edits;
  });
  const [stableEdits] = useState<StockEdits>(() => ({
    setQty: (r, n) => editsRef.current.setQty(r, n),
    setItemField: (r, f, n) => editsRef.current.setItemField(r, f, n),
    setHoldingThreshold: (r, f, n) => editsRef.current.setHoldingThreshold(r, f, n),
    revertToItemDefaults: (r) => editsRef.current.revertToItemDefaults(r),
    refuse: (f) => editsRef.current.refuse(f),
  }));
  const columns = useMemo(() => stockColumns(t, stableEdits, i18n.language, editable), [t, stableEdits, i18n.language, editable]);

  const pinnedTotals = useCallback((grid: GridApi<StockGridRow>) => {
    const shownRows: StockGridRow[] = [];
    grid.forEachNodeAfterFilter((node) => {
      if (node.data && !node.data.group) shownRows.push(node.data);
    });
    const quantities = quantitiesText(qtyByUnit(shownRows), i18n.language);
    grid.setGridOption('pinnedBottomRowData', [blankStockRow('total', { item: t('resources.stock.total', { count: shownRows.length, quantities }), pinned: true })]);
  }, [t, i18n.language]);

  useEffect(() => {
    const grid = api.current;
    if (!grid) return;
    const tx = shown.next(shownRows);
    if (tx) grid.applyTransactionAsync(tx, () => pinnedTotals(grid));
  }, [shown, shownRows, pinnedTotals]);

  // The totals row's label is translated: redo it when the language changes.
  useEffect(() => {
    if (api.current) pinnedTotals(api.current);
  }, [pinnedTotals]);

  useEffect(() => {
    api.current?.setGridOption('quickFilterText', quickFilter);
  }, [quickFilter]);

  const saveColumns = useCallback(() => columnState.save(api.current), [columnState]);

  const onGridReady = (event: GridReadyEvent<StockGridRow>) => {
    api.current = event.api;
    setGridApi(event.api);
    onApi(event.api);
    columnState.restore(event.api);
    event.api.applyTransaction({ add: shownRows });
    shown.reset(shownRows);
    pinnedTotals(event.api);
  };

  return (
    <div className={`${GRID_THEME_CLASS} stock-grid`} data-testid="stock-grid">
      <AgGridReact<StockGridRow>
        theme="legacy"
        columnDefs={columns}
        defaultColDef={DEFAULT_COL_DEF}
        {...gridProps}
        getRowClass={totalRowClass}
        getRowId={(p) => p.data.id}
        onGridReady={onGridReady}
        onGridPreDestroyed={() => {
          api.current = null;
          setGridApi(null);
          onApi(null);
        }}
        onSortChanged={saveColumns}
        onColumnMoved={saveColumns}
        onColumnResized={(e) => e.finished && saveColumns()}
        onColumnVisible={saveColumns}
        onFilterChanged={(e) => pinnedTotals(e.api)}
        rowSelection={ROW_SELECTION}
        onSelectionChanged={(e) => onSelect(e.api.getSelectedRows()[0] ?? null)}
        asyncTransactionWaitMillis={16}
        stopEditingWhenCellsLoseFocus
        animateRows={false}
      />
    </div>
  );
}

/**
 * Exports what the grid shows, every column, in stored values: the import's columns (item, category, unit, store,
 * qty, par, yellowAt, redAt, holdingYellowAt, holdingRedAt) are among them, so an exported file edited in a spreadsheet goes back in.
 */
export function exportStock(grid: GridApi<StockGridRow>): void {
  exportGridCsv(grid, 'stock.csv');
}
