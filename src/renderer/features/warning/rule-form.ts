import type { Condition } from '../../../domain/warning/trigger-rules';

/**
 * The rule editor edits one level of conditions combined by all / any / at least n (the domain allows three levels:
 * a rule written deeper elsewhere is shown flattened to its leaves, and saving it saves the flat form).
 */
export type Combinator = 'all' | 'any' | 'atLeast';
export type ConditionRow = { indicatorId: string; kind: 'level' | 'total'; atLeast: 'yellow' | 'red'; days: number; total: number };

const leaf = (row: ConditionRow): Condition =>
  row.kind === 'level' ? { type: 'level', indicatorId: row.indicatorId, atLeast: row.atLeast } : { type: 'total', indicatorId: row.indicatorId, days: row.days, atLeast: row.total };

/** The condition a form describes; one row stands alone; none is no condition. */
export function conditionFromRows(combinator: Combinator, count: number, rows: readonly ConditionRow[]): Condition | null {
  if (rows.length === 0) return null;
  const [only] = rows;
  if (rows.length === 1 && only && combinator !== 'atLeast') return leaf(only);
  const of = rows.map(leaf);
  return combinator === 'atLeast' ? { type: 'atLeast', count: Math.min(count, rows.length), of } : { type: combinator, of };
}

function leaves(condition: Condition): ConditionRow[] {
  if (condition.type === 'level') return [{ indicatorId: condition.indicatorId, kind: 'level', atLeast: condition.atLeast, days: 2, total: 3 }];
  if (condition.type === 'total') return [{ indicatorId: condition.indicatorId, kind: 'total', atLeast: 'yellow', days: condition.days, total: condition.atLeast }];
  return condition.of.flatMap(leaves);
}

export function rowsFromCondition(condition: Condition): { combinator: Combinator; count: number; rows: ConditionRow[] } {
  if (condition.type === 'level' || condition.type === 'total') return { combinator: 'all', count: 2, rows: leaves(condition) };
  return { combinator: condition.type, count: condition.type === 'atLeast' ? condition.count : 2, rows: leaves(condition) };
}
