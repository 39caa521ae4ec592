import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Aar, AarItem, CorrectiveAction } from '../../../domain/aar';
import type { ActionTest, LinkablePlan } from '../../../contract/aar-api';
import { newId } from '../../../domain/ids';
import { ErrorText } from '../../app/ErrorText';
import { useMutation } from '../../state/use-mutation';
import { CorrectiveActions } from './CorrectiveActions';

/** A list of strengths or of areas for improvement, with an "add" field; `below` renders under each item. */
function ItemList(props: { subjectId: string; kind: 'strengths' | 'improvements'; items: readonly AarItem[]; canWrite: boolean; below?: (item: AarItem) => ReactNode }) {
  const { subjectId, kind, items, canWrite, below } = props;
  const { t } = useTranslation();
  const edit = useMutation('aar.edit');
  const [draft, setDraft] = useState('');
  const title = kind === 'strengths' ? t('aar.strengths') : t('aar.improvements');
  const onAdd = (event: FormEvent) => {
    event.preventDefault();
    void edit.run({ incidentId: subjectId, [kind]: [{ id: newId(), text: draft }] }).then((error) => (error ? undefined : setDraft('')));
  };
  return (
    <section className="aar-items" aria-label={title} data-testid={`aar-${kind}`}>
      <h4>{title}</h4>
      {items.length === 0 ? <p className="muted">{t('aar.none')}</p> : (
        <ul>
          {items.map((item) => (
            <li key={item.id} data-testid={`aar-${kind}-item`}>
              <span>{item.text}</span>
              {below ? below(item) : null}
            </li>
          ))}
        </ul>
      )}
      {canWrite ? (
        <form className="form aar-add" onSubmit={onAdd}>
          <label>
            <span>{kind === 'strengths' ? t('aar.newStrength') : t('aar.newImprovement')}</span>
            <input name={kind} required maxLength={2000} value={draft} onChange={(e) => setDraft(e.target.value)} />
          </label>
          <button type="submit" className="secondary" disabled={edit.busy}>{t('aar.add')}</button>
        </form>
      ) : null}
      {edit.error ? <ErrorText error={edit.error} /> : null}
    </section>
  );
}

function Summary({ aar, canWrite }: { aar: Aar; canWrite: boolean }) {
  const { t } = useTranslation();
  const edit = useMutation('aar.edit');
  // Null while not editing, so another desk's saved summary shows as it arrives; this desk's typing wins until saved.
  const [typed, setTyped] = useState<string | null>(null);
  const summary = typed ?? aar.summary;
  const onSave = (event: FormEvent) => {
    event.preventDefault();
    void edit.run({ incidentId: aar.incidentId, summary }).then((error) => (error ? undefined : setTyped(null)));
  };
  return (
    <form className="form aar-summary" onSubmit={onSave}>
      <label>
        <span>{t('aar.summary')}</span>
        <textarea name="summary" rows={4} maxLength={8000} readOnly={!canWrite} value={summary} onChange={(e) => setTyped(e.target.value)} />
      </label>
      {canWrite ? <button type="submit" className="secondary" disabled={edit.busy || summary === aar.summary}>{t('aar.saveSummary')}</button> : null}
      {edit.error ? <ErrorText error={edit.error} /> : null}
    </form>
  );
}

/**
 * The writers' part of any AAR, an incident's or an exercise's: the summary, strengths, and areas for improvement
 * each with its corrective actions (owner, due date, status, the plan section it changes). A final report's text is
 * read-only; its corrective actions are still tracked.
 */
export function AarWriting(props: { aar: Aar; actions: readonly CorrectiveAction[]; plans: readonly LinkablePlan[]; canWrite: boolean; tests: readonly ActionTest[] }) {
  const { aar, actions, plans, canWrite, tests } = props;
  const canEdit = canWrite && !aar.final;
  return (
    <section className="panel">
      <Summary aar={aar} canWrite={canEdit} />
      <ItemList subjectId={aar.incidentId} kind="strengths" items={aar.strengths} canWrite={canEdit} />
      <ItemList
        subjectId={aar.incidentId}
        kind="improvements"
        items={aar.improvements}
        canWrite={canEdit}
        below={(item) => (
          <CorrectiveActions incidentId={aar.incidentId} improvementId={item.id} actions={actions.filter((a) => a.improvementId === item.id)} plans={plans} canWrite={canWrite} tests={tests} />
        )}
      />
    </section>
  );
}
