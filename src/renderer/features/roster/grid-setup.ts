import { AllCommunityModule, ModuleRegistry } from 'ag-grid-community';
// File themes: the Theming API injects <style> elements, which the strict CSP (style-src 'self') refuses.
import 'ag-grid-community/styles/ag-grid.css';
import 'ag-grid-community/styles/ag-theme-quartz-no-font.css';

ModuleRegistry.registerModules([AllCommunityModule]);

export const ROSTER_GRID_CLASS = 'ag-theme-quartz-dark roster-ag-grid';
