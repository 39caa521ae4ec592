import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Board } from '../../../contract/board';
import { isBackdated, logOf } from '../../../domain/incidents/activity-log';
import { hicsPositions } from '../../../domain/hics';
import { newId } from '../../../domain/ids';
import { ActorName } from '../../app/ActorName';
import { ErrorText } from '../../app/ErrorText';
import { useNow } from '../../app/use-now';
import { formatDateTime, fromZonedInputValue } from '../../lib/time';
import type { UiError } from '../../lib/ui-error';
import { selectLanguage, selectTimeZone } from '../../state/selectors';
import { useApp } from '../../state/store-context';
import { positionName } from './positions';
import { ReceivedNote } from './ReceivedNote';
import { receiptToShow } from '../../../domain/received-time';
import { useCan } from '../../state/use-can';
import { useMutation } from '../../state/use-mutation';

/** HICS 214: time, position, notable activity. Append-only: a mistake is corrected by a later entry. */
export function ActivityLogPanel({ board }: { board: Board }) {
  const { t } = useTranslation();
  const language = useApp(selectLanguage);
  const timeZone = useApp(selectTimeZone);
  const logAppend = useMutation('log.append').run;
  const write = useCan('incident.write');
  const [positionId, setPositionId] = useState('');
  const [view, setView] = useState('');
  const [text, setText] = useState('');
  // When it happened, blank for now; an entry dated well back asks for the reason it is late.
  const [happened, setHappened] = useState('');
  const [backdateReason, setBackdateReason] = useState('');
  const [error, setError] = useState<UiError | null>(null);
  const entries = logOf(board.logEntries, view === '' ? undefined : view === 'incident' ? null : view).reverse();
  const now = useNow(15_000);
  const happenedAt = happened === '' ? null : fromZonedInputValue(happened, timeZone);
  const backdated = happenedAt !== null && isBackdated({ at: happenedAt, recordedAt: now });

  const add = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const failed = await logAppend({
      id: newId(),
      incidentId: board.incident.id,
      text,
      ...(positionId ? { positionId } : {}),
      ...(happenedAt !== null ? { at: happenedAt } : {}),
      ...(backdated ? { backdateReason } : {}),
    });
    setError(failed);
    if (!failed) {
      setText('');
      setHappened('');
      setBackdateReason('');
    }
  };

  const positionOptions = hicsPositions.map((p) => (
    <option key={p.id} value={p.id}>{positionName(p.id, language)}</option>
  ));
  return (
    <section className="panel log-panel" aria-labelledby="log-title" data-testid="activity-log">
      <h2 id="log-title">{t('board.log.title')}</h2>
      <form className="form log-form" onSubmit={(e) => void add(e)}>
        <label>
          <span>{t('board.log.position')}</span>
          <select name="logPosition" value={positionId} onChange={(e) => setPositionId(e.target.value)}>
            <option value="">{t('board.log.incidentLog')}</option>
            {positionOptions}
          </select>
        </label>
        <label>
          <span>{t('board.log.happenedAt', { zone: timeZone })}</span>
          <input type="datetime-local" name="logAt" value={happened} onChange={(e) => setHappened(e.target.value)} />
        </label>
        {backdated ? (
          <label className="wide">
            <span>{t('board.log.backdateReason')}</span>
            <input name="backdateReason" required maxLength={500} value={backdateReason} placeholder={t('board.log.backdatePlaceholder')} onChange={(e) => setBackdateReason(e.target.value)} />
          </label>
        ) : null}
        <label className="wide">
          <span>{t('board.log.entry')}</span>
          <textarea name="logText" required rows={2} maxLength={2000} value={text} placeholder={t('board.log.placeholder')} onChange={(e) => setText(e.target.value)} />
        </label>
        <button type="submit" className="secondary" disabled={!write.allowed} title={write.title}>{t('board.log.add')}</button>
      </form>
      {error ? <ErrorText error={error} /> : null}
      <label className="log-view">
        <span>{t('board.log.show')}</span>
        <select name="logView" value={view} onChange={(e) => setView(e.target.value)}>
          <option value="">{t('board.log.all')}</option>
          <option value="incident">{t('board.log.incidentLog')}</option>
          {positionOptions}
        </select>
      </label>
      <table className="grid log-table">
        <thead>
          <tr>
            <th scope="col">{t('board.log.time')}</th>
            <th scope="col">{t('board.log.position')}</th>
            <th scope="col">{t('board.log.entry')}</th>
            <th scope="col">{t('board.log.by')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id} data-testid="log-entry" data-backdated={e.backdateReason !== undefined ? 'yes' : undefined}>
              <td className="num">
                {formatDateTime(e.at, timeZone, language)}
                {e.backdateReason !== undefined ? (
                  <span className="backdated-note" data-testid="backdated-note">
                    <span className="tag tag-warn">{t('board.log.backdated')}</span> {t('board.log.recordedAt', { at: formatDateTime(e.recordedAt, timeZone, language) })}
                  </span>
                ) : null}
                <ReceivedNote shownAt={e.at} receivedAt={receiptToShow(e.recordedAt, board.received?.[e.id])} />
              </td>
              <td>{e.positionId ? positionName(e.positionId, language) : t('board.log.incidentLog')}</td>
              <td>
                {e.text}
                {e.backdateReason !== undefined ? <span className="muted backdate-reason">{t('board.log.backdateBecause', { reason: e.backdateReason })}</span> : null}
              </td>
              <td className="muted"><ActorName id={e.recordedBy} /></td>
            </tr>
          ))}
        </tbody>
      </table>
      {entries.length === 0 ? <p className="muted">{t('board.log.empty')}</p> : null}
    </section>
  );
}
