import type { TFunction } from 'i18next';
import type { AlertStatus } from '../../../domain/warning/alerts';
import type { DetectionMethod } from '../../../domain/warning/detection-methods';
import type { DayLevel } from '../../../domain/warning/evaluation';
import type { IndicatorSource } from '../../../domain/warning/indicators';
import type { Frequency } from '../../../domain/warning/periods';
import type { SeriesCsvError } from '../../../domain/warning/series-csv';
import type { WarningGrade } from '../../../domain/warning/warning-grades';

// Written out key by key so the i18n test sees every key this feature can show (no computed keys).
type Labels<K extends string> = Record<K, (t: TFunction) => string>;

export const gradeLabel: Labels<WarningGrade> = {
  red: (t) => t('warning.grade.red'),
  orange: (t) => t('warning.grade.orange'),
  yellow: (t) => t('warning.grade.yellow'),
  blue: (t) => t('warning.grade.blue'),
};

export const dayLevelLabel: Labels<DayLevel> = {
  red: (t) => t('warning.level.red'),
  yellow: (t) => t('warning.level.yellow'),
  green: (t) => t('warning.level.green'),
  grey: (t) => t('warning.level.grey'),
};

export const statusLabel: Labels<AlertStatus> = {
  new: (t) => t('warning.status.new'),
  checking: (t) => t('warning.status.checking'),
  verified: (t) => t('warning.status.verified'),
  dismissed: (t) => t('warning.status.dismissed'),
  incident_opened: (t) => t('warning.status.incident_opened'),
};

export const sourceLabel: Labels<IndicatorSource> = {
  ed_syndrome: (t) => t('warning.source.ed_syndrome'),
  fever_clinic: (t) => t('warning.source.fever_clinic'),
  lab_positive: (t) => t('warning.source.lab_positive'),
  pharmacy_otc: (t) => t('warning.source.pharmacy_otc'),
  staff_absence: (t) => t('warning.source.staff_absence'),
  school_absence: (t) => t('warning.source.school_absence'),
  icu_occupancy: (t) => t('warning.source.icu_occupancy'),
  community_report: (t) => t('warning.source.community_report'),
  notifiable_case: (t) => t('warning.source.notifiable_case'),
};

export const methodLabel: Labels<DetectionMethod> = {
  ears_c1: (t) => t('warning.method.ears_c1'),
  ears_c2: (t) => t('warning.method.ears_c2'),
  ears_c3: (t) => t('warning.method.ears_c3'),
  cusum: (t) => t('warning.method.cusum'),
  ewma: (t) => t('warning.method.ewma'),
  mpm: (t) => t('warning.method.mpm'),
  fixed: (t) => t('warning.method.fixed'),
};

export const eventLabel: Labels<'raised' | 'merged' | 'acknowledged' | 'assigned' | 'verified' | 'dismissed' | 'incident_opened'> = {
  raised: (t) => t('warning.event.raised'),
  merged: (t) => t('warning.event.merged'),
  acknowledged: (t) => t('warning.event.acknowledged'),
  assigned: (t) => t('warning.event.assigned'),
  verified: (t) => t('warning.event.verified'),
  dismissed: (t) => t('warning.event.dismissed'),
  incident_opened: (t) => t('warning.event.incident_opened'),
};

const paramLabels: Record<string, (t: TFunction) => string> = {
  baselineDays: (t) => t('warning.param.baselineDays'),
  guardDays: (t) => t('warning.param.guardDays'),
  minSigma: (t) => t('warning.param.minSigma'),
  alpha: (t) => t('warning.param.alpha'),
  k: (t) => t('warning.param.k'),
  h: (t) => t('warning.param.h'),
  w1: (t) => t('warning.param.w1'),
  w2: (t) => t('warning.param.w2'),
  percentile: (t) => t('warning.param.percentile'),
  years: (t) => t('warning.param.years'),
  neighbours: (t) => t('warning.param.neighbours'),
  windowDays: (t) => t('warning.param.windowDays'),
  minCount: (t) => t('warning.param.minCount'),
  threshold: (t) => t('warning.param.threshold'),
};

/** A method parameter's name in the user's language (the raw name for one added to the domain since). */
export const paramLabel = (t: TFunction, name: string): string => paramLabels[name]?.(t) ?? name;

export const frequencyLabel: Labels<Frequency> = {
  daily: (t) => t('warning.frequency.daily'),
  weekly: (t) => t('warning.frequency.weekly'),
};

export function csvReasonLabel(t: TFunction, { reason, monday }: SeriesCsvError): string {
  switch (reason) {
    case 'missing_column': return t('warning.import.reason.missing_column');
    case 'required': return t('warning.import.reason.required');
    case 'not_a_date': return t('warning.import.reason.not_a_date');
    case 'not_a_monday': return t('warning.import.reason.not_a_monday', { monday: monday ?? '' });
    case 'not_a_number': return t('warning.import.reason.not_a_number');
    case 'duplicate': return t('warning.import.reason.duplicate');
    case 'invalid_text': return t('warning.import.reason.invalid_text');
    case 'empty': return t('warning.import.reason.empty');
  }
}
