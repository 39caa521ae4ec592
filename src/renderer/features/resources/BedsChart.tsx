import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useEchart } from './use-echart';
import { BedTypeSchema, bedsOverTime, type BedCount } from '../../../domain/resources/beds';
import { bedTypeLabel } from './labels';

const COLOURS = ['#4fc3f7', '#f48fb1', '#a5d6a7', '#ffb74d', '#ce93d8', '#ef5350', '#90a4ae', '#fff176'];

/** Available beds per type at every reported change, from each line's capped history. */
export function BedsChart({ beds, timeZone }: { beds: readonly BedCount[]; timeZone: string | undefined }) {
  const { t, i18n } = useTranslation();
  const { host, chart } = useEchart();
  const points = useMemo(() => bedsOverTime(beds), [beds]);
  const types = useMemo(() => BedTypeSchema.options.filter((type) => beds.some((b) => b.type === type)), [beds]);

  useEffect(() => {
    if (!chart.current) return;
    const time = new Intl.DateTimeFormat(i18n.language, { hour: '2-digit', minute: '2-digit', month: 'numeric', day: 'numeric', ...(timeZone ? { timeZone } : {}) });
    const text = { color: '#c9d4e0', fontSize: 13 };
    chart.current.setOption(
      {
        animation: false,
        grid: { left: 40, right: 16, top: 56, bottom: 28 },
        legend: { textStyle: text, top: 0, type: 'scroll' },
        tooltip: { trigger: 'axis' },
        xAxis: { type: 'time', axisLabel: { ...text, hideOverlap: true, formatter: (v: number) => time.format(v) }, splitLine: { show: false } },
        yAxis: { type: 'value', minInterval: 1, axisLabel: text, splitLine: { lineStyle: { color: '#2a3644' } } },
        series: types.map((type) => ({
          name: bedTypeLabel(t, type), type: 'line', step: 'end', data: points.map((p) => [p.at, p.available[type]]),
          lineStyle: { width: 3 }, color: COLOURS[BedTypeSchema.options.indexOf(type) % COLOURS.length],
        })),
      },
      { notMerge: true },
    );
  }, [chart, points, types, t, i18n.language, timeZone]);

  return (
    <section className="panel beds-trend" aria-labelledby="beds-trend-title">
      <h3 id="beds-trend-title">{t('resources.beds.overTime')}</h3>
      <div ref={host} className="trend-chart" data-testid="beds-chart" />
    </section>
  );
}
