import type { TFunction } from 'i18next';
import type { TriageCategory } from '../../../domain/casualties/triage';
import type { HicsForm } from '../../../domain/reports/hics-forms';
import type { EventCategory, EventGrade, SentVia, SitRep, SitRepCard, SitRepFigures, SitRepKind, SitRepSections } from '../../../domain/reports/sitreps';

// Written out key by key so the i18n test sees every key this feature can show (no computed keys).
type Labels<K extends string> = Record<K, (t: TFunction) => string>;
export type ReportField = keyof SitRepCard | keyof SitRepSections;

export const kindLabel: Record<SitRepKind, (t: TFunction, n: number) => string> = {
  initial: (t, n) => t('reports.kind.initial', { n }),
  progress: (t, n) => t('reports.kind.progress', { n }),
  final: (t, n) => t('reports.kind.final', { n }),
};

export const statusLabel: Labels<SitRep['status']> = {
  draft: (t) => t('reports.status.draft'),
  approved: (t) => t('reports.status.approved'),
  sent: (t) => t('reports.status.sent'),
};

export const categoryLabel: Labels<TriageCategory> = {
  immediate: (t) => t('reports.category.immediate'),
  delayed: (t) => t('reports.category.delayed'),
  minor: (t) => t('reports.category.minor'),
  expectant: (t) => t('reports.category.expectant'),
  dead: (t) => t('reports.category.dead'),
};

export const outcomeLabel: Labels<keyof SitRepFigures['byDisposition']> = {
  in_care: (t) => t('reports.outcome.in_care'),
  admitted: (t) => t('reports.outcome.admitted'),
  surgery: (t) => t('reports.outcome.surgery'),
  transferred: (t) => t('reports.outcome.transferred'),
  discharged: (t) => t('reports.outcome.discharged'),
  morgue: (t) => t('reports.outcome.morgue'),
};

export const viaLabel: Labels<SentVia> = {
  direct_report: (t) => t('reports.via.direct_report'),
  phone: (t) => t('reports.via.phone'),
  fax: (t) => t('reports.via.fax'),
  courier: (t) => t('reports.via.courier'),
};

export const fieldLabel: Labels<ReportField> = {
  reportingUnit: (t) => t('reports.field.reportingUnit'),
  reporter: (t) => t('reports.field.reporter'),
  phone: (t) => t('reports.field.phone'),
  eventName: (t) => t('reports.field.eventName'),
  place: (t) => t('reports.field.place'),
  setting: (t) => t('reports.field.setting'),
  source: (t) => t('reports.field.source'),
  category: (t) => t('reports.field.category'),
  grade: (t) => t('reports.field.grade'),
  situation: (t) => t('reports.field.situation'),
  measures: (t) => t('reports.field.measures'),
  resources: (t) => t('reports.field.resources'),
  needs: (t) => t('reports.field.needs'),
};

export const eventCategoryLabel: Labels<EventCategory> = {
  infectious_disease: (t) => t('reports.eventCategory.infectious_disease'),
  food_poisoning: (t) => t('reports.eventCategory.food_poisoning'),
  occupational_poisoning: (t) => t('reports.eventCategory.occupational_poisoning'),
  other_poisoning: (t) => t('reports.eventCategory.other_poisoning'),
  environmental: (t) => t('reports.eventCategory.environmental'),
  immunisation: (t) => t('reports.eventCategory.immunisation'),
  unexplained_cluster: (t) => t('reports.eventCategory.unexplained_cluster'),
  healthcare_infection: (t) => t('reports.eventCategory.healthcare_infection'),
  radiation: (t) => t('reports.eventCategory.radiation'),
  other: (t) => t('reports.eventCategory.other'),
};

export const gradeLabel: Labels<EventGrade> = {
  particularly_major: (t) => t('reports.grade.particularly_major'),
  major: (t) => t('reports.grade.major'),
  larger: (t) => t('reports.grade.larger'),
  general: (t) => t('reports.grade.general'),
  unclassified: (t) => t('reports.grade.unclassified'),
  not_emergency: (t) => t('reports.grade.not_emergency'),
};

export const newLabel: Labels<SitRepKind> = {
  initial: (t) => t('reports.new.initial'),
  progress: (t) => t('reports.new.progress'),
  final: (t) => t('reports.new.final'),
};

export const formLabel: Labels<HicsForm> = {
  '201': (t) => t('reports.forms.201'),
  '202': (t) => t('reports.forms.202'),
  '203': (t) => t('reports.forms.203'),
  '213': (t) => t('reports.forms.213'),
  '214': (t) => t('reports.forms.214'),
  '221': (t) => t('reports.forms.221'),
  '251': (t) => t('reports.forms.251'),
  '254': (t) => t('reports.forms.254'),
  '257': (t) => t('reports.forms.257'),
};

export const langLabel: Labels<'zh-CN' | 'en'> = {
  'zh-CN': (t) => t('reports.pdf.lang.zh-CN'),
  en: (t) => t('reports.pdf.lang.en'),
};
