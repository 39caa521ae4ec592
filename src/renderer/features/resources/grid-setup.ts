import { AllCommunityModule, ModuleRegistry, type ColumnState, type GridApi } from 'ag-grid-community';
// Legacy CSS themes ship as files: the Theming API injects <style> elements, which the strict CSP (style-src 'self')
// refuses. The no-font variant, because its icon font is a data: URL and font-src is 'self' only: the same font is
// served as a file of ours instead.
import 'ag-grid-community/styles/ag-grid.css';
import 'ag-grid-community/styles/ag-theme-quartz-no-font.css';
import './ag-grid-font.css';

ModuleRegistry.registerModules([AllCommunityModule]);

export const GRID_THEME_CLASS = 'ag-theme-quartz-dark resources-grid';

/**
 * Grid options shared by every grid, as module constants: AG Grid's React wrapper passes on any prop whose identity
 * changed, and a new object each render (the grids re-render on every live update) makes the grid redo that
 * option's work, for a row-selection callback over all 20,000 rows.
 */
export const DEFAULT_COL_DEF = { sortable: true, resizable: true, filter: true } as const;

/** A grid's column state (order, widths, sort) remembered per user on this workstation. */
export function columnMemory(key: string) {
  return {
    restore(api: GridApi): void {
      const saved = localStorage.getItem(key);
      if (saved) api.applyColumnState({ state: JSON.parse(saved) as ColumnState[], applyOrder: true });
    },
    save(api: GridApi | null): void {
      const state = api?.getColumnState();
      if (state) localStorage.setItem(key, JSON.stringify(state));
    },
  };
}
