import './plans.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLive } from '../../state/use-live';
import { PlanDetail } from './PlanDetail';
import { PlanLibrary } from './PlanLibrary';
import { ReadinessView } from './ReadinessView';

type View = 'library' | 'readiness';

/**
 * Emergency plans (预案): the library with review and exercise marks and the picked plan's text and checklists,
 * or the readiness of every plan at a glance.
 */
export function PlansPage() {
  const { t } = useTranslation();
  const [view, setView] = useState<View>('library');
  const [picked, setPicked] = useState<string | null>(null);
  const first = useLive('plans.list', {}).data?.plans[0]?.plan.id ?? null;
  const selected = picked ?? first;
  const views: [View, string][] = [['library', t('plans.views.library')], ['readiness', t('plans.views.readiness')]];
  return (
    <div className="plans-page">
      <h2 className="visually-hidden">{t('plans.title')}</h2>
      <div className="plans-view-tabs" role="tablist" aria-label={t('plans.title')}>
        {views.map(([id, label]) => (
          <button key={id} type="button" role="tab" aria-selected={view === id} className={view === id ? 'active' : ''} onClick={() => setView(id)} data-testid={`plans-view-${id}`}>{label}</button>
        ))}
      </div>
      {view === 'readiness' ? (
        <ReadinessView onOpenPlan={(planId) => { setPicked(planId); setView('library'); }} />
      ) : (
        <div className="plans">
          <PlanLibrary selected={selected} onSelect={setPicked} />
          <div className="plans-main">{selected ? <PlanDetail planId={selected} /> : <p className="muted panel">{t('plans.pickPlan')}</p>}</div>
        </div>
      )}
    </div>
  );
}
