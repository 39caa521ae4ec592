import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useEchart } from './use-echart';
import { useLive } from '../../state/use-live';

const DAYS = 14;

/** An item's closing stock (line) and daily use (bars) over two weeks, across every store that holds it. */
export function StockTrendChart({ item }: { item: string }) {
  const { t, i18n } = useTranslation();
  const { data } = useLive('resources.trend', { item, days: DAYS }, { keepPrevious: true });
  const { host, chart } = useEchart();

  useEffect(() => {
    if (!chart.current || !data) return;
    const day = new Intl.DateTimeFormat(i18n.language, { month: 'numeric', day: 'numeric', timeZone: 'UTC' });
    const text = { color: '#c9d4e0', fontSize: 13 };
    chart.current.setOption({
      animation: false,
      grid: { left: 44, right: 44, top: 34, bottom: 26 },
      legend: { textStyle: text, top: 0 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: data.map((p) => day.format(p.day)), axisLabel: text },
      yAxis: [
        { type: 'value', axisLabel: text, splitLine: { lineStyle: { color: '#2a3644' } } },
        { type: 'value', axisLabel: text, splitLine: { show: false } },
      ],
      series: [
        { name: t('resources.trend.level'), type: 'line', data: data.map((p) => p.qty), lineStyle: { width: 3, color: '#4fc3f7' }, itemStyle: { color: '#4fc3f7' } },
        { name: t('resources.trend.used'), type: 'bar', yAxisIndex: 1, data: data.map((p) => p.used), itemStyle: { color: '#f9a825' } },
      ],
    });
  }, [chart, data, t, i18n.language]);

  return (
    <section className="panel trend" aria-labelledby="trend-title">
      <h3 id="trend-title">{t('resources.trend.title', { item, count: DAYS })}</h3>
      <div ref={host} className="trend-chart" data-testid="stock-trend" />
    </section>
  );
}
