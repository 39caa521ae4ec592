// What other domain features may use of the EDXL exchange; the rest of the folder is its own (eslint: feature boundaries).
export type { RegionDistrict } from './site-map';
