import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { STATUTORY_RECIPIENT, STATUTORY_TITLE } from '../../../domain/incidents/reporting-deadlines';
import type { TimelineItem, TimelineType } from '../../../domain/board/timeline';
import { ActorName } from '../../app/ActorName';
import { incidentStatusKey, levelShortKey } from '../../i18n/keys';
import { formatDateTime } from '../../lib/time';
import { selectLanguage, selectTimeZone } from '../../state/selectors';
import { useApp } from '../../state/store-context';
import { useActorLabel } from '../../state/use-actor-label';
import { enquiryOutcomeLabel, statusLabel, timelineTypeLabel } from './labels';
import { positionName } from './positions';
import { ReceivedNote } from './ReceivedNote';

/** A glyph per kind of event, so the eye finds level changes and reports without reading (never colour alone). */
const icons: Record<TimelineType, string> = {
  declared: '⚑', level_changed: '▲', period_started: '◷', status_changed: '◆', assigned: '●', released: '○',
  task_done: '✔', task_conflict: '⚠', task_conflict_resolved: '⚖', message: '✉', message_reply: '↩', log: '✎', report_recorded: '⚐',
  enquiry_matched: '⚭', enquiry_unmatched: '⚮', enquiry_closed: '☏',
};

type Words = { t: TFunction; language: string; timeZone: string; name: (id: string) => string };

function describe(item: TimelineItem, { t, language, timeZone, name }: Words): string {
  switch (item.type) {
    case 'declared': return t('board.timeline.declared', { level: t(levelShortKey(item.level)) });
    case 'level_changed': return t('board.timeline.levelChanged', { from: t(levelShortKey(item.from)), to: t(levelShortKey(item.to)), reason: item.reason });
    case 'period_started': return t('board.timeline.periodStarted', { period: item.period, hours: item.hours });
    case 'status_changed': return t('board.timeline.statusChanged', { from: t(incidentStatusKey(item.from)), to: t(incidentStatusKey(item.to)), reason: item.reason });
    case 'assigned': return t('board.timeline.assigned', { person: item.person, position: positionName(item.positionId, language), period: item.period });
    case 'released': return t('board.timeline.released', { person: item.person, position: positionName(item.positionId, language) });
    case 'task_done': return item.title;
    case 'task_conflict': {
      const words = { title: item.title, status: statusLabel[item.status](t), seen: statusLabel[item.seen](t), kept: statusLabel[item.kept](t) };
      return item.keptBy !== undefined && item.keptAt !== undefined
        ? t('board.timeline.conflict', { ...words, keptBy: name(item.keptBy), keptAt: formatDateTime(item.keptAt, timeZone, language) })
        : t('board.timeline.conflictUnknown', words);
    }
    case 'task_conflict_resolved': return t('board.timeline.conflictResolved', { title: item.title, status: statusLabel[item.status](t) });
    case 'message': return t('board.timeline.message', { from: item.from, to: item.to, subject: item.subject });
    case 'message_reply': return t('board.timeline.reply', { from: item.from, subject: item.subject, text: item.text });
    case 'log': return item.positionId ? `${positionName(item.positionId, language)}: ${item.text}` : item.text;
    case 'report_recorded':
      return t('board.timeline.report', {
        title: item.title === STATUTORY_TITLE ? t('board.clock.statutory') : item.title,
        to: item.to === STATUTORY_RECIPIENT ? t('board.clock.countyAuthority') : item.to,
        by: item.reportedBy,
      });
    case 'enquiry_matched': return t('board.timeline.enquiryMatched', { ref: item.ref, tag: item.tagNo });
    case 'enquiry_unmatched': return t('board.timeline.enquiryUnmatched', { ref: item.ref, tag: item.tagNo, reason: item.reason });
    case 'enquiry_closed': return t('board.timeline.enquiryClosed', { ref: item.ref, outcome: enquiryOutcomeLabel[item.outcome](t) });
  }
}

/** The whole incident, newest first: time, kind, what, who. */
export function TimelineView({ items }: { items: readonly TimelineItem[] }) {
  const { t } = useTranslation();
  const language = useApp(selectLanguage);
  const timeZone = useApp(selectTimeZone);
  const label = useActorLabel();
  const words: Words = { t, language, timeZone, name: (id) => label(id).name };
  const newestFirst = [...items].reverse();
  return (
    <section className="panel timeline" aria-labelledby="timeline-title" data-testid="timeline">
      <h2 id="timeline-title">{t('board.timeline.title')}</h2>
      {items.length === 0 ? <p className="muted">{t('board.timeline.empty')}</p> : null}
      <ol className="timeline-list">
        {newestFirst.map((item) => (
          <li key={item.key} className={`tl tl-${item.type}${item.type === 'message' && item.urgent ? ' tl-urgent' : ''}${item.type === 'report_recorded' && item.late ? ' tl-late' : ''}${item.type === 'task_conflict' ? ' tl-conflict' : ''}`} data-testid="timeline-item" data-type={item.type}>
            <time className="tl-time num">
              {formatDateTime(item.at, timeZone, language)}
              <ReceivedNote shownAt={item.at} receivedAt={item.receivedAt ?? null} />
            </time>
            <span className="tl-icon" aria-hidden="true">{icons[item.type]}</span>
            <span className="tl-type">{timelineTypeLabel[item.type](t)}</span>
            <span className="tl-text">{describe(item, words)}</span>
            <ActorName id={item.by} className="tl-by muted" />
          </li>
        ))}
      </ol>
    </section>
  );
}
