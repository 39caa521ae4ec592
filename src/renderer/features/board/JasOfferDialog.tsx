import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { newId } from '../../../domain/ids';
import { findSheet, timeBands, type JasLanguage } from '../../../domain/board/job-action-sheets';
import { ErrorText } from '../../app/ErrorText';
import type { UiError } from '../../lib/ui-error';
import { bandLabel } from './labels';
import { useMutation } from '../../state/use-mutation';

type Props = { incidentId: string; positionId: string; language: JasLanguage; onClose: () => void };

/** Offers a newly activated position's Job Action Sheet as tasks; every item is ticked, untick what does not apply. */
export function JasOfferDialog({ incidentId, positionId, language, onClose }: Props) {
  const { t } = useTranslation();
  const jasInstantiate = useMutation('jas.instantiate').run;
  const sheet = findSheet(positionId, language);
  const [chosen, setChosen] = useState<Set<string>>(() => new Set(sheet?.items.filter((i) => i.band !== 'demobilisation').map((i) => i.id)));
  const [error, setError] = useState<UiError | null>(null);
  if (!sheet) return null;

  const toggle = (id: string, on: boolean): void =>
    setChosen((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const create = async (): Promise<void> => {
    const items = sheet.items.filter((i) => chosen.has(i.id)).map((i) => ({ itemId: i.id, taskId: newId() }));
    if (items.length === 0) return onClose();
    const failed = await jasInstantiate({ id: newId(), incidentId, positionId, language, items });
    setError(failed);
    if (!failed) onClose();
  };

  return (
    <div className="overlay" role="presentation" onClick={onClose}>
      <div className="dialog jas-dialog" role="dialog" aria-modal="true" aria-labelledby="jas-title" onClick={(e) => e.stopPropagation()} data-testid="jas-offer">
        <h2 id="jas-title">{t('board.jas.title', { title: sheet.title })}</h2>
        <p className="muted">{sheet.mission}</p>
        {timeBands.map((band) => {
          const items = sheet.items.filter((i) => i.band === band);
          if (items.length === 0) return null;
          return (
            <fieldset key={band}>
              <legend>{bandLabel[band](t)}</legend>
              {items.map((item) => (
                <label key={item.id} className="check">
                  <input type="checkbox" checked={chosen.has(item.id)} onChange={(e) => toggle(item.id, e.target.checked)} />
                  <span>{item.text}</span>
                </label>
              ))}
            </fieldset>
          );
        })}
        {error ? <ErrorText error={error} /> : null}
        <div className="actions">
          <button type="button" className="primary" onClick={() => void create()} data-testid="jas-create">{t('board.jas.create', { count: chosen.size })}</button>
          <button type="button" onClick={onClose}>{t('board.jas.skip')}</button>
        </div>
      </div>
    </div>
  );
}
