// What other features (the board) may use of plans; the rest of the folder is its own (eslint: feature boundaries).
export { ChecklistsPanel } from './ChecklistsPanel';
export { WallChecklistPanel } from './WallChecklistPanel';
export { usePlanCoverage } from './use-plan-coverage';
