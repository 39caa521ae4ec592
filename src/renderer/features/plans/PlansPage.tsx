import './plans.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLive } from '../../state/use-live';
import { PlanDetail } from './PlanDetail';
import { PlanLibrary } from './PlanLibrary';

/** Emergency plans (预案): the library with review and exercise marks, and the picked plan's text and checklists. */
export function PlansPage() {
  const { t } = useTranslation();
  const [picked, setPicked] = useState<string | null>(null);
  const first = useLive('plans.list', {}).data?.plans[0]?.plan.id ?? null;
  const selected = picked ?? first;
  return (
    <div className="plans">
      <h2 className="visually-hidden">{t('plans.title')}</h2>
      <PlanLibrary selected={selected} onSelect={setPicked} />
      <div className="plans-main">{selected ? <PlanDetail planId={selected} /> : <p className="muted panel">{t('plans.pickPlan')}</p>}</div>
    </div>
  );
}
