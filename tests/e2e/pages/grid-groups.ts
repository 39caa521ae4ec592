import type { Locator } from '@playwright/test';

export type GridLine = { group: string } | { cells: Record<string, string> };

/** A grid that can show grouped rows: its group headers and its rows in the order the user sees them. */
export class GroupedGrid {
  constructor(readonly grid: Locator) {}

  header(key: string): Locator {
    return this.grid.locator(`[data-testid="grid-group"][data-group-key="${key}"]`);
  }

  headers(): Locator {
    return this.grid.locator('[data-testid="grid-group"]');
  }

  /**
   * The rendered rows top to bottom, pinned rows left out (DOM order is not screen order: row-index is). A header reads as `{ group: key }`, a data row as its cells by
   * column id.
   */
  async rowsInOrder(): Promise<GridLine[]> {
    return this.grid.locator('.ag-row[row-index]').evaluateAll((rows) =>
      rows
        .filter((r) => !r.closest('.ag-grid-pinned-bottom-rows, .ag-grid-pinned-top-rows'))
        .map((r) => {
          const group = r.querySelector('[data-testid="grid-group"]')?.getAttribute('data-group-key');
          const cells = Object.fromEntries([...r.querySelectorAll('[col-id]')].map((c) => [c.getAttribute('col-id') ?? '', c.textContent ?? '']));
          return { index: Number(r.getAttribute('row-index')), line: group ? { group } : { cells } };
        })
        .sort((a, b) => a.index - b.index)
        .map((r) => r.line),
    );
  }

  /** The data rows shown under a group's header, up to the next header or the last rendered row. */
  async rowsUnder(key: string): Promise<Record<string, string>[]> {
    const lines = await this.rowsInOrder();
    const start = lines.findIndex((l) => 'group' in l && l.group === key);
    if (start < 0) return [];
    const after = lines.slice(start + 1);
    const end = after.findIndex((l) => 'group' in l);
    return (end < 0 ? after : after.slice(0, end)).flatMap((l) => ('cells' in l ? [l.cells] : []));
  }
}
