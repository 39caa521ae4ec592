// What other features may use of the wall; the rest of the folder is its own (eslint: feature boundaries).
export { WallSetup } from './WallSetup';
export type { WallData } from './WallPanels';
