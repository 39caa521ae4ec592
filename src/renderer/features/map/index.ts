// What other features (the wall) may use of the map; the rest of the folder is its own (eslint: feature boundaries).
export { baseName, region } from './base-data';
export type { FeatureIndex } from './feature-index';
export { baseItems, featureItems } from './map-items';
export { bedTypeLabel, warningLabel } from './map-labels-text';
export { layerGroups, type LayerGroup } from './map-layers';
export { MapPane } from './MapPane';
export { forIncident, useMapFeatures } from './use-feature-index';
export { useMinuteClock, useRegionStatus } from './use-region-status';
