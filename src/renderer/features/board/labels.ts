import type { TFunction } from 'i18next';
import type { Section } from '../../../domain/hics';
import type { TimeBand } from '../../../domain/board/job-action-sheets';
import type { TaskPriority, TaskStatus } from '../../../domain/board/tasks';
import type { TimelineType } from '../../../domain/board/timeline';

/**
 * Labels for domain values. Written as literal t() calls per value (the i18n test checks literal keys), typed
 * by the enum so a new value fails to compile until it has its words.
 */
type Labels<K extends string> = Record<K, (t: TFunction) => string>;

export const statusLabel: Labels<TaskStatus> = {
  todo: (t) => t('board.status.todo'),
  in_progress: (t) => t('board.status.in_progress'),
  blocked: (t) => t('board.status.blocked'),
  done: (t) => t('board.status.done'),
};

export const sectionLabel: Labels<Section> = {
  command: (t) => t('board.section.command'),
  operations: (t) => t('board.section.operations'),
  planning: (t) => t('board.section.planning'),
  logistics: (t) => t('board.section.logistics'),
  finance: (t) => t('board.section.finance'),
};

export const priorityLabel: Labels<TaskPriority> = {
  low: (t) => t('board.priority.low'),
  normal: (t) => t('board.priority.normal'),
  high: (t) => t('board.priority.high'),
  urgent: (t) => t('board.priority.urgent'),
};

export const bandLabel: Labels<TimeBand> = {
  immediate: (t) => t('board.band.immediate'),
  intermediate: (t) => t('board.band.intermediate'),
  extended: (t) => t('board.band.extended'),
  demobilisation: (t) => t('board.band.demobilisation'),
};

export const timelineTypeLabel: Labels<TimelineType> = {
  declared: (t) => t('board.timeline.type.declared'),
  level_changed: (t) => t('board.timeline.type.level_changed'),
  period_started: (t) => t('board.timeline.type.period_started'),
  status_changed: (t) => t('board.timeline.type.status_changed'),
  assigned: (t) => t('board.timeline.type.assigned'),
  released: (t) => t('board.timeline.type.released'),
  task_done: (t) => t('board.timeline.type.task_done'),
  task_conflict: (t) => t('board.timeline.type.task_conflict'),
  task_conflict_resolved: (t) => t('board.timeline.type.task_conflict_resolved'),
  message: (t) => t('board.timeline.type.message'),
  message_reply: (t) => t('board.timeline.type.message_reply'),
  log: (t) => t('board.timeline.type.log'),
  report_recorded: (t) => t('board.timeline.type.report_recorded'),
  enquiry_matched: (t) => t('board.timeline.type.enquiry_matched'),
  enquiry_unmatched: (t) => t('board.timeline.type.enquiry_unmatched'),
  enquiry_closed: (t) => t('board.timeline.type.enquiry_closed'),
};

/** How a family enquiry ended, as the timeline words it. */
export const enquiryOutcomeLabel: Record<'informed' | 'not_found' | 'referred', (t: TFunction) => string> = {
  informed: (t) => t('board.timeline.outcome.informed'),
  not_found: (t) => t('board.timeline.outcome.not_found'),
  referred: (t) => t('board.timeline.outcome.referred'),
};
