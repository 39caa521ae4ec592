// What other features may use of map; everything else in this folder is its own.
export { BasePlaceIdSchema, neighbourBedTypes, placeRecordId } from './map-region';
export type { DistrictWarning, NeighbourBedType, NeighbourBeds } from './map-region';
