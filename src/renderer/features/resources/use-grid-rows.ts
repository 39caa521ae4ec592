import { useMemo } from 'react';
import type { Result } from '../../../contract/api';
import type { StockRow } from '../../../domain/resources/stock-calculations';
import { toGridRows, type StockGridRow } from './stock-columns';

type Stock = Result<'resources.stock'>;

/** Grid rows made so far, per catalogue read (the catalogue colours every row) and per holding object. */
const made = new WeakMap<Stock['items'], WeakMap<StockRow, StockGridRow>>();

/**
 * The stock read as grid rows. A holding the live read did not change is the same object as before, and so is
 * its grid row: the grid's diff skips it by identity, so a change to a few of 20,000 rows costs those few.
 */
export function gridRows(stock: Stock): StockGridRow[] {
  let rows = made.get(stock.items);
  if (!rows) {
    rows = new WeakMap();
    made.set(stock.items, rows);
  }
  const known = rows;
  const missing = stock.rows.filter((row) => !known.has(row));
  toGridRows(missing, stock.items).forEach((grid, i) => {
    const row = missing[i];
    if (row) known.set(row, grid);
  });
  return stock.rows.flatMap((row) => known.get(row) ?? []);
}

export function useGridRows(stock: Stock | null): StockGridRow[] {
  return useMemo(() => (stock ? gridRows(stock) : []), [stock]);
}
