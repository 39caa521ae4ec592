import './recovery.css';
import { useTranslation } from 'react-i18next';
import { MIN_GROUP, stressZones, type UnitAggregate } from '../../../domain/recovery';
import { useLive } from '../../state/use-live';
import type { WallData } from '../wall';
import { metricKindLabel, zoneLabel } from './labels';

/**
 * The wall's recovery panel: people checked out, metrics against their targets, and staff wellbeing as unit
 * counts by colour. It reads `recovery.wall`, which carries no name, owner or check-in, so none can reach a wall
 * whoever is logged in on the desk behind it.
 */
export function WallRecoveryPanel({ incidentId }: WallData) {
  const { t } = useTranslation();
  const data = useLive('recovery.wall', incidentId ? { incidentId } : null).data;
  if (!incidentId || !data) return <p className="wall-nodata">{t('wall.noData')}</p>;
  const { checkout, metrics, wellbeing } = data;
  const unitName = (row: UnitAggregate) => row.unit ?? t('recovery.wellbeing.smallUnits', { min: MIN_GROUP });
  const zones = (row: UnitAggregate) =>
    row.zones ? stressZones.map((z) => <td key={z} className="num">{row.zones?.[z]}</td>) : <td colSpan={stressZones.length} className="dim">{t('recovery.wall.withheld')}</td>;
  return (
    <div className="wall-recovery" data-testid="wall-recovery">
      <p className="wall-recovery-checkout" data-testid="wall-recovery-checkout" data-done={checkout.done} data-people={checkout.people}>
        {t('recovery.wall.checkedOut', { done: checkout.done, people: checkout.people })}
      </p>
      {wellbeing.awaitingFollowUp > 0 ? (
        <p className="recovery-unmet" data-testid="wall-recovery-awaiting">{t('recovery.wellbeing.awaiting', { count: wellbeing.awaitingFollowUp })}</p>
      ) : null}
      {metrics.length > 0 ? (
        <table className="wall-table">
          <caption>{t('recovery.wall.metrics', { met: metrics.filter((m) => m.met).length, total: metrics.length })}</caption>
          <tbody>
            {metrics.map((m) => (
              <tr key={m.id} data-testid="wall-recovery-metric" data-met={m.met}>
                <td>{m.kind === 'other' ? m.label : metricKindLabel[m.kind](t)}</td>
                <td className="num">{m.current ?? '—'} / {m.target}</td>
                <td className={m.met ? 'recovery-met' : 'recovery-unmet'}>{m.met ? t('recovery.metrics.met') : t('recovery.metrics.notMet')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <table className="wall-table" data-testid="wall-recovery-wellbeing">
        <caption>{t('recovery.wall.wellbeing')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('recovery.wellbeing.unit')}</th>
            <th scope="col">{t('recovery.wellbeing.people')}</th>
            {/* The colour alone heads its column: the zone's full name would not fit a wall panel's width. */}
            {stressZones.map((z) => <th key={z} scope="col" className="num"><span className={`zone zone-${z}`} role="img" aria-label={zoneLabel[z](t)} title={zoneLabel[z](t)} /></th>)}
          </tr>
        </thead>
        <tbody>
          {wellbeing.units.map((row) => <tr key={row.unit ?? ''}><td>{unitName(row)}</td><td className="num">{row.people}</td>{zones(row)}</tr>)}
          <tr data-testid="wall-recovery-wellbeing-total"><td>{t('recovery.wellbeing.total')}</td><td className="num">{wellbeing.total.people}</td>{zones(wellbeing.total)}</tr>
        </tbody>
      </table>
    </div>
  );
}
