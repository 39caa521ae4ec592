import './casualties.css';
import { useTranslation } from 'react-i18next';
import { useLive } from '../../state/use-live';
import type { WallData } from '../wall';
import { categories, categoryShortLabel, dispositionLabel, dispositions } from './labels';

/**
 * The wall's casualty panel: counts by colour and disposition and the latest tags. It reads `casualty.counts`,
 * which carries no names, so no name can reach a wall whatever this component renders.
 */
export function WallCasualtyPanel({ incidentId }: WallData) {
  const { t } = useTranslation();
  const counts = useLive('casualty.counts', incidentId ? { incidentId } : null).data;
  if (!incidentId || !counts) return <p className="wall-nodata">{t('wall.noData')}</p>;
  return (
    <div className="wall-casualties" data-testid="wall-casualties" data-total={counts.total}>
      <ul className="wall-casualty-categories">
        {categories.map((c) => (
          <li key={c} className={`wall-casualty-figure triage-${c}`} data-testid={`wall-casualties-${c}`} data-count={counts.byCategory[c]}>
            <span className="wall-casualty-value num">{counts.byCategory[c]}</span>
            <span className="wall-casualty-label">{categoryShortLabel[c](t)}</span>
          </li>
        ))}
      </ul>
      <p className="wall-casualty-total">{t('casualties.counts.total', { count: counts.total })}</p>
      <ul className="wall-casualty-dispositions">
        {dispositions.map((d) => (
          <li key={d} data-testid={`wall-casualties-${d}`} data-count={counts.byDisposition[d]}>
            <span>{dispositionLabel[d](t)}</span> <strong className="num">{counts.byDisposition[d]}</strong>
          </li>
        ))}
      </ul>
      {counts.recent.length > 0 ? (
        <div className="wall-casualty-recent">
          <span className="wall-casualty-recent-title">{t('casualties.wall.latest')}</span>
          <ol>
            {counts.recent.map((r) => (
              <li key={r.tagNo} data-testid="wall-casualty-tag">
                <span className={`triage-chip triage-${r.category}`} aria-hidden="true" />
                <span className="num">{r.tagNo}</span>
              </li>
            ))}
          </ol>
        </div>
      ) : null}
    </div>
  );
}
