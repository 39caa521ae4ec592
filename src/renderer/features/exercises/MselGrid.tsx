import type { ColDef, RowSelectionOptions, ValueSetterParams } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { InjectMethodSchema, type Inject } from '../../../domain/exercises/injects';
import { triggerCells, triggerFromCells, type InjectFields, type MselCsvColumn } from '../../../domain/exercises/msel-csv';
import { findPosition } from '../../../domain/hics';
import { DEFAULT_COL_DEF, GRID_THEME_CLASS } from '../resources';
import { columnLabel, methodLabel, statusLabel } from './labels';

export type InjectChange = Partial<InjectFields>;
export type MselEdits = { edit: (inject: Inject, change: InjectChange) => void; refuse: (column: MselCsvColumn, reason: string) => void };
/** `readOnly`: an evaluator's view, who sees the scenario but may not change it. */
type Props = { injects: readonly Inject[]; edits: MselEdits; onSelect: (inject: Inject | null) => void; readOnly?: boolean };

const ROW_SELECTION: RowSelectionOptions<Inject> = { mode: 'singleRow', checkboxes: false, enableClickSelection: true };
/** Only a pending inject is the author's to change: a delivered one is what the evaluation measures. */
const pendingOnlyCell = (p: { data?: Inject | undefined }) => p.data?.status === 'pending';
const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/** The MSEL as a grid in the CSV's columns: a cell edit is one `inject.edit` of that field; live data comes back by id. */
export function MselGrid({ injects, edits, onSelect, readOnly = false }: Props) {
  const { t, i18n } = useTranslation();
  // Column definitions stay the same object across live updates (new ones would reset the grid), so they call
  // the latest edit handlers through a ref.
  const editsRef = useRef(edits);
  useEffect(() => {
    editsRef.current = edits;
  });
  const [stable] = useState<MselEdits>(() => ({ edit: (i, c) => editsRef.current.edit(i, c), refuse: (c, r) => editsRef.current.refuse(c, r) }));

  const language = i18n.language === 'en' ? 'en' : 'zh-CN';
  const rows = useMemo(() => [...injects], [injects]);
  const columns = useMemo((): ColDef<Inject>[] => {
    const pendingOnly = readOnly ? false : pendingOnlyCell;
    const textColumn = (column: MselCsvColumn, field: 'subject' | 'message' | 'from' | 'to' | 'controller' | 'expectedAction' | 'capability', flex = 1, format?: (value: string) => string): ColDef<Inject> => ({
      colId: column,
      ...(format ? { valueFormatter: (p: { value: unknown }) => format(typeof p.value === 'string' ? p.value : '') } : {}),
      headerName: columnLabel(t, column),
      valueGetter: (p) => p.data?.[field] ?? '',
      editable: pendingOnly,
      cellEditor: field === 'message' || field === 'expectedAction' ? 'agLargeTextCellEditor' : 'agTextCellEditor',
      cellEditorPopup: field === 'message' || field === 'expectedAction',
      tooltipValueGetter: (p) => (typeof p.value === 'string' ? p.value : ''),
      minWidth: 120,
      flex,
      valueSetter: (p: ValueSetterParams<Inject>) => {
        const value = text(p.newValue);
        if (p.data && value !== (p.data[field] ?? '')) stable.edit(p.data, { [field]: value });
        return false;
      },
    });
    const triggerColumn = (column: 'time' | 'after'): ColDef<Inject> => ({
      colId: column,
      headerName: columnLabel(t, column),
      valueGetter: (p) => (p.data ? triggerCells(p.data.trigger)[column] : ''),
      editable: pendingOnly,
      width: 90,
      valueSetter: (p: ValueSetterParams<Inject>) => {
        if (!p.data) return false;
        const cells = { ...triggerCells(p.data.trigger), [column]: text(p.newValue) };
        const trigger = triggerFromCells(cells.time, cells.after);
        if ('reason' in trigger) stable.refuse(trigger.column, trigger.reason);
        else stable.edit(p.data, { trigger });
        return false;
      },
    });
    return [
      {
        colId: 'number', headerName: columnLabel(t, 'number'), field: 'number', editable: pendingOnly, width: 80, sort: 'asc',
        valueSetter: (p: ValueSetterParams<Inject>) => {
          const value = text(String(p.newValue ?? ''));
          if (!/^\d{1,4}$/.test(value) || Number(value) < 1) stable.refuse('number', t('exercises.msel.col.number'));
          else if (p.data && Number(value) !== p.data.number) stable.edit(p.data, { number: Number(value) });
          return false;
        },
      },
      triggerColumn('time'),
      triggerColumn('after'),
      textColumn('event', 'subject', 1.5),
      textColumn('inject_text', 'message', 2.5),
      {
        colId: 'method', headerName: columnLabel(t, 'method'), field: 'method', editable: pendingOnly, minWidth: 150, flex: 1,
        cellEditor: 'agSelectCellEditor', cellEditorParams: { values: InjectMethodSchema.options },
        valueFormatter: (p) => (p.data ? methodLabel(t, p.data.method) : ''),
        valueSetter: (p: ValueSetterParams<Inject>) => {
          const method = InjectMethodSchema.safeParse(p.newValue);
          if (p.data && method.success && method.data !== p.data.method) stable.edit(p.data, { method: method.data });
          return false;
        },
      },
      textColumn('from', 'from'),
      // Stored as a HICS position id (what delivery addresses); shown by its name, and a free-text recipient as written.
      textColumn('to', 'to', 1, (id) => findPosition(id)?.name[language] ?? id),
      textColumn('controller', 'controller'),
      textColumn('expected_action', 'expectedAction', 2),
      textColumn('objective', 'capability', 1.5),
      { colId: 'status', headerName: columnLabel(t, 'status'), valueGetter: (p) => (p.data ? statusLabel(t, p.data.status) : ''), width: 100 },
    ];
  }, [t, stable, language, readOnly]);

  return (
    <div className={`${GRID_THEME_CLASS} msel-grid`} data-testid="msel-grid" role="region" aria-label={t('exercises.msel.grid')}>
      <AgGridReact<Inject>
        theme="legacy"
        rowData={rows}
        columnDefs={columns}
        defaultColDef={DEFAULT_COL_DEF}
        getRowId={(p) => p.data.id}
        rowSelection={ROW_SELECTION}
        onSelectionChanged={(e) => onSelect(e.api.getSelectedRows()[0] ?? null)}
        singleClickEdit
        stopEditingWhenCellsLoseFocus
        animateRows={false}
        domLayout="autoHeight"
      />
    </div>
  );
}
