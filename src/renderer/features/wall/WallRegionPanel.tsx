import { useTranslation } from 'react-i18next';
import { isStale, totalAvailable, type NeighbourHospital } from '../../../domain/map/map-region';
import { formatTime } from '../../lib/time';
import { selectLanguage, selectTimeZone } from '../../state/selectors';
import { useApp } from '../../state/store-context';
import { baseName, bedTypeLabel, region, useMinuteClock, useRegionStatus, warningLabel } from '../map';

const districts = region.features.filter((f) => f.properties.kind === 'district');
const hospitals = region.features.filter((f) => f.properties.kind === 'hospital');

/** Where a patient could go first: fresh reports by beds free, then stale ones, then hospitals not heard from. */
function rank(report: NeighbourHospital | undefined, now: number): number {
  if (!report) return -2;
  return isStale(report.updatedAt, now) ? -1 : totalAvailable(report.available);
}

/**
 * The region at a glance: each district's three-colour warning and each neighbouring hospital's available beds
 * (emergency and ICU, the two that decide where to send a patient), best first, old reports marked stale, not hidden.
 */
export function RegionPanel() {
  const { t } = useTranslation();
  const language = useApp(selectLanguage);
  const timeZone = useApp(selectTimeZone);
  const status = useRegionStatus();
  const now = useMinuteClock();
  return (
    <div className="wall-region" data-testid="wall-region">
      <ul className="wall-districts">
        {districts.map((d) => {
          // As on the map: set by hand, else from today's warnings, else no level (grey, not green).
          const shown = status.districtStatus.get(d.properties.id);
          const level = shown?.level ?? 'none';
          const source = shown?.source ?? 'none';
          return (
            <li key={d.properties.id} className={`wall-district wall-district-${level}`} data-district-id={d.properties.id} data-level={level} data-source={source}>
              <span className="wall-district-name">{baseName(d, language)}</span>
              <span className="wall-district-level">{warningLabel[level](t)}</span>
              {source === 'manual' ? <span className="wall-district-manual">{t('wall.region.manual')}</span> : null}
              {/* Set by hand, yet the warnings say otherwise: the room sees both. */}
              {source === 'manual' && shown?.warnings && shown.warnings.grade !== level ? (
                <span className="wall-district-manual" data-testid="wall-district-warnings">{t('wall.region.warningsSay', { level: warningLabel[shown.warnings.grade](t) })}</span>
              ) : null}
            </li>
          );
        })}
      </ul>
      <table className="wall-table">
        <thead>
          <tr>
            <th>{t('wall.region.hospital')}</th>
            <th className="num">{bedTypeLabel.emergency(t)}</th>
            <th className="num">{bedTypeLabel.icu(t)}</th>
            <th className="num">{t('wall.region.total')}</th>
          </tr>
        </thead>
        <tbody>
          {[...hospitals].sort((a, b) => rank(status.hospitals.get(b.properties.id), now) - rank(status.hospitals.get(a.properties.id), now)).map((h) => {
            const report = status.hospitals.get(h.properties.id);
            const stale = report ? isStale(report.updatedAt, now) : false;
            return (
              <tr key={h.properties.id} data-hospital-id={h.properties.id} data-stale={stale ? 'true' : 'false'} className={stale ? 'stale' : undefined}>
                <td>
                  <span className="wall-hospital-name">{baseName(h, language)}</span>
                  <span className={stale ? 'wall-hospital-time tone-warn' : 'wall-hospital-time dim'}>
                    {!report ? t('wall.region.noReport') : stale ? t('wall.region.stale', { time: formatTime(report.updatedAt, timeZone, language) }) : t('wall.region.reported', { time: formatTime(report.updatedAt, timeZone, language) })}
                  </span>
                </td>
                <td className={report?.available.emergency === 0 ? 'num tone-alert' : 'num'}>{report ? report.available.emergency : '–'}</td>
                <td className={report?.available.icu === 0 ? 'num tone-alert' : 'num'}>{report ? report.available.icu : '–'}</td>
                <td className="num">{report ? totalAvailable(report.available) : '–'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
