import type { TFunction } from 'i18next';
import type { BedType } from '../../../domain/resources/beds';
import type { MutualAidAnswer, RequestStatus } from '../../../domain/resources/resource-requests';
import type { StockCategory } from '../../../domain/resources/stock';
import type { StockStatus, UnitQty } from '../../../domain/resources/stock-calculations';
import type { ImportRowErrorReason } from '../../../domain/resources/stock-import';

// Written out key by key so the i18n test sees every key this feature can show (no computed keys).
export function categoryLabel(t: TFunction, c: StockCategory | null): string {
  switch (c) {
    case 'ppe': return t('resources.category.ppe');
    case 'drugs': return t('resources.category.drugs');
    case 'tcm': return t('resources.category.tcm');
    case 'oxygen': return t('resources.category.oxygen');
    case 'blood': return t('resources.category.blood');
    case 'ventilators': return t('resources.category.ventilators');
    case 'equipment': return t('resources.category.equipment');
    case 'food_water': return t('resources.category.food_water');
    default: return t('resources.category.other');
  }
}

export function statusLabel(t: TFunction, s: StockStatus): string {
  if (s === 'red') return t('resources.status.red');
  if (s === 'yellow') return t('resources.status.yellow');
  return t('resources.status.green');
}

export function bedTypeLabel(t: TFunction, type: BedType): string {
  switch (type) {
    case 'adult_icu': return t('resources.bedType.adult_icu');
    case 'pediatric_icu': return t('resources.bedType.pediatric_icu');
    case 'medical_surgical': return t('resources.bedType.medical_surgical');
    case 'burn': return t('resources.bedType.burn');
    case 'psychiatric': return t('resources.bedType.psychiatric');
    case 'negative_pressure_isolation': return t('resources.bedType.negative_pressure_isolation');
    case 'operating_rooms': return t('resources.bedType.operating_rooms');
    case 'emergency_department': return t('resources.bedType.emergency_department');
  }
}

export function requestStatusLabel(t: TFunction, s: RequestStatus): string {
  switch (s) {
    case 'pending': return t('resources.requestStatus.pending');
    case 'approved': return t('resources.requestStatus.approved');
    case 'rejected': return t('resources.requestStatus.rejected');
    case 'partially_filled': return t('resources.requestStatus.partially_filled');
    case 'filled': return t('resources.requestStatus.filled');
  }
}

export function priorityLabel(t: TFunction, p: 'urgent' | 'high' | 'routine'): string {
  if (p === 'urgent') return t('resources.priority.urgent');
  if (p === 'high') return t('resources.priority.high');
  return t('resources.priority.routine');
}

export function importReasonLabel(t: TFunction, r: ImportRowErrorReason): string {
  switch (r) {
    case 'missing_column': return t('resources.import.reason.missing_column');
    case 'required': return t('resources.import.reason.required');
    case 'not_a_count': return t('resources.import.reason.not_a_count');
    case 'unknown_category': return t('resources.import.reason.unknown_category');
    case 'too_long': return t('resources.import.reason.too_long');
    case 'duplicate': return t('resources.import.reason.duplicate');
    case 'thresholds': return t('resources.import.reason.thresholds');
    case 'unknown_bed_type': return t('resources.import.reason.unknown_bed_type');
    case 'invalid_text': return t('resources.import.reason.invalid_text');
  }
}

/** Quantities of several units as one line, "120 boxes · 40 bags": each figure keeps its unit, none is added up. */
export function quantitiesText(quantities: readonly UnitQty[], lang: string): string {
  const number = new Intl.NumberFormat(lang);
  return quantities.map(({ qty, unit }) => (unit ? `${number.format(qty)} ${unit}` : number.format(qty))).join(' · ');
}

/** Another hospital's answer to a request we sent: who, what, when, and the reason or units when given. */
export function mutualAidAnswerLabel(t: TFunction, a: MutualAidAnswer, when: string): string {
  const head = a.message === 'commit' && a.qty !== undefined
    ? t('resources.requests.mutualAidAnswer.commit', { from: a.from, qty: a.qty, when })
    : a.response === 'Decline' ? t('resources.requests.mutualAidAnswer.Decline', { from: a.from, when })
      : a.response === 'Provisional' ? t('resources.requests.mutualAidAnswer.Provisional', { from: a.from, when })
        : t('resources.requests.mutualAidAnswer.Accept', { from: a.from, when });
  const extra = a.reason ? t('resources.requests.mutualAidAnswer.reason', { reason: a.reason }) : a.message !== 'commit' && a.qty !== undefined ? t('resources.requests.mutualAidAnswer.qty', { qty: a.qty }) : '';
  return extra ? t('resources.requests.mutualAidAnswer.withDetail', { answer: head, detail: extra }) : head;
}
