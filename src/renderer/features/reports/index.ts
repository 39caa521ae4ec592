// What other parts (the command board) may use of reports; the rest of the folder is its own (eslint: feature boundaries).
export { ReportsPanel } from './ReportsPanel';
