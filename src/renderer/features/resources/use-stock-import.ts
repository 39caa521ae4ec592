import Papa from 'papaparse';
import { useCallback, useState } from 'react';
import { validateBedCsv } from '../../../domain/resources/bed-import';
import { newId } from '../../../domain/ids';
import type { MutationInput } from '../../../domain/mutators';
import { validateStockCsv, type ImportRowError } from '../../../domain/resources/stock-import';
import { csvParseOptions } from '../../lib/csv';
import type { UiError } from '../../lib/ui-error';
import { useMutation } from '../../state/use-mutation';

export type ImportState =
  | { phase: 'idle' }
  | { phase: 'reading'; progress: number }
  | { phase: 'refused'; errors: ImportRowError[] }
  | { phase: 'failed'; error: UiError }
  | { phase: 'done'; rows: number };

type Checked<R> = { ok: true; rows: R[] } | { ok: false; errors: ImportRowError[] };

/** Reads a CSV in chunks (a progress bar for big files), checks all of it, then sends it as one mutation or not at all. */
function useCsvImport<R>(validate: (header: string[], records: Record<string, string>[]) => Checked<R>, send: (rows: R[]) => Promise<UiError | null>) {
  const [state, setState] = useState<ImportState>({ phase: 'idle' });
  const start = useCallback(
    (file: File) => {
      setState({ phase: 'reading', progress: 0 });
      const records: Record<string, string>[] = [];
      let header: string[] = [];
      Papa.parse<Record<string, string>>(file, {
        ...csvParseOptions((h) => h.trim()),
        chunkSize: 64 * 1024,
        chunk: (results) => {
          header = results.meta.fields ?? header;
          records.push(...results.data);
          setState({ phase: 'reading', progress: Math.min(1, results.meta.cursor / Math.max(1, file.size)) });
        },
        complete: () => {
          const checked = validate(header, records);
          if (!checked.ok) {
            setState({ phase: 'refused', errors: checked.errors });
            return;
          }
          void send(checked.rows).then((error) => setState(error ? { phase: 'failed', error } : { phase: 'done', rows: checked.rows.length }));
        },
        error: (e) => setState({ phase: 'failed', error: { code: 'invalid_request', message: e.message } }),
      });
    },
    [validate, send],
  );
  return { state, start, reset: () => setState({ phase: 'idle' }) };
}

const checkStock = (header: string[], records: Record<string, string>[]) => validateStockCsv(header, records, newId);
const checkBeds = (header: string[], records: Record<string, string>[]) => validateBedCsv(header, records, newId);

export function useStockImport() {
  const importStock = useMutation('stock.import').run;
  const send = useCallback((rows: MutationInput<'stock.import'>['rows']) => importStock({ rows }), [importStock]);
  return useCsvImport(checkStock, send);
}

export function useBedImport() {
  const importBeds = useMutation('bed.import').run;
  const send = useCallback((rows: MutationInput<'bed.import'>['rows']) => importBeds({ rows }), [importBeds]);
  return useCsvImport(checkBeds, send);
}
