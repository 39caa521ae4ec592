import { useTranslation } from 'react-i18next';
import { summariseCoverage } from './wall-figures';
import { bedTypeLabel, professionLabel } from './wall-labels';
import { useMinute } from '../../app/use-now';
import { useLive } from '../../state/use-live';
import { useApp } from '../../state/store-context';
import { selectCurrentIncident } from '../../state/selectors';

/** Who is on shift changes with the clock, not only with edits: read again each minute. */
const MAX_ROWS = 8;

function NoData({ text }: { text?: string }) {
  const { t } = useTranslation();
  return <p className="wall-nodata" data-testid="wall-nodata">{text ?? t('wall.noData')}</p>;
}

/**
 * The wall's one read of resources: beds, red stock and reserves together, the same params in every panel, so a
 * stock change costs one read however many resource panels are up.
 */
function useResourcesSummary() {
  const incident = useApp(selectCurrentIncident);
  return useLive('resources.summary', { incidentId: incident?.id ?? null }, { keepPrevious: true }).data;
}

/** Available beds by HAvBED type from the resources feature; only types this hospital has staffed beds of. */
export function BedsPanel() {
  const { t } = useTranslation();
  const summary = useResourcesSummary();
  if (!summary) return <NoData />;
  const rows = summary.bedsAvailable.filter((b) => b.staffed > 0 || b.available > 0);
  if (rows.length === 0) return <NoData text={t('wall.beds.none')} />;
  return (
    <table className="wall-table" data-testid="wall-beds">
      <thead>
        <tr><th>{t('wall.beds.type')}</th><th className="num">{t('wall.beds.available')}</th><th className="num">{t('wall.beds.staffed')}</th></tr>
      </thead>
      <tbody>
        {rows.map((b) => (
          <tr key={b.type} data-bed-type={b.type}>
            <td>{bedTypeLabel[b.type](t)}</td>
            <td className={b.available === 0 ? 'num tone-alert' : 'num'}>{b.available}</td>
            <td className="num dim">{b.staffed}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The stock panel: holdings in the red, then the reserve against the quota of the level in force. */
export function StockPanel() {
  return (
    <>
      <RedStock />
      <WallReserves />
    </>
  );
}

/** Stock holdings in the red (below par or running out) from the resources feature. */
function RedStock() {
  const { t } = useTranslation();
  const summary = useResourcesSummary();
  if (!summary) return <NoData />;
  if (summary.redStock.length === 0) return <NoData text={t('wall.stock.none')} />;
  const shown = summary.redStock.slice(0, MAX_ROWS);
  return (
    <table className="wall-table" data-testid="wall-stock">
      <thead>
        <tr><th>{t('wall.stock.item')}</th><th>{t('wall.stock.store')}</th><th className="num">{t('wall.stock.qty')}</th><th>{t('wall.stock.unit')}</th></tr>
      </thead>
      <tbody>
        {shown.map((s) => (
          <tr key={s.id}>
            <td className="tone-alert">{s.item}</td>
            <td>{s.store}</td>
            <td className="num">{s.qty}</td>
            <td>{s.unit}</td>
          </tr>
        ))}
        {summary.redStock.length > shown.length ? (
          <tr><td colSpan={4} className="dim">{t('wall.more', { count: summary.redStock.length - shown.length })}</td></tr>
        ) : null}
      </tbody>
    </table>
  );
}

/**
 * Items whose reserve is short of the quotas in force (the incident's level or a verified warning's, the higher),
 * red first; the items at quota only counted, so the wall shows what needs action.
 */
function WallReserves() {
  const { t } = useTranslation();
  const summary = useResourcesSummary();
  if (!summary) return null;
  const { withQuota, short } = summary.reserves;
  if (withQuota === 0) return <p className="wall-nodata" data-testid="wall-reserves-none">{t('wall.reserves.none')}</p>;
  const shown = short.slice(0, MAX_ROWS);
  return (
    <table className="wall-table wall-reserves" data-testid="wall-reserves">
      <caption>{t('wall.reserves.title')}</caption>
      <thead>
        <tr><th>{t('wall.stock.item')}</th><th className="num">{t('wall.reserves.onHand')}</th><th className="num">{t('wall.reserves.required')}</th><th>{t('wall.stock.unit')}</th><th>{t('wall.reserves.status')}</th></tr>
      </thead>
      <tbody>
        {shown.map((r) => (
          <tr key={r.itemId}>
            <td className={r.status === 'red' ? 'tone-alert' : 'tone-warn'}>{r.item}</td>
            <td className="num">{r.onHand}</td>
            <td className="num dim">{r.required}</td>
            <td>{r.unit}</td>
            <td className={r.status === 'red' ? 'tone-alert' : 'tone-warn'}>{r.status === 'red' ? t('wall.reserves.red') : t('wall.reserves.yellow')}</td>
          </tr>
        ))}
        {short.length > shown.length ? <tr><td colSpan={5} className="dim">{t('wall.more', { count: short.length - shown.length })}</td></tr> : null}
        <tr><td colSpan={5} className="dim" data-testid="wall-reserves-at-quota">{t('wall.reserves.atQuota', { count: withQuota - short.length, total: withQuota })}</td></tr>
      </tbody>
    </table>
  );
}

/** Staff on duty against required, from the roster feature's coverage read. */
export function StaffPanel() {
  const { t } = useTranslation();
  const minute = useMinute();
  const coverage = useLive('roster.coverage', { at: minute }, { keepPrevious: true }).data;
  if (!coverage) return <NoData />;
  const rows = summariseCoverage(coverage);
  if (rows.length === 0) return <NoData text={t('wall.staff.none')} />;
  return (
    <table className="wall-table" data-testid="wall-staff">
      <thead>
        <tr><th>{t('wall.staff.role')}</th><th className="num">{t('wall.staff.onDuty')}</th><th className="num">{t('wall.staff.required')}</th><th className="num">{t('wall.staff.gap')}</th></tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.role}>
            <td>{professionLabel[r.role](t)}</td>
            <td className="num">
              {r.onDuty}
              {r.pooled > 0 ? <span className="dim wall-staff-pooled">{t('wall.staff.pooled', { count: r.pooled })}</span> : null}
            </td>
            <td className="num dim">{r.required}</td>
            <td className={r.gap > 0 ? 'num tone-alert' : 'num'}>{r.gap > 0 ? `−${r.gap}` : '✓'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
