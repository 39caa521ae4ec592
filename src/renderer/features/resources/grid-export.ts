import type { GridApi } from 'ag-grid-community';
import { toCsvCell } from '../../../domain/csv-cell';
import type { Groupable } from './row-groups';

/**
 * Exports what a grid shows (its filter, sort and column order) as CSV a spreadsheet and our own import both read:
 * column ids as the header, stored values (codes, not translated labels), no group headers, no totals row.
 * Re-importing an exported file is accepted and changes nothing. Cells are formula-neutralised like every export.
 */
export function exportGridCsv<R extends Groupable>(grid: GridApi<R>, fileName: string, columnKeys?: readonly string[]): void {
  grid.exportDataAsCsv({
    fileName,
    ...(columnKeys ? { columnKeys: [...columnKeys] } : {}),
    skipPinnedBottom: true,
    shouldRowBeSkipped: (p) => !!(p.node.data as R | undefined)?.group,
    processHeaderCallback: (p) => p.column.getColId(),
    processCellCallback: (p) => {
      const row = p.node?.data as R | undefined;
      // A column id names the row's field (category and status hold codes; their labels come from valueGetters).
      const value: unknown = row?.[p.column.getColId() as keyof R];
      return typeof value === 'string' || typeof value === 'number' ? toCsvCell(value) : '';
    },
  });
}
