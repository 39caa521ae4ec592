import Papa from 'papaparse';
import { fromCsvCell, toCsvCell } from '../../domain/csv-cell';

/**
 * A CSV file from a header and rows, every cell formula-neutralised (see csv-cell.ts). A byte-order mark first,
 * as AG Grid's exports have, so a spreadsheet reads Chinese names as UTF-8 (our import, via Papa Parse, drops it).
 * The header is given, so an empty list still exports a file that imports.
 */
export function toCsvText(fields: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  return `\uFEFF${Papa.unparse({ fields: [...fields], data: rows.map((row) => row.map(toCsvCell)) })}`;
}

/** Papa Parse options every CSV import shares: header row, blank lines skipped, and the export's escaping undone. */
export function csvParseOptions(header: (h: string) => string) {
  return {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: header,
    transform: (value: string) => fromCsvCell(value),
  } as const;
}
