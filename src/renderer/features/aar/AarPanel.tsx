import { useTranslation } from 'react-i18next';
import type { Incident } from '../../../domain/incidents';
import { ErrorText } from '../../app/ErrorText';
import { useLive } from '../../state/use-live';
import { useMutation } from '../../state/use-mutation';
import { useCan } from '../../state/use-can';
import { AarFigures } from './AarFigures';
import { AarFinalState } from './AarFinalState';
import { AarPdfButtons } from './AarPdfButtons';
import { AarWriting } from './AarWriting';
import './aar.css';

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
              {canWrite && !aar.final ? <button type="button" className="secondary" disabled={refresh.busy} onClick={() => void refresh.run({ incidentId: incident.id })} data-testid="aar-refresh">{t('aar.refresh')}</button> : null}
              <AarPdfButtons incidentId={incident.id} />
            </>
          ) : null}
        </div>
        {failure ? <ErrorText error={failure} /> : null}
        {aar ? <AarFinalState aar={aar} /> : null}
      </section>
      {aar ? (
        <>
          <section className="panel">
            <AarFigures data={aar.data} />
          </section>
          <AarWriting aar={aar} actions={actions} plans={plans} canWrite={canWrite} tests={live.data?.tests ?? []} />
        </>
      ) : null}
    </div>
  );
}
