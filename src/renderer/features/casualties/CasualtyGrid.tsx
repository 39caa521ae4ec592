import type { CellKeyDownEvent, ColDef, ICellRendererParams } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Casualty } from '../../../domain/casualties/casualties';
import { formatTime } from '../../lib/time';
import { selectLanguage, selectTimeZone } from '../../state/selectors';
import { useApp } from '../../state/store-context';
import { DEFAULT_COL_DEF, GRID_THEME_CLASS } from '../resources';
import { ageBandLabel, arrivalModeLabel, categoryLabel, dispositionLabel, sexLabel } from './labels';

type Props = { casualties: readonly Casualty[]; onSelect: (id: string) => void };

const ROW_SELECTION = { mode: 'singleRow', checkboxes: false, enableClickSelection: true } as const;

function CategoryCell({ data }: ICellRendererParams<Casualty>) {
  const { t } = useTranslation();
  if (!data) return null;
  const category = data.triage.category;
  return (
    <span className="casualty-category-cell" data-testid="casualty-category" data-category={category}>
      <span className={`triage-chip triage-${category}`} aria-hidden="true" />
      {categoryLabel[category](t)}
      {data.retriage.length > 0 ? <span className="dim"> ({t('casualties.grid.retriaged', { count: data.retriage.length })})</span> : null}
    </span>
  );
}

/**
 * One row per casualty, in order of arrival: sort, filter and move by keyboard as in the resources grids; Enter or
 * a click opens the casualty (re-triage with its history, disposition, identity).
 */
export function CasualtyGrid({ casualties, onSelect }: Props) {
  const { t, i18n } = useTranslation();
  const timeZone = useApp(selectTimeZone);
  const locale = useApp(selectLanguage);
  const columns = useMemo((): ColDef<Casualty>[] => [
    { colId: 'tagNo', field: 'tagNo', headerName: t('casualties.fields.tagNo'), filter: 'agTextColumnFilter', minWidth: 120, flex: 1 },
    {
      colId: 'category', headerName: t('casualties.fields.category'), valueGetter: (p) => (p.data ? categoryLabel[p.data.triage.category](t) : ''), cellRenderer: CategoryCell,
      filter: 'agTextColumnFilter', minWidth: 200, flex: 1.5,
    },
    // The algorithm's own name, short enough for a column; the entry form says which is for whom.
    { colId: 'system', headerName: t('casualties.fields.system'), valueGetter: (p) => p.data?.triage.system ?? '', minWidth: 100, flex: 0.7 },
    { colId: 'sex', headerName: t('casualties.fields.sex'), valueGetter: (p) => (p.data ? sexLabel[p.data.sex](t) : ''), minWidth: 80, flex: 0.6 },
    { colId: 'ageBand', headerName: t('casualties.fields.ageBand'), valueGetter: (p) => (p.data ? ageBandLabel[p.data.ageBand](t) : ''), minWidth: 90, flex: 0.8 },
    { colId: 'arrivedAt', field: 'arrivedAt', headerName: t('casualties.fields.arrived'), valueFormatter: (p) => (typeof p.value === 'number' ? formatTime(p.value, timeZone, locale) : ''), minWidth: 90, flex: 0.7 },
    { colId: 'arrivalMode', headerName: t('casualties.fields.arrivalMode'), valueGetter: (p) => (p.data ? arrivalModeLabel[p.data.arrivalMode](t) : ''), minWidth: 110, flex: 0.9 },
    { colId: 'area', field: 'area', headerName: t('casualties.fields.area'), filter: 'agTextColumnFilter', minWidth: 110, flex: 1 },
    {
      colId: 'disposition', headerName: t('casualties.fields.disposition'),
      valueGetter: (p) => (p.data ? `${dispositionLabel[p.data.disposition?.code ?? 'in_care'](t)}${p.data.disposition?.destination ? ` — ${p.data.disposition.destination}` : ''}` : ''),
      filter: 'agTextColumnFilter', minWidth: 140, flex: 1.2,
    },
    { colId: 'name', headerName: t('casualties.fields.name'), valueGetter: (p) => p.data?.name ?? '', minWidth: 100, flex: 1 },
  ], [t, timeZone, locale]);

  const onKey = (event: CellKeyDownEvent<Casualty>) => {
    if ((event.event as KeyboardEvent | null)?.key === 'Enter' && event.data) onSelect(event.data.id);
  };

  return (
    <div className={`${GRID_THEME_CLASS} casualty-grid`} data-testid="casualty-grid" key={i18n.language}>
      <AgGridReact<Casualty>
        theme="legacy"
        columnDefs={columns}
        defaultColDef={DEFAULT_COL_DEF}
        rowData={casualties as Casualty[]}
        getRowId={(p) => p.data.id}
        rowSelection={ROW_SELECTION}
        onRowClicked={(e) => { if (e.data) onSelect(e.data.id); }}
        onCellKeyDown={onKey}
        animateRows={false}
      />
    </div>
  );
}
