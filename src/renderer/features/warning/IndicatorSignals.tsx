import { useTranslation } from 'react-i18next';
import { useLive } from '../../state/use-live';
import { frequencyOf } from '../../../domain/warning/periods';
import { frequencyLabel, methodLabel, paramLabel, sourceLabel } from './labels';
import { ObservationEntry } from './ObservationEntry';
import { ObservationImport } from './ObservationImport';
import { SeriesChart } from './SeriesChart';

const DAYS = 90;

/** One indicator: how it is judged, its last days with the expected line and threshold band, and its data entry. */
export function IndicatorSignals({ indicatorId }: { indicatorId: string }) {
  const { t } = useTranslation();
  const { data, error } = useLive('warning.series', { indicatorId, days: DAYS }, { keepPrevious: true });
  const indicator = data?.indicator;
  const frequency = indicator ? frequencyOf(indicator) : 'daily';
  return (
    <section className="panel warning-series" aria-labelledby="warning-series-title" data-testid="warning-series">
      <h3 id="warning-series-title">{indicator ? indicator.name : t('warning.series.loading')}</h3>
      {indicator ? (
        <p className="muted warning-series-meta">
          {sourceLabel[indicator.source](t)} · {frequencyLabel[frequency](t)} · {methodLabel[indicator.method](t)}
          {Object.entries(indicator.params).map(([k, v]) => ` · ${paramLabel(t, k)} ${v}`)}
          {indicator.unit ? ` · ${indicator.unit}` : null}
        </p>
      ) : null}
      {error ? <p className="error-text" role="alert">{error.message}</p> : null}
      {data ? <SeriesChart points={data.points} frequency={frequency} /> : null}
      <div className="warning-entry-row">
        {/* Keyed by frequency so the entry's starting date is redone once the indicator has loaded. */}
        <ObservationEntry key={frequency} indicatorId={indicatorId} frequency={frequency} />
        <ObservationImport indicatorId={indicatorId} frequency={frequency} />
      </div>
    </section>
  );
}
