import { useTranslation } from 'react-i18next';
import type { Incident } from '../../../domain/incidents';
import { useCan } from '../../state/use-can';
import { useLive } from '../../state/use-live';
import { CheckoutTable } from './CheckoutTable';
import { CostsPanel } from './CostsPanel';
import { MetricsPanel } from './MetricsPanel';
import { WellbeingPanel } from './WellbeingPanel';
import './recovery.css';

/**
 * The incident's recovery (4R's last phase): HICS 221 check-outs, recovery metrics, costs and staff wellbeing.
 * Written once the incident is demobilising (and after its close), or earlier by the commander: the server refuses
 * the rest (`invalid_transition`), and the controls say so here.
 */
export function RecoveryPanel({ incident }: { incident: Incident }) {
  const { t } = useTranslation();
  const write = useCan('incident.write');
  const command = useCan('incident.command');
  const live = useLive('recovery.get', { incidentId: incident.id });
  const started = incident.status !== 'active' || command.allowed;
  const recoveryWrite = started ? write : { ...write, allowed: false, title: t('recovery.notStarted') };
  const data = live.data;
  return (
    <div className="recovery" data-testid="recovery">
      <section className="panel">
        <h2>{t('recovery.title')}</h2>
        <p className="muted">{started ? t('recovery.intro') : t('recovery.notStarted')}</p>
      </section>
      {data ? (
        <>
          <CheckoutTable incidentId={incident.id} people={data.people} progress={data.progress} write={recoveryWrite} />
          <MetricsPanel incidentId={incident.id} metrics={data.metrics} bedsBaseline={data.bedsBaseline} write={recoveryWrite} />
          <CostsPanel incidentId={incident.id} costs={data.costs} write={recoveryWrite} />
          <WellbeingPanel incidentId={incident.id} wellbeing={data.wellbeing} people={data.people} write={write} />
        </>
      ) : null}
    </div>
  );
}
