import Papa from 'papaparse';
import { useCallback, useState } from 'react';
import type { Frequency } from '../../../domain/warning/periods';
import { validateSeriesCsv, type SeriesCsvError } from '../../../domain/warning/series-csv';
import { csvParseOptions } from '../../lib/csv';
import type { UiError } from '../../lib/ui-error';
import { useMutation } from '../../state/use-mutation';
import { importRows } from './warning-view';

export type ObservationImportState =
  | { phase: 'idle' }
  | { phase: 'reading' }
  | { phase: 'refused'; errors: SeriesCsvError[] }
  | { phase: 'failed'; error: UiError }
  | { phase: 'done'; rows: number };

/** Reads a `date,count` file, checks all of it (Mondays for a weekly indicator), and sends it as one import or not at all. */
export function useObservationImport(indicatorId: string, frequency: Frequency) {
  const importObservations = useMutation('observation.import').run;
  const [state, setState] = useState<ObservationImportState>({ phase: 'idle' });
  const start = useCallback(
    (file: File, onDuplicate: 'refuse' | 'replace') => {
      setState({ phase: 'reading' });
      Papa.parse<Record<string, string>>(file, {
        ...csvParseOptions((h) => h.trim().toLowerCase()),
        complete: (results) => {
          const checked = validateSeriesCsv(results.meta.fields ?? [], results.data, frequency);
          if (!checked.ok) {
            setState({ phase: 'refused', errors: checked.errors });
            return;
          }
          const rows = importRows(checked.series);
          void importObservations({ indicatorId, rows, onDuplicate }).then((error) => setState(error ? { phase: 'failed', error } : { phase: 'done', rows: rows.length }));
        },
        error: (e) => setState({ phase: 'failed', error: { code: 'invalid_request', message: e.message } }),
      });
    },
    [importObservations, indicatorId, frequency],
  );
  return { state, start };
}
