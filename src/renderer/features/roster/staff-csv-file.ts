import type { StaffFields } from '../../../domain/roster/staff';
import { staffCsvColumns, staffToCsvRecords } from '../../../domain/roster/staff-csv';
import { toCsvText } from '../../lib/csv';

/** The directory as CSV (UTF-8 with BOM, so spreadsheet programs read Chinese names correctly). */
export function staffCsv(staff: readonly StaffFields[]): string {
  return `${toCsvText(staffCsvColumns, staffToCsvRecords(staff))}\n`;
}
