import { useTranslation } from 'react-i18next';
import { ErrorText } from '../../app/ErrorText';
import { importReasonLabel } from './labels';
import type { ImportState } from './use-stock-import';

const SHOWN_ERRORS = 50;

type Props = { state: ImportState; start: (file: File) => void; target: 'stock' | 'bed' };

/** CSV import (stock or beds): all or nothing, with every problem listed by row and column. */
export function ImportPanel({ state, start, target }: Props) {
  const { t } = useTranslation();
  return (
    <div className="resources-import" data-testid={`${target}-import`}>
      <label className="file-button">
        {t('resources.import.choose')}
        <input
          type="file"
          accept=".csv,text/csv"
          data-testid={`${target}-import-file`}
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) start(file);
            e.target.value = '';
          }}
        />
      </label>
      {state.phase === 'reading' ? <progress max={1} value={state.progress} aria-label={t('resources.import.progress')} /> : null}
      {state.phase === 'done' ? <span className="import-done" role="status">{t('resources.import.done', { count: state.rows })}</span> : null}
      {state.phase === 'failed' ? <ErrorText error={state.error} /> : null}
      {state.phase === 'refused' ? (
        <div className="import-errors" role="alert" data-testid={target === 'stock' ? 'import-errors' : 'bed-import-errors'}>
          <strong>{t('resources.import.refused', { count: state.errors.length })}</strong>
          <table>
            <thead>
              <tr><th>{t('resources.import.row')}</th><th>{t('resources.import.column')}</th><th>{t('resources.import.reasonTitle')}</th></tr>
            </thead>
            <tbody>
              {state.errors.slice(0, SHOWN_ERRORS).map((e) => (
                <tr key={`${e.row}-${e.column}`}><td>{e.row}</td><td>{e.column}</td><td>{importReasonLabel(t, e.reason)}</td></tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
