import type { TFunction } from 'i18next';
import type { WallPanelId } from '../../../contract/wall-layout';
import type { BedType } from '../../../domain/resources/beds';
import type { Section } from '../../../domain/hics';
import type { Profession } from '../../../domain/roster/staff';

/** Words for the wall's panels and sections as literal t() calls per value, typed by the enums. */
type Labels<K extends string> = Record<K, (t: TFunction) => string>;

export const panelTitle: Labels<WallPanelId> = {
  map: (t) => t('wall.panels.map'),
  figures: (t) => t('wall.panels.figures'),
  tasks: (t) => t('wall.panels.tasks'),
  log: (t) => t('wall.panels.log'),
  beds: (t) => t('wall.panels.beds'),
  staff: (t) => t('wall.panels.staff'),
  stock: (t) => t('wall.panels.stock'),
  region: (t) => t('wall.panels.region'),
  warning: (t) => t('wall.panels.warning'),
  casualties: (t) => t('wall.panels.casualties'),
  checklists: (t) => t('wall.panels.checklists'),
  recovery: (t) => t('wall.panels.recovery'),
};

export const sectionLabel: Labels<Section> = {
  command: (t) => t('wall.sections.command'),
  operations: (t) => t('wall.sections.operations'),
  planning: (t) => t('wall.sections.planning'),
  logistics: (t) => t('wall.sections.logistics'),
  finance: (t) => t('wall.sections.finance'),
};

export const bedTypeLabel: Labels<BedType> = {
  adult_icu: (t) => t('wall.beds.types.adult_icu'),
  pediatric_icu: (t) => t('wall.beds.types.pediatric_icu'),
  medical_surgical: (t) => t('wall.beds.types.medical_surgical'),
  burn: (t) => t('wall.beds.types.burn'),
  psychiatric: (t) => t('wall.beds.types.psychiatric'),
  negative_pressure_isolation: (t) => t('wall.beds.types.negative_pressure_isolation'),
  operating_rooms: (t) => t('wall.beds.types.operating_rooms'),
  emergency_department: (t) => t('wall.beds.types.emergency_department'),
};

export const professionLabel: Labels<Profession> = {
  physician: (t) => t('wall.staff.roles.physician'),
  nurse: (t) => t('wall.staff.roles.nurse'),
  technician: (t) => t('wall.staff.roles.technician'),
  pharmacist: (t) => t('wall.staff.roles.pharmacist'),
  logistics: (t) => t('wall.staff.roles.logistics'),
  security: (t) => t('wall.staff.roles.security'),
  administration: (t) => t('wall.staff.roles.administration'),
  volunteer: (t) => t('wall.staff.roles.volunteer'),
};
