import { DndContext, PointerSensor, useDraggable, useDroppable, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core';
import { memo, useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RosterShift } from '../../../domain/roster/roster';
import type { Staff } from '../../../domain/roster/staff';
import { formatDate, formatTime } from '../../lib/time';

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** `11/23 Mon`: short enough for one shift column, since the day's first column carries it. */
function shortDay(epochMs: number, timeZone: string, locale: string): string {
  const key = `${locale}/${timeZone}`;
  let format = dayFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { timeZone, month: 'numeric', day: 'numeric', weekday: 'short' });
    dayFormats.set(key, format);
  }
  return format.format(epochMs);
}
import type { RosterColumn, RosterSlot, RosterView } from './roster-view';

export type CellPos = { row: number; col: number };

/** Body row height in CSS pixels; roster.css gives `.rg-person` and `.rg-cell` the same. */
const ROW_PX = 38;
const OVERSCAN = 8;
// A constant: dnd-kit memoises sensors on this object, and a new one per render hands every draggable and droppable
// cell a new context, re-rendering all of them on any change to the grid.
const pointerOptions = { activationConstraint: { distance: 4 } };
/** No sensor, no drag: what a read-only grid hands dnd-kit, so neither a chip nor a palette person can be picked up. */
const noSensors: ReturnType<typeof useSensors> = [];

/** What a drag carries: a rostered shift (to move it) or a person from the palette (to roster them). */
export type DragItem = { kind: 'shift'; shift: RosterShift } | { kind: 'person'; staff: Staff };
export type DropTarget = { staff: Staff; column: RosterSlot };

type Props = {
  view: RosterView;
  timeZone: string;
  focus: CellPos;
  onFocus: (pos: CellPos) => void;
  onToggle: (pos: CellPos) => void;
  onDrop: (item: DragItem, target: DropTarget) => void;
  warnings: ReadonlyMap<string, string>;
  /** The id of the note saying who may change the roster, when this user may not: the grid is then read-only. */
  locked?: string | undefined;
  children?: React.ReactNode;
};

/**
 * The week as a grid: a row per person, a column per shift, each column headed by its gap against the minimum.
 * Keyboard: arrows move, Enter or Space rosters or removes; a shift chip or a palette person can be dragged.
 */
export function RosterGrid({ view, timeZone, focus, onFocus, onToggle, onDrop, warnings, locked, children }: Props) {
  const { t, i18n } = useTranslation();
  const sensors = useSensors(useSensor(PointerSensor, pointerOptions));
  const gridRef = useRef<HTMLDivElement>(null);
  const wrapRef = useRef<HTMLDivElement>(null);
  const wantFocus = useRef(false);
  const [scroll, setScroll] = useState({ top: 0, height: 900 });
  // Only the rows in view (and a margin) are in the DOM: 300 people over four weeks is 16,800 cells otherwise.
  const first = Math.max(0, Math.floor(scroll.top / ROW_PX) - OVERSCAN);
  const last = Math.min(view.rows.length, Math.ceil((scroll.top + scroll.height) / ROW_PX) + OVERSCAN);

  const onScroll = useCallback(() => {
    const wrap = wrapRef.current;
    if (wrap) setScroll({ top: wrap.scrollTop, height: wrap.clientHeight });
  }, []);
  useEffect(onScroll, [onScroll]);

  // Keyboard moves can leave the rendered rows: scroll the row into view, then focus its cell once rendered.
  useEffect(() => {
    if (!wantFocus.current) return;
    const cell = gridRef.current?.querySelector<HTMLElement>(`[data-cell="${focus.row}:${focus.col}"]`);
    const wrap = wrapRef.current;
    if (wrap) {
      const top = focus.row * ROW_PX;
      const header = gridRef.current?.querySelector<HTMLElement>('.rg-corner')?.offsetHeight ?? 0;
      if (top < wrap.scrollTop) wrap.scrollTop = top;
      else if (top + ROW_PX + header > wrap.scrollTop + wrap.clientHeight) wrap.scrollTop = top + ROW_PX + header - wrap.clientHeight;
    }
    if (cell) {
      wantFocus.current = false;
      cell.focus({ preventScroll: false });
    }
  }, [focus, first, last]);

  const move = useCallback(
    (event: KeyboardEvent<HTMLDivElement>) => {
      const rows = view.rows.length;
      const cols = view.columns.length;
      // The cell the key was pressed on, not the focus state: that updates a microtask after the focus event.
      const [row = focus.row, col = focus.col] = ((event.target as HTMLElement).closest<HTMLElement>('[data-cell]')?.dataset['cell'] ?? '')
        .split(':')
        .filter(Boolean)
        .map(Number);
      const at = { row, col };
      const delta: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
      const step = delta[event.key];
      if (step) {
        event.preventDefault();
        const next = { row: Math.min(rows - 1, Math.max(0, at.row + step[0])), col: Math.min(cols - 1, Math.max(0, at.col + step[1])) };
        wantFocus.current = true;
        onFocus(next);
      } else if ((event.key === 'Enter' || event.key === ' ') && locked === undefined) {
        event.preventDefault();
        onToggle(at);
      }
    },
    [view, focus, onFocus, onToggle, locked],
  );

  const onDragEnd = (event: DragEndEvent) => {
    const item = event.active.data.current as DragItem | undefined;
    const target = event.over?.data.current as DropTarget | undefined;
    if (item && target) onDrop(item, target);
  };

  const template = `minmax(11rem, 14rem) repeat(${view.columns.length}, minmax(3.9rem, 1fr))`;
  return (
    <DndContext sensors={locked === undefined ? sensors : noSensors} onDragEnd={onDragEnd}>
      <div className="roster-grid-wrap" ref={wrapRef} onScroll={onScroll}>
        <div
          ref={gridRef}
          className="roster-grid"
          role="grid"
          aria-label={t('roster.grid.label')}
          aria-rowcount={view.rows.length + 1}
          aria-readonly={locked !== undefined ? true : undefined}
          aria-describedby={locked}
          data-testid="roster-grid"
          style={{ gridTemplateColumns: template }}
          onKeyDown={move}
        >
          <div className="rg-corner" role="columnheader">{t('roster.grid.person')}</div>
          {days(view.columns).map((d) => (
            <div key={d.day} className="rg-dayhead rg-daystart" style={{ gridColumn: `span ${d.span}` }} role="columnheader">
              {shortDay(d.start, timeZone, i18n.language)}
            </div>
          ))}
          {view.columns.map((c, i) => (
            <ColumnHead key={c.key} column={c} first={i === 0 || view.columns[i - 1]?.day !== c.day} timeZone={timeZone} locale={i18n.language} />
          ))}
          {first > 0 ? <div className="rg-spacer" style={{ height: first * ROW_PX }} aria-hidden="true" /> : null}
          {view.rows.slice(first, last).map((row, i) => {
            const r = first + i;
            return <Row key={row.staff.id} row={row} r={r} slots={view.slots} focusCol={focus.row === r ? focus.col : -1} onFocus={onFocus} onToggle={onToggle} warnings={warnings} />;
          })}
          {last < view.rows.length ? <div className="rg-spacer" style={{ height: (view.rows.length - last) * ROW_PX }} aria-hidden="true" /> : null}
        </div>
        {view.rows.length === 0 ? <p className="muted roster-empty">{t('roster.grid.empty')}</p> : null}
      </div>
      {children}
    </DndContext>
  );
}

/** The days of the columns, each with how many shift columns it spans, for the day header row. */
function days(columns: readonly RosterColumn[]): { day: string; start: number; span: number }[] {
  const out: { day: string; start: number; span: number }[] = [];
  for (const c of columns) {
    const last = out[out.length - 1];
    if (last?.day === c.day) last.span += 1;
    else out.push({ day: c.day, start: c.start, span: 1 });
  }
  return out;
}

const ColumnHead = memo(function ColumnHead({ column, first, timeZone, locale }: { column: RosterColumn; first: boolean; timeZone: string; locale: string }) {
  const { t } = useTranslation();
  const state = column.required === null ? 'none' : column.gap > 0 ? 'gap' : 'ok';
  return (
    <div
      className={`rg-head rg-${state}${first ? ' rg-daystart' : ''}`}
      role="columnheader"
      data-column={column.key}
      data-gap={column.gap}
      title={`${formatDate(column.start, timeZone, locale)} ${formatTime(column.start, timeZone, locale)}–${formatTime(column.end, timeZone, locale)}`}
    >
      <span className="rg-code">{column.code}</span>
      <span className="rg-count num">
        {column.required === null ? column.rostered : t('roster.grid.count', { rostered: column.rostered, required: column.required })}
      </span>
    </div>
  );
});

type RowProps = {
  row: RosterView['rows'][number];
  r: number;
  /** Where each cell is; unlike the columns, unchanged when a count changes, so rows need not re-render for it. */
  slots: RosterView['slots'];
  /** The focused column when this row holds the focus, else -1: only those rows re-render as focus moves. */
  focusCol: number;
  onFocus: (pos: CellPos) => void;
  onToggle: (pos: CellPos) => void;
  warnings: ReadonlyMap<string, string>;
};

/** A row re-renders when its own data, place, focus or warnings changed, not when another person's did. */
function sameRow(a: RowProps, b: RowProps): boolean {
  return (
    a.row === b.row && a.r === b.r && a.slots === b.slots && a.focusCol === b.focusCol && a.onFocus === b.onFocus && a.onToggle === b.onToggle &&
    (a.warnings === b.warnings || a.row.cells.every((shift) => !shift || a.warnings.get(shift.id) === b.warnings.get(shift.id)))
  );
}

const Row = memo(function Row({ row, r, slots, focusCol, onFocus, onToggle, warnings }: RowProps) {
  return (
    <>
      <div className="rg-person" role="rowheader" data-staff={row.staff.staffNo}>
        <span className="rg-name">{row.staff.name}</span>
        <span className="rg-no num">{row.staff.staffNo}</span>
      </div>
      {row.cells.map((shift, c) => {
        const column = slots[c];
        if (!column) return null;
        return (
          <Cell
            key={column.key}
            staff={row.staff}
            column={column}
            shift={shift}
            busy={row.busy[c] ?? false}
            pos={`${r}:${c}`}
            focused={focusCol === c}
            daystart={c === 0 || slots[c - 1]?.day !== column.day}
            warning={shift ? warnings.get(shift.id) : undefined}
            row={r}
            col={c}
            onFocus={onFocus}
            onToggle={onToggle}
          />
        );
      })}
    </>
  );
}, sameRow);

type CellProps = {
  staff: Staff;
  column: RosterSlot;
  shift: RosterShift | null;
  busy: boolean;
  pos: string;
  focused: boolean;
  daystart: boolean;
  warning: string | undefined;
  row: number;
  col: number;
  onFocus: (pos: CellPos) => void;
  onToggle: (pos: CellPos) => void;
};

const Cell = memo(function Cell({ staff, column, shift, busy, pos, focused, daystart, warning, row, col, onFocus, onToggle }: CellProps) {
  const { setNodeRef, isOver } = useDroppable({ id: `cell:${staff.id}:${column.key}`, data: { staff, column } satisfies DropTarget });
  return (
    <div
      ref={setNodeRef}
      role="gridcell"
      tabIndex={focused ? 0 : -1}
      aria-selected={shift !== null}
      data-cell={pos}
      data-assigned={shift ? 'yes' : 'no'}
      data-busy={busy ? 'yes' : undefined}
      data-override={shift?.override ? 'yes' : undefined}
      className={`rg-cell${shift ? ' rg-on' : ''}${shift?.override ? ' rg-override' : ''}${busy ? ' rg-busy' : ''}${isOver ? ' rg-over' : ''}${daystart ? ' rg-daystart' : ''}${warning ? ' rg-warn' : ''}`}
      onFocus={() => onFocus({ row, col })}
      onDoubleClick={() => onToggle({ row, col })}
      title={warning}
    >
      {shift ? <ShiftChip shift={shift} /> : null}
    </div>
  );
});

function ShiftChip({ shift }: { shift: RosterShift }) {
  const { attributes, listeners, setNodeRef, transform, isDragging } = useDraggable({ id: `shift:${shift.id}`, data: { kind: 'shift', shift } satisfies DragItem });
  const style = transform ? { transform: `translate(${transform.x}px, ${transform.y}px)` } : undefined;
  return (
    <span ref={setNodeRef} className={`rg-chip${isDragging ? ' rg-dragging' : ''}`} style={style} {...listeners} {...attributes} tabIndex={-1} role="presentation">
      {shift.shiftCode}
    </span>
  );
}

/** A person from another unit (a float nurse, the pool) who can be dragged onto a shift of this unit. */
export function PaletteEntry({ staff, label }: { staff: Staff; label: string }) {
  const { attributes, listeners, setNodeRef, transform, isDragging } = useDraggable({ id: `person:${staff.id}`, data: { kind: 'person', staff } satisfies DragItem });
  const style = transform ? { transform: `translate(${transform.x}px, ${transform.y}px)` } : undefined;
  return (
    <li ref={setNodeRef} className={`roster-palette-item${isDragging ? ' rg-dragging' : ''}`} style={style} {...listeners} {...attributes} data-staff={staff.staffNo}>
      <span>{staff.name}</span>
      <span className="muted">{label}</span>
    </li>
  );
}
