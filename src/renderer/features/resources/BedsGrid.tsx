import type { ColDef, ColumnState, GridApi, GridReadyEvent, ValueSetterParams } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { bedStatus, type BedCount } from '../../../domain/beds';
import { bedCsvColumns } from '../../../domain/bed-import';
import { GRID_THEME_CLASS } from './grid-setup';
import { bedTypeLabel } from './labels';
import { rowTransaction } from './row-diff';
import { parseCount } from './stock-columns';

type Figure = 'staffed' | 'occupied' | 'surge';
export type BedEdits = { set: (bed: BedCount, figure: Figure, value: number) => void; refuse: (figure: string) => void };
type Props = { beds: readonly BedCount[]; edits: BedEdits; userKey: string; timeZone: string | undefined; onApi: (api: GridApi<BedCount> | null) => void };

const columnStateKey = (user: string) => `hcc.resources.bedColumns.${user}`;
const sameBed = (a: BedCount, b: BedCount) => a.updatedAt === b.updatedAt && a.staffed === b.staffed && a.occupied === b.occupied && a.surge === b.surge;
const statusIs = (s: 'green' | 'yellow' | 'red') => (p: { data?: BedCount | undefined }) => !!p.data && bedStatus(p.data.available, p.data.staffed) === s;
const statusClass = { 'status-red': statusIs('red'), 'status-yellow': statusIs('yellow'), 'status-green': statusIs('green') };

/** Beds by unit and type; figures edit in place (Enter, Tab, arrows), and changes from elsewhere arrive as row transactions. */
export function BedsGrid({ beds, edits, userKey, timeZone, onApi }: Props) {
  const { t, i18n } = useTranslation();
  const api = useRef<GridApi<BedCount> | null>(null);
  const shown = useRef(new Map<string, BedCount>());
  const editsRef = useRef(edits);
  useEffect(() => {
    editsRef.current = edits;
  });
  const [stable] = useState<BedEdits>(() => ({ set: (b, f, v) => editsRef.current.set(b, f, v), refuse: (f) => editsRef.current.refuse(f) }));

  const columns = useMemo((): ColDef<BedCount>[] => {
    const time = new Intl.DateTimeFormat(i18n.language, { hour: '2-digit', minute: '2-digit', month: 'short', day: 'numeric', ...(timeZone ? { timeZone } : {}) });
    const figure = (f: Figure, headerName: string): ColDef<BedCount> => ({
      colId: f, field: f, headerName, type: 'numericColumn', filter: 'agNumberColumnFilter', editable: true, minWidth: 100, flex: 1,
      valueSetter: (p: ValueSetterParams<BedCount>) => {
        const n = parseCount(p.newValue);
        if (n === null || n > 100_000) stable.refuse(f);
        else if (p.data && n !== p.oldValue) stable.set(p.data, f, n);
        return false;
      },
    });
    return [
      { colId: 'unit', field: 'unit', headerName: t('resources.beds.unit'), filter: 'agTextColumnFilter', minWidth: 120, flex: 1 },
      { colId: 'type', headerName: t('resources.beds.type'), valueGetter: (p) => (p.data ? bedTypeLabel(t, p.data.type) : ''), filter: 'agTextColumnFilter', minWidth: 180, flex: 1 },
      figure('staffed', t('resources.beds.staffed')),
      figure('occupied', t('resources.beds.occupied')),
      { colId: 'available', field: 'available', headerName: t('resources.beds.available'), type: 'numericColumn', filter: 'agNumberColumnFilter', cellClassRules: statusClass, minWidth: 100, flex: 1 },
      figure('surge', t('resources.beds.surge')),
      { colId: 'updatedAt', field: 'updatedAt', headerName: t('resources.beds.changed'), valueFormatter: (p) => (typeof p.value === 'number' ? time.format(p.value) : ''), minWidth: 150, flex: 1 },
    ];
  }, [t, i18n.language, timeZone, stable]);

  useEffect(() => {
    const grid = api.current;
    if (!grid) return;
    const tx = rowTransaction(shown.current, beds, sameBed);
    if (!tx.add.length && !tx.update.length && !tx.remove.length) return;
    grid.applyTransaction(tx);
    for (const r of [...tx.add, ...tx.update]) shown.current.set(r.id, r);
    for (const r of tx.remove) shown.current.delete(r.id);
  }, [beds]);

  const saveColumns = useCallback(() => {
    const state = api.current?.getColumnState();
    if (state) localStorage.setItem(columnStateKey(userKey), JSON.stringify(state));
  }, [userKey]);

  const onGridReady = (event: GridReadyEvent<BedCount>) => {
    api.current = event.api;
    onApi(event.api);
    const saved = localStorage.getItem(columnStateKey(userKey));
    if (saved) event.api.applyColumnState({ state: JSON.parse(saved) as ColumnState[], applyOrder: true });
    event.api.applyTransaction({ add: [...beds] });
    shown.current = new Map(beds.map((r) => [r.id, r]));
  };

  return (
    <div className={`${GRID_THEME_CLASS} beds-grid`} data-testid="beds-grid">
      <AgGridReact<BedCount>
        theme="legacy"
        columnDefs={columns}
        defaultColDef={{ sortable: true, resizable: true, filter: true }}
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
        singleClickEdit
        stopEditingWhenCellsLoseFocus
        animateRows={false}
      />
    </div>
  );
}

/** Exports what the grid shows (filtered, sorted), in the import's own columns so the file goes back in unchanged. */
export function exportBeds(grid: GridApi<BedCount>): void {
  grid.exportDataAsCsv({
    fileName: 'beds.csv',
    columnKeys: [...bedCsvColumns],
    processHeaderCallback: (p) => p.column.getColId(),
    processCellCallback: (p) => (p.column.getColId() === 'type' ? ((p.node?.data as BedCount | undefined)?.type ?? '') : String(p.value ?? '')),
  });
}
