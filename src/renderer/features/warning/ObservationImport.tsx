import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorText } from '../../app/ErrorText';
import type { Frequency } from '../../../domain/warning/periods';
import { csvReasonLabel } from './labels';
import { useObservationImport } from './use-observation-import';

const SHOWN_ERRORS = 50;

/** A CSV of days or of Mondays (`date,count`): all or nothing, every problem listed by row and column. */
export function ObservationImport({ indicatorId, frequency }: { indicatorId: string; frequency: Frequency }) {
  const { t } = useTranslation();
  const { state, start } = useObservationImport(indicatorId, frequency);
  const weekly = frequency === 'weekly';
  const [onDuplicate, setOnDuplicate] = useState<'refuse' | 'replace'>('refuse');
  return (
    <div className="form warning-import" data-testid="observation-import">
      <h4>{t('warning.import.title')}</h4>
      <p className="muted">{weekly ? t('warning.import.formatWeekly') : t('warning.import.format')}</p>
      <label>
        <span>{t('warning.import.duplicates')}</span>
        <select name="onDuplicate" value={onDuplicate} onChange={(e) => setOnDuplicate(e.target.value === 'replace' ? 'replace' : 'refuse')}>
          <option value="refuse">{t('warning.import.refuse')}</option>
          <option value="replace">{t('warning.import.replace')}</option>
        </select>
      </label>
      <label className="file-button">
        {t('warning.import.choose')}
        <input
          type="file"
          accept=".csv,text/csv"
          data-testid="observation-import-file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) start(file, onDuplicate);
            e.target.value = '';
          }}
        />
      </label>
      {state.phase === 'reading' ? <p role="status">{t('warning.import.reading')}</p> : null}
      {state.phase === 'done' ? <p role="status" data-testid="observation-import-done">{weekly ? t('warning.import.doneWeekly', { count: state.rows }) : t('warning.import.done', { count: state.rows })}</p> : null}
      {state.phase === 'failed' && state.error.code === 'already_exists' ? (
        <p className="error-text" role="alert" data-testid="observation-import-clash">{t('warning.import.clash', { date: state.error.params?.['date'] ?? '' })}</p>
      ) : state.phase === 'failed' ? (
        <ErrorText error={state.error} />
      ) : null}
      {state.phase === 'refused' ? (
        <div className="import-errors" role="alert" data-testid="observation-import-errors">
          <strong>{t('warning.import.refused', { count: state.errors.length })}</strong>
          <table>
            <thead>
              <tr><th>{t('warning.import.row')}</th><th>{t('warning.import.column')}</th><th>{t('warning.import.reasonTitle')}</th></tr>
            </thead>
            <tbody>
              {state.errors.slice(0, SHOWN_ERRORS).map((e) => (
                <tr key={`${e.row}-${e.column}`}><td>{e.row}</td><td>{e.column}</td><td>{csvReasonLabel(t, e)}</td></tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
