import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BedTypeSchema, type BedCount, type BedType } from '../../../domain/beds';
import { bedsToHave } from '../../../domain/edxl-have';
import { newId } from '../../../domain/ids';
import { ErrorText } from '../../app/ErrorText';
import type { UiError } from '../../lib/ui-error';
import { useApp } from '../../state/store-context';
import { bedTypeLabel } from './labels';
import { parseCount } from './stock-columns';
import { useMutate, useResourceQuery } from './use-resource-query';

const BED_KINDS = ['bedCount'];
type Figure = 'staffed' | 'occupied' | 'surge';

function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Beds by unit and HAvBED type, edited by unit staff, with the facility summary and the EDXL-HAVE export. */
export function BedsPanel() {
  const { t, i18n } = useTranslation();
  const space = useApp((s) => s.settings?.space ?? 'hospital');
  const timeZone = useApp((s) => s.settings?.timeZone);
  const mutate = useMutate();
  const { data } = useResourceQuery('resources.beds', {}, BED_KINDS);
  const [error, setError] = useState<UiError | null>(null);
  const [unit, setUnit] = useState('');
  const [type, setType] = useState<BedType>('adult_icu');
  const time = new Intl.DateTimeFormat(i18n.language, { hour: '2-digit', minute: '2-digit', month: 'short', day: 'numeric', ...(timeZone ? { timeZone } : {}) });

  const setFigure = async (bed: BedCount, figure: Figure, raw: string) => {
    const n = parseCount(raw);
    if (n === null) return setError({ code: 'invalid_request', message: figure });
    if (n !== bed[figure]) setError(await mutate('bed.update', { id: bed.id, [figure]: n }));
  };

  const addLine = async () => {
    const failed = await mutate('bed.update', { id: newId(), unit, type, staffed: 0, occupied: 0, surge: 0 });
    setError(failed);
    if (!failed) setUnit('');
  };

  const exportHave = () => {
    if (data) download(`edxl-have-${space}.xml`, 'application/xml', bedsToHave(data.beds, { name: space, id: space }, Date.now()));
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
            <div key={line.type} className={`bed-tile ${line.available === 0 ? 'status-red' : line.available <= 2 ? 'status-yellow' : 'status-green'}`} data-bed-type={line.type}>
              <span className="bed-tile-type">{bedTypeLabel(t, line.type)}</span>
              <span className="bed-tile-available">{line.available}</span>
              <span className="bed-tile-detail">{t('resources.beds.tile', { staffed: line.staffed, occupied: line.occupied, surge: line.surge })}</span>
            </div>
          ))}
        </div>
      </section>
      <section className="panel" aria-labelledby="bed-lines-title">
        <h3 id="bed-lines-title">{t('resources.beds.lines')}</h3>
        <table className="bed-table" data-testid="bed-table">
          <thead>
            <tr>
              <th>{t('resources.beds.unit')}</th><th>{t('resources.beds.type')}</th><th>{t('resources.beds.staffed')}</th><th>{t('resources.beds.occupied')}</th>
              <th>{t('resources.beds.available')}</th><th>{t('resources.beds.surge')}</th><th>{t('resources.beds.changed')}</th>
            </tr>
          </thead>
          <tbody>
            {data?.beds.map((bed) => (
              <tr key={bed.id} data-unit={bed.unit}>
                <td>{bed.unit}</td>
                <td>{bedTypeLabel(t, bed.type)}</td>
                {(['staffed', 'occupied'] as const).map((f) => (
                  <td key={f}><input key={`${f}-${bed[f]}`} className="figure" inputMode="numeric" aria-label={`${bed.unit} ${f === 'staffed' ? t('resources.beds.staffed') : t('resources.beds.occupied')}`} defaultValue={bed[f]} data-figure={f} onBlur={(e) => void setFigure(bed, f, e.target.value)} onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()} /></td>
                ))}
                <td className="figure-derived" data-figure="available">{bed.available}</td>
                <td><input key={`surge-${bed.surge}`} className="figure" inputMode="numeric" aria-label={`${bed.unit} ${t('resources.beds.surge')}`} defaultValue={bed.surge} data-figure="surge" onBlur={(e) => void setFigure(bed, 'surge', e.target.value)} onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()} /></td>
                <td className="dim">{time.format(bed.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
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
