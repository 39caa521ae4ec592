import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mselCsvColumns, injectsToCsvRecords, type MselCsvColumn } from '../../../domain/exercises/msel-csv';
import { scenarios, ScenarioKeySchema, type ScenarioKey } from '../../../domain/exercises/scenarios';
import type { Inject } from '../../../domain/exercises/injects';
import { newId } from '../../../domain/ids';
import { ErrorText } from '../../app/ErrorText';
import { toCsvText } from '../../lib/csv';
import { selectLanguage } from '../../state/selectors';
import { useApp } from '../../state/store-context';
import { useLive } from '../../state/use-live';
import { useCan } from '../../state/use-can';
import { useMutation } from '../../state/use-mutation';
import { download } from '../resources';
import { columnLabel, scenarioLabel } from './labels';
import { MselGrid, type MselEdits } from './MselGrid';
import { ReplayIncident } from './ReplayIncident';
import { useMselImport, type MselImportOutcome } from './use-msel-import';
import './msel.css';

const SHOWN_ERRORS = 50;

function ImportOutcome({ outcome }: { outcome: MselImportOutcome }) {
  const { t } = useTranslation();
  if (outcome.kind === 'imported') return <p role="status">{t('exercises.msel.imported', { count: outcome.count })}</p>;
  if (outcome.kind === 'refused') return <ErrorText error={outcome.error} />;
  if (outcome.kind !== 'rows') return null;
  return (
    <ul className="msel-errors" role="alert">
      {outcome.errors.slice(0, SHOWN_ERRORS).map((e) => (
        <li key={`${e.row}-${e.column}`}>{t('exercises.msel.rowError', { row: e.row, column: e.column, reason: e.reason })}</li>
      ))}
    </ul>
  );
}

/**
 * The MSEL editor of the current exercise space (Settings): the injects in a grid, add and remove rows, CSV in and
 * out in the same columns, and the shipped scenarios. Writes are mutations the server checks again.
 */
export function MselPanel() {
  const { t } = useTranslation();
  const language = useApp(selectLanguage);
  const { data } = useLive('msel.get', {});
  const exercise = data?.exercise ?? null;
  const injects = data?.injects ?? [];
  const [selected, setSelected] = useState<Inject | null>(null);
  const [cellProblem, setCellProblem] = useState<string | null>(null);
  const [scenario, setScenario] = useState<ScenarioKey>('bus-crash-tabletop');
  const edit = useMutation('inject.edit');
  const add = useMutation('inject.add');
  const remove = useMutation('inject.remove');
  const { outcome, importText, importInjects } = useMselImport(exercise?.id ?? null);
  const control = useCan('exercise.control');

  if (!data || data.space.kind !== 'exercise') return null;
  // Players meet the scenario as it is delivered: the server sends them no MSEL, and the panel says why.
  if (!data.seesScenario) {
    return (
      <section className="panel msel-panel" aria-labelledby="msel-title" data-testid="msel">
        <h2 id="msel-title">{t('exercises.msel.title')}</h2>
        <p className="muted">{t('exercises.msel.notForPlayers')}</p>
      </section>
    );
  }
  const canEdit = control.allowed;
  const edits: MselEdits = {
    edit: (inject, change) => {
      setCellProblem(null);
      void edit.run({ id: inject.id, ...change });
    },
    refuse: (column: MselCsvColumn, reason: string) => setCellProblem(t('exercises.msel.badCell', { column: columnLabel(t, column), reason })),
  };
  const addInject = () => {
    if (!exercise) return;
    const number = injects.reduce((n, i) => Math.max(n, i.number), 0) + 1;
    void add.run({ id: newId(), exerciseId: exercise.id, number, trigger: { type: 'manual' }, from: t('exercises.msel.newFrom'), to: 'ic', subject: t('exercises.msel.newEvent'), message: t('exercises.msel.newText') });
  };
  const exportCsv = () => {
    download(`msel-${data.space.name}.csv`, 'text/csv', `${toCsvText(mselCsvColumns, injectsToCsvRecords(injects))}\n`);
  };
  const error = edit.error ?? add.error ?? remove.error;

  return (
    <section className="panel msel-panel" aria-labelledby="msel-title" data-testid="msel">
      <h2 id="msel-title">{t('exercises.msel.title')}</h2>
      {!exercise ? <p className="muted">{t('exercises.msel.noExercise')}</p> : (
        <>
          <p className="hint">{t('exercises.msel.explain', { name: exercise.name })}</p>
          {canEdit ? null : <p className="muted">{control.whoMay}</p>}
          {canEdit ? <div className="msel-actions">
            <button type="button" onClick={addInject} disabled={add.busy}>{t('exercises.msel.add')}</button>
            <button type="button" onClick={() => selected && void remove.run({ id: selected.id }).then(() => setSelected(null))} disabled={!selected || selected.status !== 'pending'}>
              {t('exercises.msel.remove')}
            </button>
            <button type="button" onClick={exportCsv} disabled={injects.length === 0}>{t('exercises.msel.exportCsv')}</button>
            <label className="file-button">
              {t('exercises.msel.importCsv')}
              <input
                type="file"
                accept=".csv,text/csv"
                onChange={(e) => {
                  const file = e.target.files?.[0];
                  if (file) void file.text().then(importText);
                  e.target.value = '';
                }}
              />
            </label>
          </div> : <div className="msel-actions"><button type="button" onClick={exportCsv} disabled={injects.length === 0}>{t('exercises.msel.exportCsv')}</button></div>}
          {canEdit ? <div className="msel-actions">
            <label>
              {t('exercises.msel.scenario')}
              <select value={scenario} onChange={(e) => setScenario(ScenarioKeySchema.parse(e.target.value))}>
                {ScenarioKeySchema.options.map((key) => <option key={key} value={key}>{scenarioLabel(t, key)}</option>)}
              </select>
            </label>
            <button type="button" onClick={() => void importInjects(scenarios[scenario][language].injects)}>{t('exercises.msel.loadScenario')}</button>
            <span className="hint">{t('exercises.msel.replaces')}</span>
          </div> : null}
          {canEdit && exercise.status === 'draft' ? <ReplayIncident /> : null}
          <ImportOutcome outcome={outcome} />
          {cellProblem ? <p role="alert">{cellProblem}</p> : null}
          {error ? <ErrorText error={error} /> : null}
          {injects.length === 0 ? <p className="muted">{t('exercises.msel.empty')}</p> : null}
          <MselGrid injects={injects} edits={edits} onSelect={setSelected} readOnly={!canEdit} />
        </>
      )}
    </section>
  );
}
