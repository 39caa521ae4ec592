// What other features (the wall) may use of early warning; the rest of the folder is its own (eslint: feature boundaries).
export { WallWarningPanel } from './WallWarningPanel';
