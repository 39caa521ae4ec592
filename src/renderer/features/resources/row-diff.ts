/**
 * What changed between two reads of a grid's rows, as an AG Grid transaction: the grid keeps its scroll, focus
 * and any open editor, and repaints only the rows that differ.
 */
export function rowTransaction<R extends { id: string }>(before: ReadonlyMap<string, R>, after: readonly R[], same: (a: R, b: R) => boolean) {
  const add: R[] = [];
  const update: R[] = [];
  const seen = new Set<string>();
  for (const row of after) {
    seen.add(row.id);
    const old = before.get(row.id);
    if (!old) add.push(row);
    else if (!same(old, row)) update.push(row);
  }
  // Without removals every shown row was seen: skip the second pass over a large grid.
  const remove = seen.size - add.length === before.size ? [] : [...before.values()].filter((r) => !seen.has(r.id));
  return { add, update, remove };
}
