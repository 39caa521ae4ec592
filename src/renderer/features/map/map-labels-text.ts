import type { TFunction } from 'i18next';
import type { MapFeatureCategory } from '../../../domain/map/map-features';
import type { NeighbourBedType } from '../../../domain/map/map-region';
import type { BaseKind, WarningLevel } from './base-data';
import type { LayerGroup } from './map-layers';

/**
 * Words for the map's domain values, as literal t() calls per value (the i18n test checks literal keys), typed by
 * the enum so a new category fails to compile until it has its words.
 */
type Labels<K extends string> = Record<K, (t: TFunction) => string>;

export const categoryLabel: Labels<MapFeatureCategory> = {
  zone_hot: (t) => t('map.categories.zone_hot'),
  zone_warm: (t) => t('map.categories.zone_warm'),
  zone_cold: (t) => t('map.categories.zone_cold'),
  zone_triage: (t) => t('map.categories.zone_triage'),
  zone_decon: (t) => t('map.categories.zone_decon'),
  zone_staging: (t) => t('map.categories.zone_staging'),
  zone_helipad: (t) => t('map.categories.zone_helipad'),
  zone_family: (t) => t('map.categories.zone_family'),
  zone_custom: (t) => t('map.categories.zone_custom'),
  triage: (t) => t('map.categories.triage'),
  decon: (t) => t('map.categories.decon'),
  staging: (t) => t('map.categories.staging'),
  team: (t) => t('map.categories.team'),
  equipment: (t) => t('map.categories.equipment'),
  case: (t) => t('map.categories.case'),
};

export const groupLabel: Labels<LayerGroup> = {
  districts: (t) => t('map.groups.districts'),
  hospitals: (t) => t('map.groups.hospitals'),
  campus: (t) => t('map.groups.campus'),
  zones: (t) => t('map.groups.zones'),
  points: (t) => t('map.groups.points'),
  resources: (t) => t('map.groups.resources'),
  cases: (t) => t('map.groups.cases'),
};

export const baseKindLabel: Labels<BaseKind> = {
  campus: (t) => t('map.baseKinds.campus'),
  building: (t) => t('map.baseKinds.building'),
  road: (t) => t('map.baseKinds.road'),
  area_decon: (t) => t('map.baseKinds.area_decon'),
  area_triage: (t) => t('map.baseKinds.area_triage'),
  area_staging: (t) => t('map.baseKinds.area_staging'),
  area_helipad: (t) => t('map.baseKinds.area_helipad'),
  entrance: (t) => t('map.baseKinds.entrance'),
  ed: (t) => t('map.baseKinds.ed'),
  helipad: (t) => t('map.baseKinds.helipad'),
  decon: (t) => t('map.baseKinds.decon'),
  triage: (t) => t('map.baseKinds.triage'),
  staging: (t) => t('map.baseKinds.staging'),
  assembly: (t) => t('map.baseKinds.assembly'),
  district: (t) => t('map.baseKinds.district'),
  hospital: (t) => t('map.baseKinds.hospital'),
};

export const warningLabel: Labels<WarningLevel> = {
  none: (t) => t('map.warning.none'),
  green: (t) => t('map.warning.green'),
  blue: (t) => t('map.warning.blue'),
  yellow: (t) => t('map.warning.yellow'),
  orange: (t) => t('map.warning.orange'),
  red: (t) => t('map.warning.red'),
};

export const bedTypeLabel: Labels<NeighbourBedType> = {
  emergency: (t) => t('map.bedTypes.emergency'),
  icu: (t) => t('map.bedTypes.icu'),
  general: (t) => t('map.bedTypes.general'),
  paediatric: (t) => t('map.bedTypes.paediatric'),
};

/** What kind of mark a drawn feature is, in words: a custom zone by the type the room gave it. */
export function featureKindLabel(t: TFunction, feature: { category: MapFeatureCategory; zoneType?: string | undefined }): string {
  return feature.zoneType ?? categoryLabel[feature.category](t);
}
