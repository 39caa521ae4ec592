import { useTranslation } from 'react-i18next';
import { useLive } from '../../state/use-live';
import { dayLevelLabel, sourceLabel } from './labels';
import { shownLevel } from './warning-view';

/** Every indicator with today's colour (or its last figure's, dated, when today has none yet). */
export function IndicatorList({ selected, onSelect }: { selected: string | null; onSelect: (id: string) => void }) {
  const { t } = useTranslation();
  const { data } = useLive('warning.indicators', {});
  const rows = data?.indicators ?? [];
  return (
    <section className="panel warning-indicators" aria-labelledby="warning-indicators-title" data-testid="warning-indicators">
      <h3 id="warning-indicators-title">{t('warning.indicators.title', { date: data?.today ?? '' })}</h3>
      {rows.length === 0 ? <p className="muted">{t('warning.indicators.empty')}</p> : null}
      <ul className="warning-indicator-list">
        {rows.map(({ indicator, today, latest }) => {
          const shown = shownLevel(today, latest);
          return (
            <li key={indicator.id}>
              <button
                type="button"
                className={indicator.id === selected ? 'warning-indicator active' : 'warning-indicator'}
                aria-pressed={indicator.id === selected}
                onClick={() => onSelect(indicator.id)}
                data-testid="warning-indicator"
                data-level={shown.level}
                data-today={shown.isToday ? 'true' : 'false'}
              >
                <span className={`warning-dot level-${shown.level}`} aria-hidden="true" />
                <span className="warning-indicator-name">{indicator.name}</span>
                <span className="warning-indicator-meta">{sourceLabel[indicator.source](t)} · {indicator.group}</span>
                <span className={`warning-level-text level-${shown.level}`} data-testid="warning-indicator-level">
                  {dayLevelLabel[shown.level](t)}
                  {shown.isToday ? null : ` (${shown.date})`}
                </span>
                {indicator.enabled ? null : <span className="muted">{t('warning.indicators.disabled')}</span>}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
