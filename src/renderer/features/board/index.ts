// What other features may use of the board; the rest of the folder is its own (eslint: feature boundaries).
export { formatCountdown } from './ReportingClock';
export { useMyUserId } from './use-me';
