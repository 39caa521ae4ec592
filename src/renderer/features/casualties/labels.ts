import type { TFunction } from 'i18next';
import type { AgeBand, ArrivalMode, DispositionCode, Sex } from '../../../domain/casualties/casualties';
import type { TriageCategory, TriageSystem } from '../../../domain/casualties/triage';
import type { EnquiryEvent, EnquiryOutcome, EnquiryStatus } from '../../../domain/casualties/enquiries';

// Written out key by key so the i18n test sees every key this feature can show (no computed keys).
type Labels<K extends string> = Record<K, (t: TFunction) => string>;

export const categoryLabel: Labels<TriageCategory> = {
  immediate: (t) => t('casualties.category.immediate'),
  delayed: (t) => t('casualties.category.delayed'),
  minor: (t) => t('casualties.category.minor'),
  expectant: (t) => t('casualties.category.expectant'),
  dead: (t) => t('casualties.category.dead'),
};

/** Short words for the wall, where five figures share a quarter of the screen and the colour says the rest. */
export const categoryShortLabel: Labels<TriageCategory> = {
  immediate: (t) => t('casualties.short.immediate'),
  delayed: (t) => t('casualties.short.delayed'),
  minor: (t) => t('casualties.short.minor'),
  expectant: (t) => t('casualties.short.expectant'),
  dead: (t) => t('casualties.short.dead'),
};

export const systemLabel: Labels<TriageSystem> = {
  START: (t) => t('casualties.system.START'),
  JumpSTART: (t) => t('casualties.system.JumpSTART'),
  SALT: (t) => t('casualties.system.SALT'),
};

export const sexLabel: Labels<Sex> = {
  female: (t) => t('casualties.sex.female'),
  male: (t) => t('casualties.sex.male'),
  unknown: (t) => t('casualties.sex.unknown'),
};

export const ageBandLabel: Labels<AgeBand> = {
  infant: (t) => t('casualties.ageBand.infant'),
  child: (t) => t('casualties.ageBand.child'),
  adolescent: (t) => t('casualties.ageBand.adolescent'),
  adult: (t) => t('casualties.ageBand.adult'),
  older_adult: (t) => t('casualties.ageBand.older_adult'),
  unknown: (t) => t('casualties.ageBand.unknown'),
};

export const arrivalModeLabel: Labels<ArrivalMode> = {
  ambulance: (t) => t('casualties.arrivalMode.ambulance'),
  private_vehicle: (t) => t('casualties.arrivalMode.private_vehicle'),
  walk_in: (t) => t('casualties.arrivalMode.walk_in'),
  helicopter: (t) => t('casualties.arrivalMode.helicopter'),
  police: (t) => t('casualties.arrivalMode.police'),
  other: (t) => t('casualties.arrivalMode.other'),
};

export const dispositionLabel: Labels<DispositionCode | 'in_care'> = {
  in_care: (t) => t('casualties.disposition.in_care'),
  discharged: (t) => t('casualties.disposition.discharged'),
  admitted: (t) => t('casualties.disposition.admitted'),
  surgery: (t) => t('casualties.disposition.surgery'),
  transferred: (t) => t('casualties.disposition.transferred'),
  morgue: (t) => t('casualties.disposition.morgue'),
};

export const identificationLabel: Labels<'unidentified' | 'tentative' | 'confirmed'> = {
  unidentified: (t) => t('casualties.identification.unidentified'),
  tentative: (t) => t('casualties.identification.tentative'),
  confirmed: (t) => t('casualties.identification.confirmed'),
};

export const categories = ['immediate', 'delayed', 'minor', 'expectant', 'dead'] as const satisfies readonly TriageCategory[];
export const dispositions = ['in_care', 'admitted', 'surgery', 'transferred', 'discharged', 'morgue'] as const;

export const enquiryStatusLabel: Labels<EnquiryStatus> = {
  open: (t) => t('family.status.open'),
  matched: (t) => t('family.status.matched'),
  closed: (t) => t('family.status.closed'),
};

export const outcomeLabel: Labels<EnquiryOutcome> = {
  informed: (t) => t('family.outcome.informed'),
  not_found: (t) => t('family.outcome.not_found'),
  referred: (t) => t('family.outcome.referred'),
};

export const enquiryEventLabel: Labels<EnquiryEvent['type']> = {
  matched: (t) => t('family.event.matched'),
  unmatched: (t) => t('family.event.unmatched'),
  closed: (t) => t('family.event.closed'),
};
