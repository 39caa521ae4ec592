import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Assignment } from '../../../domain/incidents/assignments';
import type { Position } from '../../../domain/hics';
import { newId } from '../../../domain/ids';
import { ErrorText } from '../../app/ErrorText';
import type { UiError } from '../../lib/ui-error';
import { selectLanguage } from '../../state/selectors';
import { useApp } from '../../state/store-context';
import { positionName } from './positions';
import { useMutation } from '../../state/use-mutation';

type Props = {
  position: Position;
  incidentId: string;
  period: number;
  holders: readonly Assignment[];
  vacant: boolean;
  canOfferJas: boolean;
  /** Called after the first person is assigned: the position has just been activated. */
  onActivated: (positionId: string) => void;
  onOfferJas: (positionId: string) => void;
};

export function PositionBox({ position, incidentId, period, holders, vacant, canOfferJas, onActivated, onOfferJas }: Props) {
  const { t } = useTranslation();
  const language = useApp(selectLanguage);
  const assignmentAssign = useMutation('assignment.assign').run;
  const assignmentRelease = useMutation('assignment.release').run;
  const [adding, setAdding] = useState(false);
  const [person, setPerson] = useState('');
  const [error, setError] = useState<UiError | null>(null);

  const assign = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const wasEmpty = holders.length === 0;
    const failed = await assignmentAssign({ id: newId(), incidentId, period, positionId: position.id, person });
    setError(failed);
    if (failed) return;
    setPerson('');
    setAdding(false);
    if (wasEmpty) onActivated(position.id);
  };

  const state = holders.length > 0 ? 'staffed' : vacant ? 'vacant' : 'empty';
  return (
    <div className={`pos pos-${position.kind} pos-${state} sec-edge-${position.section}`} data-testid="position" data-position-id={position.id} data-state={state}>
      <div className="pos-name">{positionName(position.id, language)}</div>
      {vacant ? <div className="pos-vacant">{t('board.org.vacant')}</div> : null}
      <ul className="pos-holders">
        {holders.map((a) => (
          <li key={a.id}>
            <span className="holder">{a.person}</span>
            <button
              type="button"
              className="icon"
              aria-label={t('board.org.release', { person: a.person })}
              title={t('board.org.release', { person: a.person })}
              onClick={() => void assignmentRelease({ id: a.id }).then(setError)}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      {adding ? (
        <form className="inline-form" onSubmit={(e) => void assign(e)}>
          <input name="person" required maxLength={100} value={person} placeholder={t('board.org.personPlaceholder')} onChange={(e) => setPerson(e.target.value)} autoFocus />
          <button type="submit" className="secondary">{t('board.org.assign')}</button>
        </form>
      ) : (
        <div className="pos-actions">
          <button type="button" className="link" onClick={() => setAdding(true)} data-testid="assign">{t('board.org.addPerson')}</button>
          {canOfferJas && holders.length > 0 ? (
            <button type="button" className="link" onClick={() => onOfferJas(position.id)}>{t('board.org.jas')}</button>
          ) : null}
        </div>
      )}
      {error ? <ErrorText error={error} /> : null}
    </div>
  );
}
