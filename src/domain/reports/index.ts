// What other features may use of reports; everything else in this folder is its own.
export type { SitRep } from './sitreps';
