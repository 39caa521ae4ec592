import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DistrictWarningLevelSchema, isStale, neighbourBedTypes, type DistrictWarningLevel, type NeighbourBeds, type NeighbourHospital } from '../../../domain/map/map-region';
import { ErrorText } from '../../app/ErrorText';
import type { UiError } from '../../lib/ui-error';
import { useCan } from '../../state/use-can';
import { baseName, region } from './base-data';
import { bedTypeLabel, warningLabel } from './map-labels-text';
import { warningColour } from './map-layers';
import type { RegionStatus } from './use-region-status';

type Props = {
  status: RegionStatus;
  language: string;
  now: number;
  /** The hospital whose form is open (picked in the list or on the map). */
  editing: string | null;
  onEdit: (hospitalId: string | null) => void;
  onReport: (hospitalId: string, available: NeighbourBeds) => Promise<boolean>;
  /** A level set by hand, or `auto` to hand the district back to the warnings. */
  onLevel: (districtId: string, level: DistrictWarningLevel | 'auto') => void;
  error: UiError | null;
};

const hospitals = region.features.filter((f) => f.properties.kind === 'hospital');
const districts = region.features.filter((f) => f.properties.kind === 'district');
const zero: NeighbourBeds = { emergency: 0, icu: 0, general: 0, paediatric: 0 };

function BedsForm({ report, onSave, onCancel }: { report: NeighbourHospital | undefined; onSave: (beds: NeighbourBeds) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [beds, setBeds] = useState<NeighbourBeds>(report?.available ?? zero);
  return (
    <form
      className="region-form"
      data-testid="neighbour-beds-form"
      onSubmit={(e) => {
        e.preventDefault();
        onSave(beds);
      }}
    >
      {neighbourBedTypes.map((type) => (
        <label key={type}>
          <span>{bedTypeLabel[type](t)}</span>
          <input
            type="number"
            name={`beds-${type}`}
            min={0}
            max={100000}
            required
            value={beds[type]}
            onChange={(e) => setBeds((b) => ({ ...b, [type]: Math.max(0, Math.trunc(Number(e.target.value) || 0)) }))}
          />
        </label>
      ))}
      <div className="draw-actions">
        <button type="submit" className="secondary">{t('map.region.save')}</button>
        <button type="button" className="secondary" onClick={onCancel}>{t('map.region.cancel')}</button>
      </div>
    </form>
  );
}

/** Neighbours' available beds (reported by phone or radio, stale after a few hours) and district warning levels. */
export function RegionPanel({ status, language, now, editing, onEdit, onReport, onLevel, error }: Props) {
  const { t } = useTranslation();
  // A district's warning level is a command decision (map-region-mutators.ts); others see it and whom to ask.
  const command = useCan('incident.command');
  return (
    <section className="map-panel region-panel" aria-labelledby="map-region-title" data-testid="map-region">
      <h3 id="map-region-title">{t('map.region.title')}</h3>
      {error ? <ErrorText error={error} /> : null}
      <h4>{t('map.region.hospitals')}</h4>
      <ul className="region-list">
        {hospitals.map((h) => {
          const id = h.properties.id;
          const report = status.hospitals.get(id);
          const stale = report ? isStale(report.updatedAt, now) : false;
          return (
            <li key={id} data-testid="neighbour-hospital" data-hospital-id={id} data-stale={stale ? 'true' : 'false'} className={editing === id ? 'active' : ''}>
              <div className="region-row">
                <strong>{baseName(h, language)}</strong>
                <button type="button" className="secondary" onClick={() => onEdit(editing === id ? null : id)} data-testid="neighbour-edit">
                  {t('map.region.report')}
                </button>
              </div>
              {report ? (
                <div className="region-beds">
                  {neighbourBedTypes.map((type) => (
                    <span key={type} className="bed-figure">{bedTypeLabel[type](t)} <b>{report.available[type]}</b></span>
                  ))}
                  <span className={stale ? 'bed-time stale' : 'bed-time'}>
                    {stale ? t('map.region.stale', { time: new Date(report.updatedAt).toLocaleString(language) }) : t('map.region.updated', { time: new Date(report.updatedAt).toLocaleTimeString(language, { hour: '2-digit', minute: '2-digit' }) })}
                  </span>
                </div>
              ) : (
                <div className="muted">{t('map.region.notReported')}</div>
              )}
              {editing === id ? (
                <BedsForm
                  key={report?.updatedAt ?? 0}
                  report={report}
                  onSave={(beds) => void onReport(id, beds).then((ok) => ok && onEdit(null))}
                  onCancel={() => onEdit(null)}
                />
              ) : null}
            </li>
          );
        })}
      </ul>
      <h4>{t('map.region.districts')}</h4>
      <ul className="region-list">
        {districts.map((d) => {
          const id = d.properties.id;
          const shown = status.districtStatus.get(id);
          const level = shown?.level ?? 'none';
          const source = shown?.source ?? 'none';
          const warnings = shown?.warnings;
          return (
            <li key={id} className="region-row region-district" data-testid="district-warning" data-district-id={id} data-level={level} data-source={source}>
              <span className="swatch swatch-area" style={{ background: warningColour[level] }} />
              <strong>{baseName(d, language)}</strong>
              {source === 'manual' ? <span className="district-mark district-manual" data-testid="district-manual">{t('map.region.manual')}</span> : null}
              {source === 'warnings' ? <span className="district-mark" data-testid="district-from-warnings">{t('map.region.fromWarnings')}</span> : null}
              <select
                name={`level-${id}`}
                aria-label={t('map.region.level', { name: baseName(d, language) })}
                value={source === 'manual' ? level : 'auto'}
                disabled={!command.allowed}
                title={command.title}
                onChange={(e) => onLevel(id, e.target.value === 'auto' ? 'auto' : DistrictWarningLevelSchema.parse(e.target.value))}
              >
                <option value="auto">{t('map.region.auto')}</option>
                {DistrictWarningLevelSchema.options.map((l) => (
                  <option key={l} value={l}>{warningLabel[l](t)}</option>
                ))}
              </select>
              {warnings ? (
                <div className="district-why">
                  {/* A hand-set level stands, but the room must see when the warnings say otherwise. */}
                  {source === 'manual' ? <span className="district-mark" data-testid="district-warnings-say">{t('map.region.warningsSay', { level: warningLabel[warnings.grade](t) })}</span> : null}
                  <span className="muted">{t('map.region.why', { indicators: warnings.indicators.length, alerts: warnings.alerts.length })}</span>
                </div>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
