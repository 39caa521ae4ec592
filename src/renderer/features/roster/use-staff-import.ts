import Papa from 'papaparse';
import { useCallback, useState } from 'react';
import { newId } from '../../../domain/ids';
import { validateStaffCsv, type CsvRowError } from '../../../domain/roster/staff-csv';
import { csvParseOptions } from '../../lib/csv';
import type { UiError } from '../../lib/ui-error';
import { useMutation } from '../../state/use-mutation';

export type ImportOutcome = { kind: 'idle' } | { kind: 'imported'; count: number } | { kind: 'rows'; errors: CsvRowError[] } | { kind: 'refused'; error: UiError };

/** Reads a CSV file, checks every row, and sends the whole file as one `staff.import` or nothing at all. */
export function useStaffImport() {
  const importStaff = useMutation('staff.import').run;
  const [outcome, setOutcome] = useState<ImportOutcome>({ kind: 'idle' });
  const [busy, setBusy] = useState(false);

  const importText = useCallback(
    async (text: string) => {
      setBusy(true);
      const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), csvParseOptions((h) => h.trim().toLowerCase()));
      const checked = validateStaffCsv(parsed.meta.fields ?? [], parsed.data);
      if (!checked.ok) {
        setOutcome({ kind: 'rows', errors: checked.errors });
      } else if (checked.rows.length === 0) {
        setOutcome({ kind: 'rows', errors: [{ row: 2, column: 'staff_no', reason: 'no rows' }] });
      } else {
        const failed = await importStaff({ rows: checked.rows.map((r) => ({ ...r, id: newId() })) });
        setOutcome(failed ? { kind: 'refused', error: failed } : { kind: 'imported', count: checked.rows.length });
      }
      setBusy(false);
    },
    [importStaff],
  );

  return { outcome, busy, importText };
}
