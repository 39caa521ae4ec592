import { useTranslation } from 'react-i18next';
import { newId } from '../../../domain/ids';
import { exerciseStatus, ExamplePlanKeySchema, reviewStatus, versionLabel } from '../../../domain/plans';
import { ErrorText } from '../../app/ErrorText';
import { useNow } from '../../app/use-now';
import { selectLanguage } from '../../state/selectors';
import { useApp } from '../../state/store-context';
import { useLive } from '../../state/use-live';
import { useCan } from '../../state/use-can';
import { useMutation } from '../../state/use-mutation';
import { CycleMark } from './CycleMark';
import { exampleLabel, versionStatusLabel } from './labels';
import { planText } from './plan-text';

/** The plan library: each plan's version in force and its review and exercise clocks; examples to load. */
export function PlanLibrary({ selected, onSelect }: { selected: string | null; onSelect: (id: string) => void }) {
  const { t } = useTranslation();
  const language = useApp(selectLanguage);
  const now = useNow(60_000);
  const { data } = useLive('plans.list', {});
  const load = useMutation('plan.loadExample');
  const manage = useCan('plan.manage');
  const plans = data?.plans ?? [];
  return (
    <section className="panel plans-library" aria-labelledby="plans-library-title" data-testid="plan-library">
      <h3 id="plans-library-title">{t('plans.library')}</h3>
      {plans.length === 0 ? <p className="muted">{t('plans.empty')}</p> : null}
      <ul className="plans-list">
        {plans.map(({ plan, current, open }) => (
          <li key={plan.id}>
            <button
              type="button"
              className={`plans-row${plan.id === selected ? ' active' : ''}`}
              aria-pressed={plan.id === selected}
              onClick={() => onSelect(plan.id)}
              data-testid="plan-row"
              data-code={plan.code}
            >
              <span className="plans-row-title">{planText(plan.title, language)}</span>
              <span className="plans-row-meta">
                {plan.code} · {current ? t('plans.version', { version: versionLabel(current) }) : t('plans.noVersion')}
                {open ? ` · ${versionStatusLabel[open.status](t)} ${t('plans.version', { version: versionLabel(open) })}` : ''}
                {plan.status === 'retired' ? ` · ${t('plans.retired')}` : ''}
              </span>
              <span className="plans-row-cycles">
                <CycleMark label={t('plans.review')} status={reviewStatus(plan, now)} testId="plan-review" />
                <CycleMark label={t('plans.exercise')} status={exerciseStatus(plan, now)} testId="plan-exercise" />
              </span>
            </button>
          </li>
        ))}
      </ul>
      <div className="plans-examples">
        <h4>{t('plans.loadExample')}</h4>
        {ExamplePlanKeySchema.options.map((key) => (
          <button key={key} type="button" className="secondary" disabled={load.busy || !manage.allowed} title={manage.title} data-testid={`load-example-${key}`}
            onClick={() => {
              const planId = newId();
              void load.run({ planId, versionId: newId(), example: key }).then((error) => (error ? undefined : onSelect(planId)));
            }}
          >
            {exampleLabel[key](t)}
          </button>
        ))}
        {load.error ? <ErrorText error={load.error} /> : null}
      </div>
    </section>
  );
}
