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

/**
 * The rows a grid shows, kept in step with the transactions it is given: `next` diffs a new read against them
 * and records the result as shown, so each live update costs one pass and never a rebuild.
 */
export class ShownRows<R extends { id: string }> {
  private shown = new Map<string, R>();

  constructor(private readonly same: (a: R, b: R) => boolean) {}

  /** The grid's first rows. */
  reset(rows: readonly R[]): void {
    this.shown = new Map(rows.map((r) => [r.id, r]));
  }

  /** What to hand the grid for `rows`, or null when nothing it shows changed. */
  next(rows: readonly R[]): ReturnType<typeof rowTransaction<R>> | null {
    const tx = rowTransaction(this.shown, rows, this.same);
    if (!tx.add.length && !tx.update.length && !tx.remove.length) return null;
    for (const r of tx.add) this.shown.set(r.id, r);
    for (const r of tx.update) this.shown.set(r.id, r);
    for (const r of tx.remove) this.shown.delete(r.id);
    return tx;
  }
}
