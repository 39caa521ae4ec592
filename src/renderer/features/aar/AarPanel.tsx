import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Aar, AarItem } from '../../../domain/aar';
import { newId } from '../../../domain/ids';
import type { Incident } from '../../../domain/incidents';
import { ErrorText } from '../../app/ErrorText';
import { useLive } from '../../state/use-live';
import { useMutation } from '../../state/use-mutation';
import { useCan } from '../../state/use-can';
import { AarFigures } from './AarFigures';
import { AarPdfButtons } from './AarPdfButtons';
import { CorrectiveActions } from './CorrectiveActions';
import './aar.css';

/** A list of strengths or of areas for improvement, with an "add" field; `below` renders under each item. */
function ItemList(props: { incidentId: string; kind: 'strengths' | 'improvements'; items: readonly AarItem[]; canWrite: boolean; below?: (item: AarItem) => ReactNode }) {
  const { incidentId, kind, items, canWrite, below } = props;
  const { t } = useTranslation();
  const edit = useMutation('aar.edit');
  const [draft, setDraft] = useState('');
  const title = kind === 'strengths' ? t('aar.strengths') : t('aar.improvements');
  const onAdd = (event: FormEvent) => {
    event.preventDefault();
    void edit.run({ incidentId, [kind]: [{ id: newId(), text: draft }] }).then((error) => (error ? undefined : setDraft('')));
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
 * A closed incident's after-action report (HSEEP AAR/IP): drafted from its records, the figures refreshed on
 * demand, the summary, strengths and areas for improvement written here, each area turned into corrective actions.
 */
export function AarPanel({ incident }: { incident: Incident }) {
  const { t } = useTranslation();
  const write = useCan('aar.write');
  const canWrite = write.allowed;
  const live = useLive('aar.get', { incidentId: incident.id });
  const draft = useMutation('aar.draft');
  const refresh = useMutation('aar.refresh');
  const aar = live.data?.aar ?? null;
  const actions = live.data?.actions ?? [];
  const plans = live.data?.plans ?? [];
  const closed = incident.status === 'closed';
  const failure = draft.error ?? refresh.error;
  return (
    <div className="aar" data-testid="aar">
      <section className="panel" aria-labelledby="aar-title">
        <h2 id="aar-title">{t('aar.title')}</h2>
        <p className="muted">{closed ? t('aar.intro') : t('aar.notClosed')}</p>
        <div className="aar-toolbar">
          {closed && aar === null && live.data ? (
            <button type="button" className="primary" disabled={!canWrite || draft.busy} title={write.title} onClick={() => void draft.run({ incidentId: incident.id })} data-testid="aar-draft">{t('aar.draft')}</button>
          ) : null}
          {aar ? (
            <>
              {canWrite ? <button type="button" className="secondary" disabled={refresh.busy} onClick={() => void refresh.run({ incidentId: incident.id })} data-testid="aar-refresh">{t('aar.refresh')}</button> : null}
              <AarPdfButtons incidentId={incident.id} />
            </>
          ) : null}
        </div>
        {failure ? <ErrorText error={failure} /> : null}
      </section>
      {aar ? (
        <>
          <section className="panel">
            <AarFigures data={aar.data} />
          </section>
          <section className="panel">
            <Summary aar={aar} canWrite={canWrite} />
            <ItemList incidentId={incident.id} kind="strengths" items={aar.strengths} canWrite={canWrite} />
            <ItemList
              incidentId={incident.id}
              kind="improvements"
              items={aar.improvements}
              canWrite={canWrite}
              below={(item) => (
                <CorrectiveActions incidentId={incident.id} improvementId={item.id} actions={actions.filter((a) => a.improvementId === item.id)} plans={plans} canWrite={canWrite} />
              )}
            />
          </section>
        </>
      ) : null}
    </div>
  );
}
