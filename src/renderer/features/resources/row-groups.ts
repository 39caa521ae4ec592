/**
 * Grouped rows for AG Grid's community edition, whose own row grouping is an Enterprise feature. A group is a
 * header row in the grid's data (drawn full width) followed by its rows: sorting arranges rows inside their group,
 * filters never hide a header, and a collapsed group hides its rows through the grid's external filter.
 */

/** A figure a group header shows, e.g. "On hand 1,240 boxes" or "Red 3" (tone colours it; `unit` follows the value). */
export type GroupFigure = { label: string; value: number; unit?: string; tone?: 'red' | 'yellow' | 'green' };

export type GroupHeader = {
  key: string;
  label: string;
  /** How many rows the group holds, whatever the filters. */
  rows: number;
  figures: GroupFigure[];
  collapsed: boolean;
};

/** A grid row that may be a group header. */
export type Groupable = { id: string; group?: GroupHeader | undefined };

export const groupRowId = (key: string) => `group:${key}`;

/**
 * Reorders rows the grid has sorted, in place (AG Grid's postSortRows contract): groups by label in the reader's
 * collation (pinyin for zh-CN), each header first, then its rows in the order the grid sorted them. O(n) but for
 * the groups: it runs on every sort of 20,000 rows.
 */
export function arrangeInGroups<N>(
  nodes: N[],
  headerOf: (node: N) => GroupHeader | undefined,
  keyOf: (node: N) => string,
  compareLabels: (a: string, b: string) => number = (a, b) => a.localeCompare(b),
): void {
  const groups = new Map<string, { header: N | null; label: string; rows: N[] }>();
  const groupFor = (key: string) => {
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { header: null, label: key, rows: [] }));
    return group;
  };
  for (const node of nodes) {
    const header = headerOf(node);
    if (header) Object.assign(groupFor(header.key), { header: node, label: header.label });
    else groupFor(keyOf(node)).rows.push(node);
  }
  const ordered = [...groups.values()].sort((a, b) => compareLabels(a.label, b.label));
  nodes.length = 0;
  for (const group of ordered) {
    if (group.header) nodes.push(group.header);
    for (const row of group.rows) nodes.push(row);
  }
}

/** Header rows for the given rows: one per key, with the figures the caller sums for its group. */
export function groupHeaders<R>(
  rows: readonly R[],
  keyOf: (row: R) => string,
  describe: (key: string, rows: readonly R[]) => { label: string; figures: GroupFigure[] },
  collapsed: ReadonlySet<string>,
): { id: string; group: GroupHeader }[] {
  const byKey = new Map<string, R[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const list = byKey.get(key);
    if (list) list.push(row);
    else byKey.set(key, [row]);
  }
  return [...byKey].map(([key, members]) => ({
    id: groupRowId(key),
    group: { key, rows: members.length, collapsed: collapsed.has(key), ...describe(key, members) },
  }));
}

/** Two headers show the same thing: the grid repaints only headers whose figures moved. */
export function sameHeader(a: GroupHeader | undefined, b: GroupHeader | undefined): boolean {
  if (!a || !b) return a === b;
  return (
    a.label === b.label &&
    a.rows === b.rows &&
    a.collapsed === b.collapsed &&
    a.figures.length === b.figures.length &&
    a.figures.every((f, i) => f.value === b.figures[i]?.value && f.label === b.figures[i]?.label && f.unit === b.figures[i]?.unit && f.tone === b.figures[i]?.tone)
  );
}
