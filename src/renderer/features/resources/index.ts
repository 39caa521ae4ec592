// What other features may use of resources; the rest of the folder is its own (eslint: feature boundaries).
export { download } from './download';
export { useEchart } from './use-echart';
export { DEFAULT_COL_DEF, GRID_THEME_CLASS } from './grid-setup';
