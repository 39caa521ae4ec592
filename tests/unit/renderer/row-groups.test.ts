import { describe, expect, it } from 'vitest';
import { arrangeInGroups, groupHeaders, groupRowId, sameHeader, type GroupHeader } from '../../../src/renderer/features/resources/row-groups';

type Row = { id: string; store: string; qty: number; group?: GroupHeader };

const header = (key: string, label = key): Row => ({ id: groupRowId(key), store: '', qty: 0, group: { key, label, rows: 0, figures: [], collapsed: false } });
const row = (id: string, store: string, qty = 0): Row => ({ id, store, qty });
const arrange = (rows: Row[]) => {
  const nodes = [...rows];
  arrangeInGroups(nodes, (r) => r.group, (r) => r.store);
  return nodes.map((r) => r.id);
};

describe('grouped rows in a community grid', () => {
  it('puts each header first and keeps the sorted order of rows inside their group', () => {
    // As the grid sorted them (by quantity, say): stores interleaved, headers wherever the sort put them.
    const sorted = [row('a1', 'A', 1), header('B'), row('b1', 'B', 2), row('a2', 'A', 3), header('A'), row('b2', 'B', 4)];
    expect(arrange(sorted)).toEqual(['group:A', 'a1', 'a2', 'group:B', 'b1', 'b2']);
    // Reversing the sort reverses the rows inside each group, never the groups.
    expect(arrange([...sorted].reverse())).toEqual(['group:A', 'a2', 'a1', 'group:B', 'b2', 'b1']);
  });

  it('orders groups by their label, not their key', () => {
    const rows = [header('z', 'Alpha'), row('z1', 'z'), header('a', 'Zulu'), row('a1', 'a')];
    expect(arrange(rows)).toEqual(['group:z', 'z1', 'group:a', 'a1']);
  });

  it('keeps rows whose header is missing together, without inventing a header', () => {
    expect(arrange([row('c1', 'C'), header('A'), row('a1', 'A'), row('c2', 'C')])).toEqual(['group:A', 'a1', 'c1', 'c2']);
  });

  it('makes one header per group, counting rows and summing what the caller asks, folded where told', () => {
    const rows = [row('1', 'A', 5), row('2', 'B', 7), row('3', 'A', 1)];
    const headers = groupHeaders(rows, (r) => r.store, (key, members) => ({ label: `Store ${key}`, figures: [{ label: 'qty', value: members.reduce((n, m) => n + m.qty, 0) }] }), new Set(['B']));
    expect(headers).toEqual([
      { id: 'group:A', group: { key: 'A', label: 'Store A', rows: 2, collapsed: false, figures: [{ label: 'qty', value: 6 }] } },
      { id: 'group:B', group: { key: 'B', label: 'Store B', rows: 1, collapsed: true, figures: [{ label: 'qty', value: 7 }] } },
    ]);
  });

  it('tells a header that changed from one that did not, so live updates repaint only moved totals', () => {
    const base: GroupHeader = { key: 'A', label: 'A', rows: 2, collapsed: false, figures: [{ label: 'qty', value: 6, tone: 'red' }] };
    expect(sameHeader(base, { ...base, figures: [{ label: 'qty', value: 6, tone: 'red' }] })).toBe(true);
    expect(sameHeader(base, { ...base, figures: [{ label: 'qty', value: 7, tone: 'red' }] })).toBe(false);
    expect(sameHeader(base, { ...base, collapsed: true })).toBe(false);
    expect(sameHeader(base, { ...base, rows: 3 })).toBe(false);
    expect(sameHeader(base, undefined)).toBe(false);
    expect(sameHeader(undefined, undefined)).toBe(true);
  });
});
