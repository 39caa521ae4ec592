import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Board } from '../../../contract/board';
import type { WallPanelId } from '../../../contract/wall-layout';
import type { MapFeature } from '../../../domain/map/map-features';
import { formatTime } from '../../lib/time';
import { selectLanguage, selectTimeZone } from '../../state/selectors';
import { useApp } from '../../state/store-context';
import { baseItems, featureItems, layerGroups, MapPane, type FeatureIndex, type LayerGroup } from '../map';
import { mapCounts, tasksBySection } from './wall-figures';
import { RegionPanel } from './WallRegionPanel';
import { WallWarningPanel } from '../warning';
import { WallCasualtyPanel } from '../casualties';
import { WallChecklistPanel } from '../plans';
import { WallRecoveryPanel } from '../recovery';
import { BedsPanel, StaffPanel, StockPanel } from './WallResourcePanels';
import { panelTitle, sectionLabel } from './wall-labels';
import { PanelBoundary } from '../../ui/PanelBoundary';

export type WallData = { board: Board | null; features: readonly MapFeature[]; mapIndex: FeatureIndex; incidentId: string | null; now: number };

const allVisible = Object.fromEntries(layerGroups.map((g) => [g, true])) as Record<LayerGroup, boolean>;
const noop = (): void => undefined;

/**
 * The smallest name on the wall's map: 0.9rem of the wall's type, which scales with the screen (wall.css), and
 * never under 24 px, readable at five metres on a 1080p wall. Read after layout, once the wall's type applies.
 */
function useMapLabelPx(): number {
  const [px, setPx] = useState(24);
  useEffect(() => {
    const root = document.documentElement;
    const observer = new ResizeObserver(() => setPx(Math.max(24, 0.9 * parseFloat(getComputedStyle(root).fontSize))));
    observer.observe(root);
    return () => observer.disconnect();
  }, []);
  return px;
}

function MapPanel({ features, mapIndex, incidentId }: WallData) {
  const language = useApp(selectLanguage);
  const labelPx = useMapLabelPx();
  const items = useMemo(() => [...baseItems(language), ...featureItems(features)], [language, features]);
  return (
    <MapPane index={mapIndex} incidentId={incidentId} items={items} visible={allVisible} language={language} interactive={false} view="campus" selectedId={null} onPick={noop} symbolLabelPx={labelPx} />
  );
}

function Figure({ label, value, tone, testId }: { label: string; value: ReactNode; tone?: 'alert' | 'warn' | undefined; testId: string }) {
  return (
    <div className={tone ? `wall-figure tone-${tone}` : 'wall-figure'} data-testid={testId}>
      <span className="wall-figure-value">{value}</span>
      <span className="wall-figure-label">{label}</span>
    </div>
  );
}

function FiguresPanel({ board, features, now }: WallData) {
  const { t } = useTranslation();
  const sections = tasksBySection(board, now);
  const open = sections.reduce((n, s) => n + s.open, 0);
  const overdue = sections.reduce((n, s) => n + s.overdue, 0);
  const counts = mapCounts(features);
  return (
    <div className="wall-figures">
      <Figure label={t('wall.figures.openTasks')} value={open} testId="figure-open-tasks" />
      <Figure label={t('wall.figures.overdueTasks')} value={overdue} tone={overdue > 0 ? 'alert' : undefined} testId="figure-overdue" />
      <Figure label={t('wall.figures.hotZones')} value={counts.hot} tone={counts.hot > 0 ? 'alert' : undefined} testId="figure-hot-zones" />
      <Figure label={t('wall.figures.cases')} value={counts.cases} testId="figure-cases" />
      <Figure label={t('wall.figures.teams')} value={counts.teams} testId="figure-teams" />
      <Figure label={t('wall.figures.positions')} value={board ? board.assignments.filter((a) => !a.releasedAt).length : '—'} testId="figure-positions" />
    </div>
  );
}

function TasksPanel({ board, now }: WallData) {
  const { t } = useTranslation();
  return (
    <table className="wall-table" data-testid="wall-tasks">
      <thead>
        <tr><th>{t('wall.tasks.section')}</th><th>{t('wall.tasks.open')}</th><th>{t('wall.tasks.overdue')}</th></tr>
      </thead>
      <tbody>
        {tasksBySection(board, now).map((row) => (
          <tr key={row.section}>
            <td>{sectionLabel[row.section](t)}</td>
            <td className="num">{row.open}</td>
            <td className={row.overdue > 0 ? 'num tone-alert' : 'num'}>{row.overdue}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function LogPanel({ board }: WallData) {
  const { t } = useTranslation();
  const timeZone = useApp(selectTimeZone);
  const locale = useApp(selectLanguage);
  const entries = [...(board?.logEntries ?? [])].sort((a, b) => b.at - a.at).slice(0, 6);
  if (entries.length === 0) return <p className="wall-nodata">{t('wall.log.empty')}</p>;
  return (
    <ol className="wall-log">
      {entries.map((e) => (
        <li key={e.id}><time>{formatTime(e.at, timeZone, locale)}</time> {e.text}</li>
      ))}
    </ol>
  );
}

/** Every panel the operator can put on the wall. A feature plugs in by replacing its entry's component. */
export const wallPanels: Record<WallPanelId, (data: WallData) => ReactNode> = {
  map: MapPanel,
  figures: FiguresPanel,
  tasks: TasksPanel,
  log: LogPanel,
  beds: BedsPanel,
  staff: StaffPanel,
  stock: StockPanel,
  region: RegionPanel,
  warning: WallWarningPanel,
  casualties: WallCasualtyPanel,
  checklists: ({ incidentId, now }) => <WallChecklistPanel incidentId={incidentId} now={now} />,
  recovery: WallRecoveryPanel,
};

export function WallPanel({ id, data }: { id: WallPanelId; data: WallData }) {
  const { t } = useTranslation();
  const Panel = wallPanels[id];
  return (
    <section className={`wall-panel wall-panel-${id}`} data-testid={`wall-panel-${id}`}>
      <h2 className="wall-panel-title">{panelTitle[id](t)}</h2>
      <div className="wall-panel-body"><PanelBoundary name={`wall-${id}`}><Panel {...data} /></PanelBoundary></div>
    </section>
  );
}
