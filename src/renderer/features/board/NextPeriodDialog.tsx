import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Board } from '../../../contract/board';
import { isActiveIn } from '../../../domain/incidents/assignments';
import { objectivesOf } from '../../../domain/incidents/objectives';
import { newId } from '../../../domain/ids';
import { ErrorText } from '../../app/ErrorText';
import { fromZonedInputValue, toZonedInputValue } from '../../lib/time';
import type { UiError } from '../../lib/ui-error';
import { selectLanguage, selectTimeZone } from '../../state/selectors';
import { useApp } from '../../state/store-context';
import { useMutation } from '../../state/use-mutation';
import { positionName } from './positions';

const HOUR = 3_600_000;

type Row<T> = T & { keep: boolean };

/**
 * Opening the next operational period: the commander sees what goes on (org chart and the objectives still open),
 * edits or drops items, picks the length and the start, which defaults to the planned end of this period.
 */
export function NextPeriodDialog({ board, onClose }: { board: Board; onClose: () => void }) {
  const { t } = useTranslation();
  const language = useApp(selectLanguage);
  const timeZone = useApp(selectTimeZone);
  const startPeriod = useMutation('incident.startPeriod').run;
  const { incident } = board;
  const next = incident.period + 1;
  const [hours, setHours] = useState(String(incident.periodHours));
  const [startsAt, setStartsAt] = useState(() => toZonedInputValue(incident.periodStartedAt + incident.periodHours * HOUR, timeZone));
  const [objectives, setObjectives] = useState<Row<{ key: string; text: string }>[]>(() =>
    objectivesOf(board.objectives, incident.period)
      .filter((o) => o.status === 'open')
      .map((o) => ({ key: o.id, text: o.text, keep: true })),
  );
  const [assignments, setAssignments] = useState<Row<{ key: string; positionId: string; person: string }>[]>(() =>
    board.assignments.filter((a) => isActiveIn(a, incident.period)).map((a) => ({ key: a.id, positionId: a.positionId, person: a.person, keep: true })),
  );
  const [error, setError] = useState<UiError | null>(null);

  const confirm = async (): Promise<void> => {
    const start = fromZonedInputValue(startsAt, timeZone);
    const failed = await startPeriod({
      id: incident.id,
      period: next,
      hours: Number(hours),
      ...(start !== null ? { startsAt: start } : {}),
      carry: {
        objectives: objectives.filter((o) => o.keep && o.text.trim() !== '').map((o) => ({ id: newId(), text: o.text })),
        assignments: assignments.filter((a) => a.keep).map((a) => ({ id: newId(), positionId: a.positionId, person: a.person })),
      },
    });
    setError(failed);
    if (!failed) onClose();
  };

  return (
    <div className="overlay" role="presentation" onClick={onClose}>
      <div
        className="dialog next-period"
        role="dialog"
        aria-modal="true"
        aria-labelledby="next-period-title"
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          if (e.key === 'Escape') onClose();
        }}
        data-testid="next-period-dialog"
      >
        <h2 id="next-period-title">{t('board.lifecycle.next.title', { period: next })}</h2>
        <div className="form next-period-times">
          <label>
            <span>{t('board.lifecycle.next.startsAt', { zone: timeZone })}</span>
            <input type="datetime-local" name="periodStartsAt" required value={startsAt} onChange={(e) => setStartsAt(e.target.value)} />
          </label>
          <label>
            <span>{t('board.lifecycle.next.hours')}</span>
            <input type="number" name="periodHours" min={1} max={72} required value={hours} onChange={(e) => setHours(e.target.value)} />
          </label>
        </div>
        <fieldset className="carry-list">
          <legend>{t('board.lifecycle.next.objectives')}</legend>
          {objectives.length === 0 ? <p className="muted">{t('board.lifecycle.next.noObjectives')}</p> : null}
          {objectives.map((o, i) => (
            <div key={o.key} className="carry-row">
              <input
                type="checkbox"
                checked={o.keep}
                aria-label={t('board.lifecycle.next.keepObjective', { text: o.text })}
                onChange={(e) => setObjectives(objectives.map((r, j) => (j === i ? { ...r, keep: e.target.checked } : r)))}
              />
              <input
                name="carryObjective"
                maxLength={500}
                value={o.text}
                disabled={!o.keep}
                aria-label={t('board.lifecycle.next.objectiveText', { n: i + 1 })}
                onChange={(e) => setObjectives(objectives.map((r, j) => (j === i ? { ...r, text: e.target.value } : r)))}
              />
            </div>
          ))}
        </fieldset>
        <fieldset className="carry-list">
          <legend>{t('board.lifecycle.next.assignments')}</legend>
          {assignments.length === 0 ? <p className="muted">{t('board.lifecycle.next.noAssignments')}</p> : null}
          {assignments.map((a, i) => (
            <label key={a.key} className="carry-row">
              <input
                type="checkbox"
                checked={a.keep}
                onChange={(e) => setAssignments(assignments.map((r, j) => (j === i ? { ...r, keep: e.target.checked } : r)))}
              />
              <span>{t('board.lifecycle.next.assignment', { position: positionName(a.positionId, language), person: a.person })}</span>
            </label>
          ))}
        </fieldset>
        {error ? <ErrorText error={error} /> : null}
        <div className="actions">
          <button type="button" onClick={onClose}>{t('board.lifecycle.confirm.back')}</button>
          <button type="button" className="primary" onClick={() => void confirm()}>{t('board.lifecycle.next.confirm', { period: next })}</button>
        </div>
      </div>
    </div>
  );
}
