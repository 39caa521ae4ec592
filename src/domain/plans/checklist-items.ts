import { findPosition, type Section } from '../hics';
import { incidentHistory, ResponseLevelSchema, type Incident, type ResponseLevel } from '../incidents';
import type { TimeBand } from '../board';
import { atLeast } from './activation-criteria';
import type { ItemMark, PlanActivation, PositionChecklist } from './activation';
import type { ChecklistItemTemplate, PlanContent } from './plan-content';

const MINUTE = 60_000;

/** JAS bands as windows from when an item starts to apply: immediate 0–2 h, intermediate 2–12 h, extended 12 h on. */
const bandWindow: Record<Exclude<TimeBand, 'demobilisation'>, { opensMin: number; endsMin: number | null }> = {
  immediate: { opensMin: 0, endsMin: 120 },
  intermediate: { opensMin: 120, endsMin: 720 },
  extended: { opensMin: 720, endsMin: null },
};

/** The moment the incident first stood at each level or higher since the activation; absent: not reached. */
export type LevelsReached = Partial<Record<ResponseLevel, number>>;

/**
 * From the activation's level and the level changes after it in the incident's history. Escalating II → I
 * reaches I at that moment; de-escalating later takes nothing back, so no item a desk was shown disappears.
 */
export function levelsReached(activation: Pick<PlanActivation, 'level' | 'activatedAt' | 'historyIndex'>, incident: Incident): LevelsReached {
  const reached: LevelsReached = {};
  const reach = (level: ResponseLevel, at: number) => {
    for (const l of ResponseLevelSchema.options) if (atLeast(level, l) && reached[l] === undefined) reached[l] = Math.max(at, activation.activatedAt);
  };
  reach(activation.level, activation.activatedAt);
  for (const event of incidentHistory(incident).slice(activation.historyIndex)) {
    if (event.type === 'level_changed') reach(event.to, event.at);
  }
  return reached;
}

/**
 * Since when the incident has been standing down (demobilising or closed), counted from the last such change
 * after the activation: the demobilisation band opens then, and closes again if the incident is reactivated.
 */
export function demobilisingSince(activation: Pick<PlanActivation, 'historyIndex' | 'activatedAt'>, incident: Incident): number | undefined {
  if (incident.status === 'active') return undefined;
  const changes = incidentHistory(incident).slice(activation.historyIndex).filter((e) => e.type === 'status_changed' && e.from === 'active');
  const last = changes[changes.length - 1];
  return last ? Math.max(last.at, activation.activatedAt) : activation.activatedAt;
}

/** `upcoming`: its band has not opened; `current`: open and not past due; `overdue`: past due, not marked. */
export type ItemState = 'upcoming' | 'current' | 'overdue' | 'done' | 'na';

export type ChecklistRow = {
  item: ChecklistItemTemplate;
  /** When the item began to apply: the activation, or the escalation that reached its level. */
  appliesFrom: number;
  opensAt: number | null;
  dueAt: number | null;
  state: ItemState;
  mark?: ItemMark;
  /** Substeps, for a step that has them; the step's state is rolled up from theirs. */
  substeps: ChecklistRow[];
};

function ownState(opensAt: number | null, dueAt: number | null, mark: ItemMark | undefined, now: number): ItemState {
  if (mark?.status === 'done' || mark?.status === 'na') return mark.status;
  if (opensAt === null || now < opensAt) return 'upcoming';
  return dueAt !== null && now > dueAt ? 'overdue' : 'current';
}

/**
 * WebEOC's roll-up: a step with substeps is complete when every substep is done or not applicable (n/a only if
 * all are), otherwise as urgent as its most urgent open substep; its own mark no longer counts.
 */
function rolledUp(own: ItemState, substeps: readonly ChecklistRow[]): ItemState {
  if (substeps.length === 0) return own;
  const open = substeps.filter((s) => s.state !== 'done' && s.state !== 'na');
  if (open.length === 0) return substeps.every((s) => s.state === 'na') ? 'na' : 'done';
  if (open.some((s) => s.state === 'overdue')) return 'overdue';
  return open.some((s) => s.state === 'current') ? 'current' : 'upcoming';
}

export type ChecklistContext = { activation: Pick<PlanActivation, 'level' | 'activatedAt' | 'historyIndex'>; incident: Incident; now: number };

/** The response items of the plan that apply to one position now, in plan order, with their timing and marks. */
export function checklistRows(content: Pick<PlanContent, 'checklist'>, positionId: string, marks: PositionChecklist['marks'], ctx: ChecklistContext): ChecklistRow[] {
  const reached = levelsReached(ctx.activation, ctx.incident);
  const demobAt = demobilisingSince(ctx.activation, ctx.incident);
  const rowOf = (item: ChecklistItemTemplate, appliesFrom: number): Omit<ChecklistRow, 'substeps'> => {
    const window = item.band === 'demobilisation' ? null : bandWindow[item.band];
    const opensAt = window ? appliesFrom + window.opensMin * MINUTE : (demobAt ?? null);
    const bandDue = window?.endsMin == null ? null : appliesFrom + window.endsMin * MINUTE;
    const dueAt = item.dueOffsetMin !== undefined ? Math.max(opensAt ?? appliesFrom, appliesFrom + item.dueOffsetMin * MINUTE) : bandDue;
    const mark = marks[item.id];
    return { item, appliesFrom, opensAt, dueAt, state: ownState(opensAt, dueAt, mark, ctx.now), ...(mark ? { mark } : {}) };
  };
  const applicable = content.checklist.filter((i) => i.phase === 'response' && i.positionId === positionId && reached[i.fromLevel] !== undefined);
  const steps = applicable.filter((i) => i.parentId === undefined);
  return steps.map((step) => {
    const appliesFrom = reached[step.fromLevel] ?? ctx.activation.activatedAt;
    const own = rowOf(step, appliesFrom);
    const substeps = applicable
      .filter((i) => i.parentId === step.id)
      .map((sub) => ({ ...rowOf(sub, Math.max(appliesFrom, reached[sub.fromLevel] ?? appliesFrom)), substeps: [] }));
    return { ...own, state: rolledUp(own.state, substeps), substeps };
  });
}

export type Progress = { total: number; complete: number; due: number; overdue: number };
const emptyProgress = (): Progress => ({ total: 0, complete: 0, due: 0, overdue: 0 });

/**
 * Counts the leaves (a step without substeps, or each substep): `complete` done or n/a, `due` opened so far
 * (current, overdue or complete), `overdue` past due and open.
 */
export function progressOf(rows: readonly ChecklistRow[]): Progress {
  const p = emptyProgress();
  for (const leaf of rows.flatMap((r) => (r.substeps.length > 0 ? r.substeps : [r]))) {
    p.total += 1;
    if (leaf.state === 'done' || leaf.state === 'na') p.complete += 1;
    if (leaf.state !== 'upcoming') p.due += 1;
    if (leaf.state === 'overdue') p.overdue += 1;
  }
  return p;
}

export function addProgress(a: Progress, b: Progress): Progress {
  return { total: a.total + b.total, complete: a.complete + b.complete, due: a.due + b.due, overdue: a.overdue + b.overdue };
}

/** Item → position → HICS section: each section's sum over the positions in it, and the whole incident's. */
export function rollUp(positions: readonly { positionId: string; progress: Progress }[]): { bySection: Partial<Record<Section, Progress>>; total: Progress } {
  const bySection: Partial<Record<Section, Progress>> = {};
  let total = emptyProgress();
  for (const { positionId, progress } of positions) {
    const section = findPosition(positionId)?.section ?? 'command';
    bySection[section] = addProgress(bySection[section] ?? emptyProgress(), progress);
    total = addProgress(total, progress);
  }
  return { bySection, total };
}

/** Every item id of the plan's response phase for a position, including those not yet applicable. */
export function responseItemsOf(content: Pick<PlanContent, 'checklist'>, positionId: string): ChecklistItemTemplate[] {
  return content.checklist.filter((i) => i.phase === 'response' && i.positionId === positionId);
}
