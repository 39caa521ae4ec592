import type { GridApi } from 'ag-grid-community';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BedTypeSchema, bedStatus, type BedCount, type BedType } from '../../../domain/resources/beds';
import { newId } from '../../../domain/ids';
import { ErrorText } from '../../app/ErrorText';
import { toUiError, type UiError } from '../../lib/ui-error';
import { useApp } from '../../state/store-context';
import { bedTypeLabel } from './labels';
import { BedsChart } from './BedsChart';
import { BedsGrid, exportBeds, type BedEdits, type BedGridRow, type BedGrouping } from './BedsGrid';
import { download } from './download';
import { ImportPanel } from './ImportPanel';
import { useBedImport } from './use-stock-import';
import { useLive } from '../../state/use-live';
import { useCan } from '../../state/use-can';
import { useMutation } from '../../state/use-mutation';
import { useRememberedGrouping } from './use-remembered-grouping';

const NO_BEDS: BedCount[] = [];
const BED_GROUPINGS: readonly BedGrouping[] = ['none', 'unit', 'type'];

/** Beds by unit and HAvBED type, edited by unit staff, with the facility summary and the EDXL-HAVE export. */
export function BedsPanel() {
  const { t } = useTranslation();
  const client = useApp((s) => s.client);
  const timeZone = useApp((s) => s.settings?.timeZone);
  const updateBeds = useMutation('bed.update').run;
  const write = useCan('incident.write');
  const { data } = useLive('resources.beds', {});
  const [error, setError] = useState<UiError | null>(null);
  const [unit, setUnit] = useState('');
  const [type, setType] = useState<BedType>('adult_icu');

  const user = useApp((s) => s.sync?.user?.username ?? 'local');
  const [grid, setGrid] = useState<GridApi<BedGridRow> | null>(null);
  const [groupBy, setGroupBy] = useRememberedGrouping(`hcc.resources.bedGroup.${user}`, BED_GROUPINGS);
  const bedImport = useBedImport();
  // A new file is a new action: the last edit's refusal no longer applies.
  const importFile = (file: File) => {
    setError(null);
    bedImport.start(file);
  };
  const edits: BedEdits = {
    set: (bed, figure, value) => void updateBeds({ id: bed.id, [figure]: value }).then(setError),
    refuse: (figure) => setError({ code: 'invalid_request', message: figure }),
  };

  const addLine = async () => {
    const failed = await updateBeds({ id: newId(), unit, type, staffed: 0, occupied: 0, surge: 0 });
    setError(failed);
    if (!failed) setUnit('');
  };

  // Built and checked against the OASIS schema by the workstation core: a document it refuses is never saved.
  const exportHave = () => {
    setError(null);
    client.call('exchange.haveExport', {}).then(({ fileName, xml }) => download(fileName, 'application/xml', xml), (failure: unknown) => setError(toUiError(failure)));
  };

  return (
    <div className="beds-panel">
      {error ? <ErrorText error={error} /> : null}
      <section className="panel" aria-labelledby="bed-summary-title">
        <div className="panel-head">
          <h3 id="bed-summary-title">{t('resources.beds.summary')}</h3>
          <button type="button" onClick={exportHave} data-testid="export-have">{t('resources.beds.exportHave')}</button>
        </div>
        <div className="bed-summary" data-testid="bed-summary">
          {data?.summary.filter((l) => l.units > 0).map((line) => (
            <div key={line.type} className={`bed-tile status-${bedStatus(line.available, line.staffed)}`} data-bed-type={line.type}>
              <span className="bed-tile-type">{bedTypeLabel(t, line.type)}</span>
              <span className="bed-tile-available">{line.available}</span>
              <span className="bed-tile-detail">{t('resources.beds.tile', { staffed: line.staffed, occupied: line.occupied, surge: line.surge })}</span>
            </div>
          ))}
        </div>
      </section>
      <section className="panel" aria-labelledby="bed-lines-title">
        <div className="panel-head">
          <h3 id="bed-lines-title">{t('resources.beds.lines')}</h3>
          <div className="resources-toolbar">
            <label>
              {t('resources.stock.groupBy')}
              <select value={groupBy} onChange={(e) => setGroupBy(e.target.value)} data-testid="beds-group-by">
                <option value="none">{t('resources.group.none')}</option>
                <option value="unit">{t('resources.beds.unit')}</option>
                <option value="type">{t('resources.beds.type')}</option>
              </select>
            </label>
            <button type="button" onClick={() => grid && exportBeds(grid)} data-testid="beds-export">{t('resources.stock.export')}</button>
            <ImportPanel target="bed" {...bedImport} start={importFile} />
          </div>
        </div>
        <div className="beds-body">
          {write.allowed ? null : <p className="muted" data-testid="beds-who-may">{write.whoMay}</p>}
          <BedsGrid beds={data?.beds ?? NO_BEDS} edits={edits} editable={write.allowed} userKey={user} timeZone={timeZone} groupBy={groupBy} onApi={setGrid} />
          <BedsChart beds={data?.beds ?? NO_BEDS} timeZone={timeZone} />
        </div>
        <div className="inline-form">
          <input aria-label={t('resources.beds.unit')} placeholder={t('resources.beds.unit')} value={unit} onChange={(e) => setUnit(e.target.value)} data-testid="bed-unit" />
          <select aria-label={t('resources.beds.type')} value={type} onChange={(e) => setType(BedTypeSchema.parse(e.target.value))} data-testid="bed-type">
            {BedTypeSchema.options.map((b) => <option key={b} value={b}>{bedTypeLabel(t, b)}</option>)}
          </select>
          <button type="button" onClick={() => void addLine()} data-testid="bed-add">{t('resources.beds.add')}</button>
        </div>
      </section>
    </div>
  );
}
