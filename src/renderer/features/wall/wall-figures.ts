import type { Board } from '../../../contract/board';
import { SectionSchema, type Section } from '../../../domain/hics';
import type { MapFeature } from '../../../domain/map/map-features';
import type { CoverageRow } from '../../../domain/roster/roster-coverage';
import { isOverdue } from '../../../domain/board/tasks';

export type SectionTasks = { section: Section; open: number; overdue: number };

/** Open (not done) and overdue tasks per HICS section, in section order, for the wall's task panel. */
export function tasksBySection(board: Board | null, now: number): SectionTasks[] {
  return SectionSchema.options.map((section) => {
    const tasks = (board?.tasks ?? []).filter((t) => t.section === section && t.status !== 'done');
    return { section, open: tasks.length, overdue: tasks.filter((t) => isOverdue(t, now)).length };
  });
}

export type MapCounts = { hot: number; zones: number; cases: number; teams: number };

export function mapCounts(features: readonly MapFeature[]): MapCounts {
  const count = (pred: (f: MapFeature) => boolean) => features.filter(pred).length;
  return {
    hot: count((f) => f.category === 'zone_hot'),
    zones: count((f) => f.geometry.type === 'Polygon'),
    cases: count((f) => f.category === 'case'),
    teams: count((f) => f.category === 'team'),
  };
}

export type TickerItem = { id: string; at: number; text: string; kind: 'overdue' | 'log' | 'message' };

/** The alert ticker: overdue tasks first (they need someone now), then the newest log entries and messages. */
export function tickerItems(board: Board | null, now: number, limit = 8): TickerItem[] {
  if (!board) return [];
  const overdue = board.tasks
    .filter((t) => isOverdue(t, now))
    .sort((a, b) => (a.dueAt ?? 0) - (b.dueAt ?? 0))
    .map((t): TickerItem => ({ id: t.id, at: t.dueAt ?? 0, text: t.title, kind: 'overdue' }));
  const recent = [
    ...board.logEntries.map((e): TickerItem => ({ id: e.id, at: e.at, text: e.text, kind: 'log' })),
    ...board.messages.map((m): TickerItem => ({ id: m.id, at: m.sentAt, text: m.subject, kind: 'message' })),
  ].sort((a, b) => b.at - a.at);
  return [...overdue, ...recent].slice(0, limit);
}

export type StaffLine = { role: CoverageRow['role']; required: number; onDuty: number; pooled: number; gap: number };

/** On duty (rostered plus labour pool check-ins) against required for the shift running now, by role across units; gaps first. */
export function summariseCoverage(rows: readonly CoverageRow[]): StaffLine[] {
  const byRole = new Map<CoverageRow['role'], StaffLine>();
  for (const row of rows) {
    if (row.phase !== 'current') continue;
    const line = byRole.get(row.role) ?? { role: row.role, required: 0, onDuty: 0, pooled: 0, gap: 0 };
    line.required += row.required;
    line.onDuty += row.rostered + row.pooled;
    line.pooled += row.pooled;
    line.gap += row.gap;
    byRole.set(row.role, line);
  }
  return [...byRole.values()].sort((a, b) => b.gap - a.gap || a.role.localeCompare(b.role));
}
