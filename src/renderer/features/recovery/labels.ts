import type { TFunction } from 'i18next';
import type { CheckoutItem, CostCategory, MetricKind, MetricStatus, StressZone, WellbeingNeed } from '../../../domain/recovery';

type Labels<K extends string> = Record<K, (t: TFunction) => string>;

// Literal keys, so the i18n key check finds every one of them.
export const itemLabel: Labels<CheckoutItem> = {
  equipment_returned: (t) => t('recovery.items.equipment_returned'),
  handover_done: (t) => t('recovery.items.handover_done'),
  debrief_attended: (t) => t('recovery.items.debrief_attended'),
  wellbeing_offered: (t) => t('recovery.items.wellbeing_offered'),
  timesheet_confirmed: (t) => t('recovery.items.timesheet_confirmed'),
  forms_handed_in: (t) => t('recovery.items.forms_handed_in'),
};

export const metricKindLabel: Labels<MetricKind> = {
  beds_available: (t) => t('recovery.metricKinds.beds_available'),
  stock_at_par: (t) => t('recovery.metricKinds.stock_at_par'),
  elective_surgery: (t) => t('recovery.metricKinds.elective_surgery'),
  other: (t) => t('recovery.metricKinds.other'),
};

export const metricStatusLabel: Labels<MetricStatus> = {
  open: (t) => t('recovery.metricStatus.open'),
  in_progress: (t) => t('recovery.metricStatus.in_progress'),
  done: (t) => t('recovery.metricStatus.done'),
};

export const categoryLabel: Labels<CostCategory> = {
  medical_supplies: (t) => t('recovery.categories.medical_supplies'),
  pharmaceuticals: (t) => t('recovery.categories.pharmaceuticals'),
  equipment: (t) => t('recovery.categories.equipment'),
  services: (t) => t('recovery.categories.services'),
  food: (t) => t('recovery.categories.food'),
  transport: (t) => t('recovery.categories.transport'),
  facilities: (t) => t('recovery.categories.facilities'),
  other: (t) => t('recovery.categories.other'),
};

export const zoneLabel: Labels<StressZone> = {
  green: (t) => t('recovery.zones.green'),
  yellow: (t) => t('recovery.zones.yellow'),
  orange: (t) => t('recovery.zones.orange'),
  red: (t) => t('recovery.zones.red'),
};

export const needLabel: Labels<WellbeingNeed> = {
  rest: (t) => t('recovery.needs.rest'),
  food: (t) => t('recovery.needs.food'),
  transport: (t) => t('recovery.needs.transport'),
  childcare: (t) => t('recovery.needs.childcare'),
  talk: (t) => t('recovery.needs.talk'),
};

/** The procurement list's column headings, in the order of the CSV's columns. */
export const costColumnLabels: readonly ((t: TFunction) => string)[] = [
  (t) => t('recovery.costs.date'),
  (t) => t('recovery.costs.item'),
  (t) => t('recovery.costs.vendor'),
  (t) => t('recovery.costs.category'),
  (t) => t('recovery.costs.quantity'),
  (t) => t('recovery.costs.unitCost'),
  (t) => t('recovery.costs.total'),
  (t) => t('recovery.costs.requestedBy'),
  (t) => t('recovery.costs.approvedBy'),
  (t) => t('recovery.costs.reference'),
];
