// What other features (the board, the wall) may use of recovery; the rest of the folder is its own.
export { RecoveryPanel } from './RecoveryPanel';
export { WallRecoveryPanel } from './WallRecoveryPanel';
