import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { newId } from '../../../domain/ids';
import { builtInShifts, shiftDefinitions, type RosterShift, type ShiftDefinition, type StaffingRequirement } from '../../../domain/roster/roster';
import { shiftInstance } from '../../../domain/roster/roster-coverage';
import { shiftsByPerson } from '../../../domain/roster/roster-rules';
import { addDays, weekStart as mondayOf, zonedDay, zonedInstant } from '../../../domain/roster/roster-time';
import { professions, type Profession, type Staff } from '../../../domain/roster/staff';
import { ErrorText } from '../../app/ErrorText';
import type { UiError } from '../../lib/ui-error';
import { selectTimeZone } from '../../state/selectors';
import { useApp } from '../../state/store-context';
import { useCan } from '../../state/use-can';
import { isFatigueRefusal, OverrideList, OverrideOffer } from './FatigueOverride';
import { useProfessionLabels, useRuleText } from './labels';
import { PaletteEntry, RosterGrid, type CellPos, type DragItem, type DropTarget } from './RosterGrid';
import { previewViolations, rosterSlots, RosterViewBuilder, type RosterSlot } from './roster-view';
import { useLive } from '../../state/use-live';
import { useMutation } from '../../state/use-mutation';
import { useRosterWarnings } from './use-roster-warnings';
import { useSavedView } from './use-saved-view';

const DAY = 24 * 3_600_000;
// Stable empties, so memos that read the plan do not run again while it loads.
const noShifts: readonly RosterShift[] = [];
const noRequirements: readonly StaffingRequirement[] = [];
type Pattern = ShiftDefinition['pattern'];
type Tried =
  | { kind: 'assign'; args: { id: string; staffId: string; unit: string; role: Profession; shiftCode: string; start: number; end: number } }
  | { kind: 'move'; args: { id: string; staffId: string; shiftCode: string; start: number; end: number } };

/** The roster for one unit and role across a week: controls, the grid, the palette and the minimums. */
export function RosterBoard({ staff, now }: { staff: readonly Staff[]; now: number }) {
  const { t } = useTranslation();
  const timeZone = useApp(selectTimeZone);
  const labels = useProfessionLabels();
  const ruleText = useRuleText();
  const assignShift = useMutation('roster.assign').run;
  const unassignShift = useMutation('roster.unassign').run;
  const moveShift = useMutation('roster.move').run;
  const assignMany = useMutation('roster.assignMany').run;
  // Rostering is incident.write on the server: without it the grid is for reading, and says who may change it.
  const write = useCan('incident.write');
  const locked = write.allowed ? undefined : write.whoMay;
  const units = useMemo(() => [...new Set(staff.map((s) => s.homeUnit))].sort(), [staff]);
  const [saved, save] = useSavedView();
  const unit = saved.unit !== undefined && units.includes(saved.unit) ? saved.unit : (units[0] ?? '');
  const role = saved.role ?? 'nurse';
  const pattern = saved.pattern ?? '2x12';
  const days = saved.days ?? 7;
  const week = saved.week ?? mondayOf(zonedDay(now, timeZone));
  const setUnit = (value: string) => save({ unit: value });
  const setRole = (value: Profession) => save({ role: value });
  const setPattern = (value: Pattern) => save({ pattern: value });
  const setWeek = (value: string) => save({ week: value });
  const [focus, setFocus] = useState<CellPos>({ row: 0, col: 0 });
  const [error, setError] = useState<UiError | null>(null);
  const [paletteFilter, setPaletteFilter] = useState('');

  const from = zonedInstant(week, 0, timeZone);
  // A week's roster: one assignment comes back as the shifts it changed, patched in, not four weeks re-read.
  const plan = useLive('roster.plan', { from: from - DAY, to: from + (days + 1) * DAY }, { keepPrevious: true });
  const shifts = plan.data?.shifts ?? noShifts;
  const requirements = plan.data?.requirements ?? noRequirements;
  const rules = plan.data?.rules;
  const defs = useMemo(
    () => shiftDefinitions(plan.data?.templates ?? []).filter((d) => d.pattern === pattern),
    [plan.data?.templates, pattern],
  );
  const slots = useMemo(() => rosterSlots(week, days, defs, timeZone), [week, days, defs, timeZone]);
  const byPerson = useMemo(() => shiftsByPerson(shifts), [shifts]);
  const [builder] = useState(() => new RosterViewBuilder());
  const view = useMemo(
    () => builder.build({ unit, role, slots, staff, shifts, byPerson, requirements }),
    [builder, unit, role, slots, staff, shifts, byPerson, requirements],
  );
  const warnings = useRosterWarnings({ shifts, byPerson, rules, pool: plan.data?.pool ?? [], now });

  // The last assignment or move tried, so a commander can retry it with an override after a fatigue refusal.
  const [tried, setTried] = useState<Tried | null>(null);
  const run = useCallback(async (work: Promise<UiError | null>) => setError(await work), []);

  const assign = useCallback(
    (person: Staff, column: RosterSlot) => {
      const args = { id: newId(), staffId: person.id, unit, role, shiftCode: column.code, start: column.start, end: column.end };
      setTried({ kind: 'assign', args });
      return run(assignShift(args));
    },
    [run, assignShift, unit, role],
  );
  const override = async (reason: string): Promise<void> => {
    if (!tried) return;
    const failed = tried.kind === 'assign' ? await assignShift({ ...tried.args, override: { reason } }) : await moveShift({ ...tried.args, override: { reason } });
    setError(failed);
    if (!failed) setTried(null);
  };

  // The view as last painted, for a toggle that stays the same function across changes: every cell holds it,
  // and a new one per change would re-render all of them.
  const painted = useRef(view);
  useLayoutEffect(() => {
    painted.current = view;
  }, [view]);
  const toggle = useCallback(
    (pos: CellPos) => {
      const row = painted.current.rows[pos.row];
      const column = painted.current.columns[pos.col];
      if (!row || !column || locked !== undefined) return;
      const shift = row.cells[pos.col];
      if (shift) setTried(null);
      void (shift ? run(unassignShift({ id: shift.id })) : assign(row.staff, column));
    },
    [run, unassignShift, assign, locked],
  );

  const drop = useCallback(
    (item: DragItem, target: DropTarget) => {
      if (locked !== undefined) return;
      if (item.kind === 'person') return void assign(item.staff, target.column);
      const { shift } = item;
      if (shift.staffId === target.staff.id && shift.start === target.column.start) return;
      const args = { id: shift.id, staffId: target.staff.id, shiftCode: target.column.code, start: target.column.start, end: target.column.end };
      setTried({ kind: 'move', args });
      void run(moveShift(args));
    },
    [assign, run, moveShift, locked],
  );

  const copyLastWeek = () => {
    const lastWeek = addDays(week, -7);
    const lastFrom = zonedInstant(lastWeek, 0, timeZone);
    const byCode = new Map(shiftDefinitions(plan.data?.templates ?? []).map((d) => [d.code, d]));
    const taken = new Set(shifts.map((s) => `${s.staffId}/${s.start}`));
    const copies = shifts
      .filter((s) => s.unit === unit && s.role === role && s.start >= lastFrom && s.start < from)
      .flatMap((s) => {
        const def = byCode.get(s.shiftCode);
        if (!def) return [];
        const inst = shiftInstance(def, addDays(zonedDay(s.start, timeZone), 7), timeZone);
        if (taken.has(`${s.staffId}/${inst.start}`)) return [];
        return [{ id: newId(), staffId: s.staffId, unit, role, shiftCode: s.shiftCode, start: inst.start, end: inst.end }];
      });
    if (copies.length > 0) void run(assignMany({ shifts: copies }));
  };

  const focusedRow = view.rows[focus.row];
  const focusedCol = view.columns[focus.col];
  const preview =
    focusedRow && focusedCol && rules && !focusedRow.cells[focus.col]
      ? previewViolations(focusedCol, byPerson.get(focusedRow.staff.id) ?? [], rules)
      : [];
  const inGrid = new Set(view.rows.map((r) => r.staff.id));
  const needle = paletteFilter.trim().toLowerCase();
  const palette = staff
    .filter((s) => s.profession === role && !inGrid.has(s.id))
    .filter((s) => !needle || s.name.toLowerCase().includes(needle) || s.staffNo.toLowerCase().includes(needle) || s.homeUnit.toLowerCase().includes(needle))
    .slice(0, 40);
  const gaps = view.columns.filter((c) => c.gap > 0).length;

  return (
    <section className="roster-board" aria-labelledby="roster-board-title">
      <div className="roster-toolbar">
        <h2 id="roster-board-title">{t('roster.grid.title')}</h2>
        <label className="inline">
          <span>{t('roster.grid.unit')}</span>
          <select value={unit} onChange={(e) => setUnit(e.target.value)} data-testid="roster-unit">
            {units.map((u) => <option key={u} value={u}>{u}</option>)}
          </select>
        </label>
        <label className="inline">
          <span>{t('roster.grid.role')}</span>
          <select value={role} onChange={(e) => setRole(e.target.value as Profession)} data-testid="roster-role">
            {professions.map((p) => <option key={p} value={p}>{labels[p]}</option>)}
          </select>
        </label>
        <label className="inline">
          <span>{t('roster.grid.pattern')}</span>
          <select value={pattern} onChange={(e) => setPattern(e.target.value as Pattern)} data-testid="roster-pattern">
            <option value="2x12">{t('roster.patterns.2x12')}</option>
            <option value="3x8">{t('roster.patterns.3x8')}</option>
            <option value="custom">{t('roster.patterns.custom')}</option>
          </select>
        </label>
        <label className="inline">
          <span>{t('roster.grid.span')}</span>
          <select value={days} onChange={(e) => save({ days: e.target.value === '28' ? 28 : 7 })} data-testid="roster-span">
            <option value={7}>{t('roster.grid.oneWeek')}</option>
            <option value={28}>{t('roster.grid.fourWeeks')}</option>
          </select>
        </label>
        <div className="roster-weeknav">
          <button type="button" className="secondary" onClick={() => setWeek(addDays(week, -7))} aria-label={t('roster.grid.prevWeek')}>◀</button>
          <span className="num" data-testid="roster-week">{week}</span>
          <button type="button" className="secondary" onClick={() => setWeek(addDays(week, 7))} aria-label={t('roster.grid.nextWeek')}>▶</button>
        </div>
        <button type="button" onClick={copyLastWeek} disabled={!write.allowed} title={write.title} data-testid="roster-copy-week">{t('roster.grid.copyWeek')}</button>
        <span className={`status-chip ${gaps > 0 ? 'chip-alert' : ''}`} data-testid="roster-gaps">{t('roster.grid.gaps', { count: gaps })}</span>
      </div>
      {error ? <ErrorText error={error} /> : null}
      {tried && isFatigueRefusal(error) ? <OverrideOffer key={tried.args.id} onOverride={override} /> : null}
      <div className="roster-preview" aria-live="polite" data-testid="roster-preview">
        {focusedRow && focusedCol ? (
          <>
            <strong>{focusedRow.staff.name}</strong> · <span className="num">{focusedCol.key}</span>{' '}
            {preview.length > 0 && locked === undefined ? <span className="roster-warn">{t('roster.grid.wouldBreak', { rules: preview.map(ruleText).join('；') })}</span> : <span className="muted">{locked === undefined ? t('roster.grid.keys') : t('roster.grid.keysReadOnly')}</span>}
          </>
        ) : (
          <span className="muted">{locked === undefined ? t('roster.grid.keys') : t('roster.grid.keysReadOnly')}</span>
        )}
      </div>
      {locked !== undefined ? <p className="muted roster-locked" id="roster-locked" data-testid="roster-locked">{t('roster.grid.readOnly', { whoMay: locked })}</p> : null}
      <div className="roster-layout">
        <RosterGrid view={view} timeZone={timeZone} focus={focus} onFocus={setFocus} onToggle={toggle} onDrop={drop} warnings={warnings} locked={locked !== undefined ? 'roster-locked' : undefined}>
          <aside className="roster-palette panel" aria-labelledby="roster-palette-title">
            <h3 id="roster-palette-title">{t('roster.palette.title')}</h3>
            <input type="search" value={paletteFilter} onChange={(e) => setPaletteFilter(e.target.value)} placeholder={t('roster.palette.filter')} aria-label={t('roster.palette.filter')} />
            <ul>{palette.map((s) => <PaletteEntry key={s.id} staff={s} label={s.homeUnit} />)}</ul>
            <RequirementForm unit={unit} role={role} defs={defs.length > 0 ? defs : builtInShifts.filter((d) => d.pattern === '2x12')} />
          </aside>
        </RosterGrid>
      </div>
      <OverrideList shifts={shifts} staff={staff} />
    </section>
  );
}

function RequirementForm({ unit, role, defs }: { unit: string; role: Profession; defs: readonly ShiftDefinition[] }) {
  const { t } = useTranslation();
  const setRequirement = useMutation('roster.setRequirement').run;
  const write = useCan('incident.write');
  const [code, setCode] = useState('');
  const [min, setMin] = useState('2');
  const [error, setError] = useState<UiError | null>(null);
  const shiftCode = defs.some((d) => d.code === code) ? code : (defs[0]?.code ?? '');
  const submit = async () => {
    setError(await setRequirement({ id: newId(), unit, role, shiftCode, min: Number(min) }));
  };
  return (
    <form className="form roster-min" onSubmit={(e) => { e.preventDefault(); void submit(); }} data-testid="roster-min-form">
      <h3>{t('roster.min.title')}</h3>
      <label>
        <span>{t('roster.min.shift')}</span>
        <select value={shiftCode} onChange={(e) => setCode(e.target.value)} disabled={!write.allowed}>{defs.map((d) => <option key={d.code} value={d.code}>{d.code}</option>)}</select>
      </label>
      <label>
        <span>{t('roster.min.count')}</span>
        <input type="number" min={0} max={500} value={min} onChange={(e) => setMin(e.target.value)} disabled={!write.allowed} />
      </label>
      <button type="submit" disabled={!write.allowed} title={write.title}>{t('roster.min.save')}</button>
      {error ? <ErrorText error={error} /> : null}
    </form>
  );
}
