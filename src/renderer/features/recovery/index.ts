// What other features (the board) may use of recovery; the rest of the folder is its own.
export { RecoveryPanel } from './RecoveryPanel';
