import Papa from 'papaparse';
import { useCallback, useState } from 'react';
import { newId } from '../../../domain/ids';
import { validateMselCsv, type InjectFields, type MselCsvError, type MselCsvRecord } from '../../../domain/exercises/msel-csv';
import { csvParseOptions } from '../../lib/csv';
import type { UiError } from '../../lib/ui-error';
import { useMutation } from '../../state/use-mutation';

export type MselImportOutcome = { kind: 'idle' } | { kind: 'imported'; count: number } | { kind: 'rows'; errors: MselCsvError[] } | { kind: 'refused'; error: UiError };

/** Puts a whole MSEL in place of the exercise's, from a CSV file or a shipped scenario: one `inject.import` or nothing. */
export function useMselImport(exerciseId: string | null) {
  const importMsel = useMutation('inject.import').run;
  const [outcome, setOutcome] = useState<MselImportOutcome>({ kind: 'idle' });

  const importInjects = useCallback(
    async (injects: readonly InjectFields[]) => {
      if (!exerciseId) return;
      const failed = await importMsel({ exerciseId, injects: injects.map((inject) => ({ ...inject, id: newId() })) });
      setOutcome(failed ? { kind: 'refused', error: failed } : { kind: 'imported', count: injects.length });
    },
    [exerciseId, importMsel],
  );

  const importText = useCallback(
    async (text: string) => {
      const parsed = Papa.parse<MselCsvRecord>(text.replace(/^\uFEFF/, ''), csvParseOptions((h) => h.trim().toLowerCase()));
      const checked = validateMselCsv(parsed.meta.fields ?? [], parsed.data);
      if (checked.ok) await importInjects(checked.injects);
      else setOutcome({ kind: 'rows', errors: checked.errors });
    },
    [importInjects],
  );

  return { outcome, importText, importInjects };
}
