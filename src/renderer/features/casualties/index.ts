// What other parts (the board header, the wall) may use of casualties; the rest of the folder is its own (eslint: feature boundaries).
export { HeaderCasualtyCounts } from './HeaderCasualtyCounts';
export { WallCasualtyPanel } from './WallCasualtyPanel';
