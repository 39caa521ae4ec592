import type { TFunction } from 'i18next';
import type { AarTimelineEntry, CorrectiveActionStatus, DeadlineOutcome } from '../../../domain/aar';
import type { TriageCategory } from '../../../domain/casualties';
import { incidentStatusKey } from '../../i18n/keys';

// Written out key by key so the i18n test sees every key this feature can show (no computed keys).
type Labels<K extends string> = Record<K, (t: TFunction) => string>;

export const actionStatusLabel: Labels<CorrectiveActionStatus> = {
  open: (t) => t('aar.actionStatus.open'),
  in_progress: (t) => t('aar.actionStatus.in_progress'),
  done: (t) => t('aar.actionStatus.done'),
  verified: (t) => t('aar.actionStatus.verified'),
};

export const outcomeLabel: Labels<DeadlineOutcome> = {
  met: (t) => t('aar.outcome.met'),
  late: (t) => t('aar.outcome.late'),
  missed: (t) => t('aar.outcome.missed'),
  not_due: (t) => t('aar.outcome.not_due'),
};

export const categoryLabel: Labels<TriageCategory> = {
  immediate: (t) => t('reports.category.immediate'),
  delayed: (t) => t('reports.category.delayed'),
  minor: (t) => t('reports.category.minor'),
  expectant: (t) => t('reports.category.expectant'),
  dead: (t) => t('reports.category.dead'),
};

export const dispositionLabel: Labels<'in_care' | 'admitted' | 'surgery' | 'transferred' | 'discharged' | 'morgue'> = {
  admitted: (t) => t('reports.outcome.admitted'),
  surgery: (t) => t('reports.outcome.surgery'),
  transferred: (t) => t('reports.outcome.transferred'),
  discharged: (t) => t('reports.outcome.discharged'),
  morgue: (t) => t('reports.outcome.morgue'),
  in_care: (t) => t('reports.outcome.in_care'),
};

/** A timeline line in words: what was decided, not a record type. */
export function timelineLine(entry: AarTimelineEntry, t: TFunction): string {
  switch (entry.type) {
    case 'declared': return t('aar.event.declared', { level: entry.level });
    case 'level_changed': return t('aar.event.level_changed', { from: entry.from, to: entry.to, reason: entry.reason });
    case 'period_started': return t('aar.event.period_started', { period: entry.period });
    case 'status_changed': return t('aar.event.status_changed', { from: t(incidentStatusKey(entry.from)), to: t(incidentStatusKey(entry.to)), reason: entry.reason });
    case 'log': return entry.text;
  }
}
