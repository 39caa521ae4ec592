import { ScatterChart } from 'echarts/charts';
import * as echarts from 'echarts/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { SeriesPoint } from '../../../contract/warning-api';
import type { Frequency } from '../../../domain/warning/periods';
import { useEchart } from '../resources';
import { chartSeries } from './warning-view';

// Alarm days are drawn as marks over the line; the rest of the chart is what the resources charts register.
echarts.use([ScatterChart]);

const colours = { value: '#4fc3f7', expected: '#9ccc65', band: 'rgba(249, 168, 37, 0.18)', threshold: '#f9a825', red: '#e53935', yellow: '#fdd835' };

/** The series with its expected line and the band up to the threshold; alarm days (or weeks) marked in their colour. */
export function SeriesChart({ points, frequency }: { points: readonly SeriesPoint[]; frequency: Frequency }) {
  const { t } = useTranslation();
  const { host, chart } = useEchart();
  const alarmDays = points.filter((p) => p.level === 'red' || p.level === 'yellow').length;
  useEffect(() => {
    if (!chart.current) return;
    const s = chartSeries(points, frequency);
    const text = { color: '#c9d4e0', fontSize: 13 };
    chart.current.setOption(
      {
        animation: false,
        grid: { left: 44, right: 20, top: 34, bottom: 26 },
        legend: { textStyle: text, top: 0, data: [t('warning.chart.value'), t('warning.chart.expected'), t('warning.chart.threshold'), t('warning.chart.alarm')] },
        tooltip: { trigger: 'axis' },
        xAxis: { type: 'category', data: s.labels, axisLabel: text },
        yAxis: { type: 'value', axisLabel: text, splitLine: { lineStyle: { color: '#2a3644' } } },
        series: [
          { name: t('warning.chart.expected'), type: 'line', data: s.expected, stack: 'band', symbol: 'none', lineStyle: { color: colours.expected, type: 'dashed' }, itemStyle: { color: colours.expected } },
          { name: t('warning.chart.threshold'), type: 'line', data: s.band, stack: 'band', symbol: 'none', lineStyle: { color: colours.threshold, width: 1 }, areaStyle: { color: colours.band }, itemStyle: { color: colours.threshold }, tooltip: { show: false } },
          { name: t('warning.chart.value'), type: 'line', data: s.values, symbol: 'circle', symbolSize: 4, connectNulls: false, lineStyle: { width: 2, color: colours.value }, itemStyle: { color: colours.value } },
          {
            name: t('warning.chart.alarm'),
            type: 'scatter',
            symbolSize: 14,
            data: s.alarms.map((a) => ({ value: [a.index, a.value], itemStyle: { color: a.level === 'red' ? colours.red : colours.yellow } })),
            itemStyle: { color: colours.red },
          },
        ],
      },
      { notMerge: true },
    );
  }, [chart, points, frequency, t]);
  return (
    <div className="warning-chart-wrap">
      <div ref={host} className="warning-chart" role="img" aria-label={frequency === 'weekly' ? t('warning.chart.labelWeekly', { count: alarmDays }) : t('warning.chart.label', { count: alarmDays })} data-testid="warning-chart" data-alarm-days={alarmDays} data-frequency={frequency} />
    </div>
  );
}
