import type { ColDef, GridApi, GridReadyEvent, ValueSetterParams } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BedTypeSchema, bedStatus, type BedCount } from '../../../domain/resources/beds';
import { bedCsvColumns } from '../../../domain/resources/bed-import';
import { exportGridCsv } from './grid-export';
import { columnMemory, DEFAULT_COL_DEF, GRID_THEME_CLASS } from './grid-setup';
import { bedTypeLabel } from './labels';
import { ShownRows } from './row-diff';
import { sameHeader, type GroupFigure, type GroupHeader } from './row-groups';
import { parseCount } from './stock-columns';
import { useRowGroups } from './use-row-groups';

type Figure = 'staffed' | 'occupied' | 'surge';
/** A bed line, or a group header when the grid is grouped by unit or bed type. */
export type BedGridRow = BedCount & { group?: GroupHeader };
export type BedGrouping = 'none' | 'unit' | 'type';
export type BedEdits = { set: (bed: BedCount, figure: Figure, value: number) => void; refuse: (figure: string) => void };
type Props = { beds: readonly BedCount[]; edits: BedEdits; /** False for a position that may not change beds (the panel says who may). */ editable: boolean; userKey: string; timeZone: string | undefined; groupBy: BedGrouping; onApi: (api: GridApi<BedGridRow> | null) => void };

const sameBed = (a: BedGridRow, b: BedGridRow) =>
  a.group || b.group ? sameHeader(a.group, b.group) : a.updatedAt === b.updatedAt && a.staffed === b.staffed && a.occupied === b.occupied && a.surge === b.surge;
const statusIs = (s: 'green' | 'yellow' | 'red') => (p: { data?: BedGridRow | undefined }) => !!p.data && bedStatus(p.data.available, p.data.staffed) === s;
const headerRow = (id: string, group: GroupHeader): BedGridRow => ({
  id, group, space: '', unit: '', type: 'adult_icu', staffed: 0, occupied: 0, available: 0, surge: 0,
  changedAt: { staffed: 0, occupied: 0, available: 0, surge: 0 }, updatedBy: '', updatedAt: 0, history: [],
});
const statusClass = { 'status-red': statusIs('red'), 'status-yellow': statusIs('yellow'), 'status-green': statusIs('green') };

/** Beds by unit and type; figures edit in place (Enter, Tab, arrows), and changes from elsewhere arrive as row transactions. */
export function BedsGrid({ beds, edits, editable, userKey, timeZone, groupBy, onApi }: Props) {
  const { t, i18n } = useTranslation();
  const api = useRef<GridApi<BedGridRow> | null>(null);
  const [gridApi, setGridApi] = useState<GridApi<BedGridRow> | null>(null);
  const [shown] = useState(() => new ShownRows<BedGridRow>(sameBed));
  const columnState = useMemo(() => columnMemory(`hcc.resources.bedColumns.${userKey}`), [userKey]);
  const keyOf = useMemo(() => (groupBy === 'unit' ? (b: BedGridRow) => b.unit : groupBy === 'type' ? (b: BedGridRow) => b.type : null), [groupBy]);
  const describe = useCallback(
    (key: string, members: readonly BedGridRow[]) => {
      const sum = (f: 'staffed' | 'occupied' | 'available' | 'surge') => members.reduce((n, b) => n + b[f], 0);
      const staffed = sum('staffed');
      const available = sum('available');
      const figures: GroupFigure[] = [
        { label: t('resources.beds.staffed'), value: staffed },
        { label: t('resources.beds.occupied'), value: sum('occupied') },
        { label: t('resources.beds.available'), value: available, tone: bedStatus(available, staffed) },
        { label: t('resources.beds.surge'), value: sum('surge') },
      ];
      const type = BedTypeSchema.safeParse(key);
      return { label: groupBy === 'type' && type.success ? bedTypeLabel(t, type.data) : key, figures };
    },
    [t, groupBy],
  );
  const { withHeaders, gridProps } = useRowGroups(gridApi, { keyOf, describe, headerRow, language: i18n.language });
  const shownRows = useMemo(() => withHeaders([...beds]), [withHeaders, beds]);
  const editsRef = useRef(edits);
  useEffect(() => {
    editsRef.current = edits;
  });
  const [stable] = useState<BedEdits>(() => ({ set: (b, f, v) => editsRef.current.set(b, f, v), refuse: (f) => editsRef.current.refuse(f) }));

  const columns = useMemo((): ColDef<BedGridRow>[] => {
    const time = new Intl.DateTimeFormat(i18n.language, { hour: '2-digit', minute: '2-digit', month: 'short', day: 'numeric', ...(timeZone ? { timeZone } : {}) });
    const figure = (f: Figure, headerName: string): ColDef<BedGridRow> => ({
      colId: f, field: f, headerName, type: 'numericColumn', filter: 'agNumberColumnFilter', editable, minWidth: 100, flex: 1,
      valueSetter: (p: ValueSetterParams<BedGridRow>) => {
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
  }, [t, i18n.language, timeZone, stable, editable]);

  useEffect(() => {
    const grid = api.current;
    if (!grid) return;
    const tx = shown.next(shownRows);
    if (tx) grid.applyTransaction(tx);
  }, [shown, shownRows]);

  const saveColumns = useCallback(() => columnState.save(api.current), [columnState]);

  const onGridReady = (event: GridReadyEvent<BedGridRow>) => {
    api.current = event.api;
    setGridApi(event.api);
    onApi(event.api);
    columnState.restore(event.api);
    event.api.applyTransaction({ add: shownRows });
    shown.reset(shownRows);
  };

  return (
    <div className={`${GRID_THEME_CLASS} beds-grid`} data-testid="beds-grid">
      <AgGridReact<BedGridRow>
        {...gridProps}
        theme="legacy"
        columnDefs={columns}
        defaultColDef={DEFAULT_COL_DEF}
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
        singleClickEdit
        stopEditingWhenCellsLoseFocus
        animateRows={false}
      />
    </div>
  );
}

/** Exports what the grid shows in the import's own columns, so the file goes back in unchanged. */
export function exportBeds(grid: GridApi<BedGridRow>): void {
  exportGridCsv(grid, 'beds.csv', bedCsvColumns);
}
