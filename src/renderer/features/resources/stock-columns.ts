import type { ColDef, ValueSetterParams } from 'ag-grid-community';
import type { TFunction } from 'i18next';
import type { StockRow } from '../../../domain/resources/stock-calculations';
import { categoryLabel, statusLabel } from './labels';
import { sameHeader, type GroupHeader } from './row-groups';

export type StockGridRow = StockRow & { pinned?: boolean; group?: GroupHeader };

/** What the stock grid can be grouped by. */
export type StockGrouping = 'none' | 'category' | 'store';

/** A row that only carries a figure line (the pinned totals) or a group header: blank item fields. */
export function blankStockRow(id: string, fields: Partial<StockGridRow>): StockGridRow {
  return { id, item: '', store: '', category: null, unit: '', qty: 0, par: null, yellowAt: null, redAt: null, holdingYellowAt: null, holdingRedAt: null, burnPerDay: 0, daysOnHand: null, status: 'green', updatedAt: 0, ...fields };
}

export type StockEdits = {
  setQty: (row: StockGridRow, qty: number) => void;
  setItemField: (row: StockGridRow, field: 'par' | 'yellowAt' | 'redAt', value: number) => void;
  /** One of the holding's own thresholds typed in; the other keeps the value now colouring the row. */
  setHoldingThreshold: (row: StockGridRow, field: 'yellowAt' | 'redAt', value: number) => void;
  /** A holding-threshold cell emptied: the holding goes back to the item's defaults. */
  revertToItemDefaults: (row: StockGridRow) => void;
  refuse: (field: string) => void;
};

/** A whole, non-negative count typed into a cell, or null: the grid never sends a guess to the workstation. */
export function parseCount(value: unknown): number | null {
  const text = typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
  return /^\d{1,10}$/.test(text) && Number(text) <= 1_000_000_000 ? Number(text) : null;
}

const statusClass = {
  'status-red': (p: { data?: StockGridRow | undefined }) => !p.data?.pinned && p.data?.status === 'red',
  'status-yellow': (p: { data?: StockGridRow | undefined }) => !p.data?.pinned && p.data?.status === 'yellow',
  'status-green': (p: { data?: StockGridRow | undefined }) => !p.data?.pinned && p.data?.status === 'green',
};

/** Columns of the stock grid; edits become mutations (the cell keeps the old value until the store answers). */
export function stockColumns(t: TFunction, edits: StockEdits, lang: string, mayEdit = true): ColDef<StockGridRow>[] {
  const number = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 });
  const editable = (p: { data?: StockGridRow | undefined }) => mayEdit && !p.data?.pinned;
  const setter = (apply: (row: StockGridRow, n: number) => void, field: string) => (p: ValueSetterParams<StockGridRow>) => {
    const n = parseCount(p.newValue);
    if (n === null) edits.refuse(field);
    else if (p.data && n !== p.oldValue) apply(p.data, n);
    return false;
  };
  const holdingSetter = (field: 'yellowAt' | 'redAt', colId: string) => (p: ValueSetterParams<StockGridRow>) => {
    const blank = p.newValue === null || p.newValue === undefined || String(p.newValue).trim() === '';
    if (!blank) return setter((row, n) => edits.setHoldingThreshold(row, field, n), colId)(p);
    if (p.data && p.oldValue !== null) edits.revertToItemDefaults(p.data);
    return false;
  };
  return [
    // The pinned totals line ("Total (3 holdings): 40 bags · 60 boxes") needs more room than an item name.
    { colId: 'item', field: 'item', headerName: t('resources.stock.col.item'), filter: 'agTextColumnFilter', minWidth: 200, flex: 2, colSpan: (p) => (p.data?.pinned ? 4 : 1) },
    { colId: 'category', headerName: t('resources.stock.col.category'), valueGetter: (p) => (p.data?.pinned ? '' : categoryLabel(t, p.data?.category ?? null)), filter: 'agTextColumnFilter', minWidth: 160, flex: 1 },
    { colId: 'store', field: 'store', headerName: t('resources.stock.col.store'), filter: 'agTextColumnFilter', minWidth: 130, flex: 1 },
    {
      // The pinned row's quantities are per unit, in its item cell: one bare number would add boxes to bags.
      colId: 'qty', field: 'qty', headerName: t('resources.stock.col.qty'), type: 'numericColumn', filter: 'agNumberColumnFilter', editable,
      valueFormatter: (p) => (p.data?.pinned ? '' : String(p.value ?? '')),
      valueSetter: setter((row, n) => edits.setQty(row, n), 'qty'), cellClassRules: statusClass, width: 120,
    },
    { colId: 'unit', field: 'unit', headerName: t('resources.stock.col.unit'), width: 110 },
    { colId: 'status', headerName: t('resources.stock.col.status'), valueGetter: (p) => (p.data?.pinned ? '' : statusLabel(t, p.data?.status ?? 'green')), cellClassRules: statusClass, width: 110 },
    { colId: 'par', field: 'par', headerName: t('resources.stock.col.par'), type: 'numericColumn', editable: (p) => editable(p) && p.data?.par !== null, valueSetter: setter((row, n) => edits.setItemField(row, 'par', n), 'par'), width: 100 },
    { colId: 'yellowAt', field: 'yellowAt', headerName: t('resources.stock.col.yellowAt'), type: 'numericColumn', editable: (p) => editable(p) && p.data?.yellowAt !== null, valueSetter: setter((row, n) => edits.setItemField(row, 'yellowAt', n), 'yellowAt'), width: 110 },
    { colId: 'redAt', field: 'redAt', headerName: t('resources.stock.col.redAt'), type: 'numericColumn', editable: (p) => editable(p) && p.data?.redAt !== null, valueSetter: setter((row, n) => edits.setItemField(row, 'redAt', n), 'redAt'), width: 100 },
    { colId: 'holdingYellowAt', field: 'holdingYellowAt', headerName: t('resources.stock.col.holdingYellowAt'), type: 'numericColumn', editable, valueSetter: holdingSetter('yellowAt', 'holdingYellowAt'), width: 130 },
    { colId: 'holdingRedAt', field: 'holdingRedAt', headerName: t('resources.stock.col.holdingRedAt'), type: 'numericColumn', editable, valueSetter: holdingSetter('redAt', 'holdingRedAt'), width: 130 },
    { colId: 'burnPerDay', field: 'burnPerDay', headerName: t('resources.stock.col.burn'), type: 'numericColumn', valueFormatter: (p) => (p.data?.pinned ? '' : number.format(Number(p.value ?? 0))), width: 120 },
    { colId: 'daysOnHand', field: 'daysOnHand', headerName: t('resources.stock.col.days'), type: 'numericColumn', valueFormatter: (p) => (p.data?.pinned ? '' : p.value === null ? '—' : number.format(Number(p.value))), width: 120 },
  ];
}

export const sameStockRow = (a: StockGridRow, b: StockGridRow) =>
  a === b ||
  (a.group || b.group ? sameHeader(a.group, b.group) : a.qty === b.qty && a.updatedAt === b.updatedAt && a.status === b.status && a.par === b.par && a.yellowAt === b.yellowAt && a.redAt === b.redAt && a.holdingYellowAt === b.holdingYellowAt && a.holdingRedAt === b.holdingRedAt && a.burnPerDay === b.burnPerDay && a.category === b.category);
