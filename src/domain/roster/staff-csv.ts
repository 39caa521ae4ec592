import { ProfessionSchema, StaffFieldsSchema, type Qualification, type StaffFields } from './staff';
import { unsafeChar } from '../text';

/** The staff directory's CSV columns, in export order; an import needs at least the required ones. */
export const staffCsvColumns = [
  'staff_no',
  'name',
  'department',
  'profession',
  'home_unit',
  'qualifications',
  'languages',
  'phone',
  'email',
] as const;
export type StaffCsvColumn = (typeof staffCsvColumns)[number];
const requiredColumns: readonly StaffCsvColumn[] = ['staff_no', 'name', 'department', 'profession', 'home_unit'];

/** Which row (1-based, the header is row 1), which column and why: enough to fix the file in a spreadsheet. */
export type CsvRowError = { row: number; column: string; reason: string };
export type StaffCsvResult = { ok: true; rows: StaffFields[] } | { ok: false; errors: CsvRowError[] };

/** Qualifications are `CODE` or `CODE:YYYY-MM-DD` (expiry), separated by `;`. */
function parseQualifications(cell: string): Qualification[] | string {
  const out: Qualification[] = [];
  for (const part of cell.split(';').map((p) => p.trim()).filter(Boolean)) {
    const [code = '', expiry] = part.split(':').map((p) => p.trim());
    if (expiry === undefined) {
      out.push({ code });
      continue;
    }
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(expiry);
    const at = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : Number.NaN;
    // Date.UTC rolls 2027-13-45 over into 2028; a real date reads back as itself.
    if (Number.isNaN(at) || new Date(at).toISOString().slice(0, 10) !== expiry) return `expiry of ${code} must be a date YYYY-MM-DD`;
    out.push({ code, expiresAt: at });
  }
  return out;
}

function formatQualifications(list: readonly Qualification[]): string {
  return list
    .map((q) => (q.expiresAt === undefined ? q.code : `${q.code}:${new Date(q.expiresAt).toISOString().slice(0, 10)}`))
    .join(';');
}

const zodColumn: Record<string, StaffCsvColumn> = {
  staffNo: 'staff_no',
  homeUnit: 'home_unit',
};

/**
 * Validates parsed CSV records (header to cell) as staff rows. All or nothing: any error refuses the whole file,
 * and every error is reported at once so one round of fixes is enough.
 */
export function validateStaffCsv(header: readonly string[], records: readonly Record<string, string>[]): StaffCsvResult {
  const errors: CsvRowError[] = [];
  const names = header.map((h) => h.trim().toLowerCase());
  for (const column of requiredColumns) {
    if (!names.includes(column)) errors.push({ row: 1, column, reason: 'missing column' });
  }
  if (errors.length > 0) return { ok: false, errors };
  const rows: StaffFields[] = [];
  const seen = new Map<string, number>();
  records.forEach((record, index) => {
    const row = index + 2;
    const cell = (column: StaffCsvColumn): string => (record[column] ?? '').trim();
    const unsafe = staffCsvColumns.flatMap((column) => {
      const char = unsafeChar(record[column] ?? '');
      return char ? [{ row, column, reason: `contains ${char}, a control character or a broken character: retype it` }] : [];
    });
    if (unsafe.length > 0) {
      errors.push(...unsafe);
      return;
    }
    const qualifications = parseQualifications(cell('qualifications'));
    if (typeof qualifications === 'string') {
      errors.push({ row, column: 'qualifications', reason: qualifications });
      return;
    }
    const profession = cell('profession').toLowerCase();
    if (!ProfessionSchema.safeParse(profession).success) {
      errors.push({ row, column: 'profession', reason: `must be one of ${ProfessionSchema.options.join(', ')}` });
      return;
    }
    const parsed = StaffFieldsSchema.safeParse({
      staffNo: cell('staff_no'),
      name: cell('name'),
      department: cell('department'),
      profession,
      homeUnit: cell('home_unit'),
      qualifications,
      languages: cell('languages').split(';').map((l) => l.trim()).filter(Boolean),
      phone: cell('phone'),
      email: cell('email'),
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0] ?? '');
        errors.push({ row, column: zodColumn[key] ?? key, reason: issue.message });
      }
      return;
    }
    const first = seen.get(parsed.data.staffNo);
    if (first !== undefined) {
      errors.push({ row, column: 'staff_no', reason: `duplicate of row ${first}` });
      return;
    }
    seen.set(parsed.data.staffNo, row);
    rows.push(parsed.data);
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, rows };
}

/** One record per person in `staffCsvColumns` order, ready for a CSV writer; the inverse of `validateStaffCsv`. */
export function staffToCsvRecords(staff: readonly StaffFields[]): string[][] {
  return staff.map((s) => [
    s.staffNo,
    s.name,
    s.department,
    s.profession,
    s.homeUnit,
    formatQualifications(s.qualifications),
    s.languages.join(';'),
    s.phone,
    s.email,
  ]);
}
