import { unsafeChar } from '../text';
import { chainCycle, followedInject, InjectMethodSchema, type Inject, type InjectTrigger } from './injects';
import { InjectFieldsSchema, MSEL_MAX_INJECTS } from './msel-mutators';
import type { z } from 'zod';

/**
 * The MSEL's CSV columns, in export order; an import needs every one in its header. `time` is the exercise time
 * (hh:mm after the start) an inject is due; for an inject with `after`, it is the delay after that inject is
 * delivered (`after` = `3`) or after the players acted on it (`after` = `acted:3`). Neither: a controller delivers
 * it when play calls for it.
 */
export const mselCsvColumns = ['number', 'time', 'after', 'event', 'inject_text', 'method', 'from', 'to', 'controller', 'expected_action', 'objective'] as const;
export type MselCsvColumn = (typeof mselCsvColumns)[number];
export type MselCsvRecord = Partial<Record<MselCsvColumn, string>>;

export type InjectFields = z.output<typeof InjectFieldsSchema>;
export type MselCsvError = { row: number; column: string; reason: string };
export type MselCsvResult = { ok: true; injects: InjectFields[] } | { ok: false; errors: MselCsvError[] };

const zodColumn: Partial<Record<string, MselCsvColumn>> = {
  number: 'number',
  trigger: 'time',
  subject: 'event',
  message: 'inject_text',
  expectedAction: 'expected_action',
  capability: 'objective',
};

/** `01:30`, `1:30`, `T+01:30` or `90` (minutes) as minutes; a string says what is wrong. */
function parseMinutes(cell: string): number | string {
  const text = cell.replace(/^T\+/i, '');
  if (/^\d{1,5}$/.test(text)) return Number(text);
  const match = /^(\d{1,3}):([0-5]\d)$/.exec(text);
  return match ? Number(match[1]) * 60 + Number(match[2]) : 'must be a time hh:mm after the start (for example 01:30)';
}

export function formatMinutes(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** The `time` and `after` cells as a trigger, or which of them is wrong and why: for a file and for a grid edit. */
export function triggerFromCells(time: string, after: string): InjectTrigger | { column: 'time' | 'after'; reason: string } {
  const delay = time === '' ? 0 : parseMinutes(time);
  if (typeof delay === 'string') return { column: 'time', reason: delay };
  if (after !== '') {
    const match = /^(acted:)?(\d{1,4})$/i.exec(after);
    if (!match || Number(match[2]) < 1) return { column: 'after', reason: 'must be the number of the inject this one follows (3), or acted:3 to follow the players acting on it' };
    return { type: match[1] ? 'acted' : 'after', inject: Number(match[2]), minutes: delay };
  }
  return time === '' ? { type: 'manual' } : { type: 'at', minutes: delay };
}

function checkRow(record: MselCsvRecord, row: number): InjectFields | MselCsvError[] {
  const cell = (column: MselCsvColumn): string => (record[column] ?? '').trim();
  const unsafe = mselCsvColumns.flatMap((column) => {
    const char = unsafeChar(record[column] ?? '');
    return char ? [{ row, column, reason: `contains ${char}, a control character or a broken character: retype it` }] : [];
  });
  if (unsafe.length > 0) return unsafe;
  const number = cell('number');
  if (!/^\d{1,4}$/.test(number)) return [{ row, column: 'number', reason: 'must be a whole number from 1 to 9999' }];
  const trigger = triggerFromCells(cell('time'), cell('after'));
  if ('reason' in trigger) return [{ row, column: trigger.column, reason: trigger.reason }];
  const method = cell('method').toLowerCase() || 'message';
  if (!InjectMethodSchema.safeParse(method).success) return [{ row, column: 'method', reason: `must be one of ${InjectMethodSchema.options.join(', ')}` }];
  const parsed = InjectFieldsSchema.safeParse({
    number: Number(number),
    trigger,
    from: cell('from'),
    to: cell('to'),
    method,
    subject: cell('event'),
    message: cell('inject_text'),
    expectedAction: cell('expected_action'),
    controller: cell('controller'),
    capability: cell('objective'),
  });
  if (parsed.success) return parsed.data;
  return parsed.error.issues.map((issue) => {
    const key = String(issue.path[0] ?? '');
    return { row, column: zodColumn[key] ?? key, reason: issue.message };
  });
}

/**
 * Checks a parsed MSEL file (header, then records keyed by column): every row, unique numbers, chains that lead
 * to an inject of the file and never round in a circle. All or nothing, with every error at once and the row
 * (1-based, the header is row 1) and column of each, so one round of fixes in the spreadsheet is enough.
 */
export function validateMselCsv(header: readonly string[], records: readonly MselCsvRecord[]): MselCsvResult {
  const names = new Set(header.map((h) => h.trim().toLowerCase()));
  const missing = mselCsvColumns.filter((column) => !names.has(column));
  if (missing.length > 0) return { ok: false, errors: missing.map((column) => ({ row: 1, column, reason: 'missing column' })) };
  if (records.length === 0) return { ok: false, errors: [{ row: 2, column: 'number', reason: 'no injects' }] };
  if (records.length > MSEL_MAX_INJECTS) return { ok: false, errors: [{ row: MSEL_MAX_INJECTS + 2, column: 'number', reason: `at most ${MSEL_MAX_INJECTS} injects` }] };
  const errors: MselCsvError[] = [];
  const injects: InjectFields[] = [];
  const rowOf = new Map<number, number>();
  records.forEach((record, index) => {
    const row = index + 2;
    const checked = checkRow(record, row);
    if (Array.isArray(checked)) {
      errors.push(...checked);
      return;
    }
    const first = rowOf.get(checked.number);
    if (first !== undefined) {
      errors.push({ row, column: 'number', reason: `inject ${checked.number} is already on row ${first}` });
      return;
    }
    rowOf.set(checked.number, row);
    injects.push(checked);
  });
  for (const inject of injects) {
    const followed = followedInject(inject.trigger);
    if (followed !== undefined && !rowOf.has(followed)) {
      errors.push({ row: rowOf.get(inject.number) ?? 2, column: 'after', reason: `there is no inject ${followed} to follow` });
    }
  }
  const cycle = errors.length === 0 ? chainCycle(injects) : undefined;
  if (cycle) {
    errors.push({ row: rowOf.get(cycle[0] ?? 0) ?? 2, column: 'after', reason: `injects ${[...cycle, cycle[0]].join(' → ')} follow one another in a circle` });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, injects };
}

/** The `time` and `after` cells of a trigger, as the CSV and the grid show them. */
export function triggerCells(trigger: InjectTrigger): { time: string; after: string } {
  return {
    time: trigger.type === 'manual' ? '' : formatMinutes(trigger.minutes),
    after: trigger.type === 'after' ? String(trigger.inject) : trigger.type === 'acted' ? `acted:${trigger.inject}` : '',
  };
}

/** One record per inject in `mselCsvColumns` order, by number: the inverse of `validateMselCsv`. */
export function injectsToCsvRecords(injects: readonly Pick<Inject, keyof InjectFields>[]): string[][] {
  return [...injects]
    .sort((a, b) => a.number - b.number)
    .map((i) => [
      String(i.number),
      triggerCells(i.trigger).time,
      triggerCells(i.trigger).after,
      i.subject,
      i.message,
      i.method,
      i.from,
      i.to,
      i.controller ?? '',
      i.expectedAction,
      i.capability ?? '',
    ]);
}
