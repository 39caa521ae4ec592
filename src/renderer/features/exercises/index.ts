// What other features may use of exercises; the rest of the folder is its own (eslint: feature boundaries).
export { MselPanel } from './MselPanel';
