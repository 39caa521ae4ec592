import { useTranslation } from 'react-i18next';
import { trainingCode, type PlanReadiness, type ReadinessPart, type ReadinessPartKey } from '../../../domain/plans';
import { useNow } from '../../app/use-now';
import { selectLanguage } from '../../state/selectors';
import { useApp } from '../../state/store-context';
import { useLive } from '../../state/use-live';
import { phaseLabel } from './labels';
import { planText } from './plan-text';
import { positionLabel } from './positions';
import { noteText, partAction, partLabel, scoreBand } from './readiness-labels';

const HOUR = 3_600_000;
const partKeys: readonly ReadinessPartKey[] = ['currency', 'exercise', 'training', 'reserves'];

function Score({ score, testId }: { score: number; testId: string }) {
  return <span className={`readiness-score readiness-${scoreBand(score)}`} data-testid={testId} data-score={score}>{score}</span>;
}

/** One part of one plan: its score in colour, its reason on hover and on opening, the facts, and where to raise it. */
function PartCell({ part, onRaise }: { part: ReadinessPart; onRaise: () => void }) {
  const { t } = useTranslation();
  const language = useApp(selectLanguage);
  const reason = noteText(part.reason, t, language);
  return (
    <details className="readiness-part" data-testid={`readiness-${part.key}`} data-score={part.score}>
      <summary title={reason}>
        <Score score={part.score} testId={`readiness-${part.key}-score`} />
        <span className="readiness-reason">{reason}</span>
      </summary>
      {part.facts.length > 0 ? (
        <ul className="readiness-facts">
          {part.facts.map((fact, i) => <li key={i}>{noteText(fact, t, language)}</li>)}
        </ul>
      ) : null}
      <button type="button" className="secondary" onClick={onRaise} data-testid={`readiness-raise-${part.key}`}>{partAction[part.key](t)}</button>
    </details>
  );
}

function Todo({ plan }: { plan: PlanReadiness }) {
  const { t } = useTranslation();
  const language = useApp(selectLanguage);
  if (plan.todo.length === 0) return null;
  return (
    <details className="readiness-todo">
      <summary>{t('plans.readiness.todo', { count: plan.todo.length })}</summary>
      <ul>
        {plan.todo.map((item) => (
          <li key={item.id}>
            <span className="plans-from-level">{phaseLabel[item.phase](t)}</span> {positionLabel(item.positionId, language)}: {planText(item.text, language)}
          </li>
        ))}
      </ul>
    </details>
  );
}

/**
 * The readiness dashboard: every active plan's score and its four parts, the plan most in need first. Each part
 * opens to what it was computed from and a button to the screen where it is raised.
 */
export function ReadinessView({ onOpenPlan }: { onOpenPlan: (planId: string) => void }) {
  const { t } = useTranslation();
  const language = useApp(selectLanguage);
  const navigate = useApp((s) => s.navigate);
  // Review and exercise clocks run out with time alone: a new hour is a new read.
  const hour = Math.floor(useNow(HOUR) / HOUR) * HOUR;
  const plans = useLive('plans.readiness', { at: hour }).data?.plans ?? [];
  const raise = (planId: string, key: ReadinessPartKey) => {
    if (key === 'training') navigate('roster');
    else if (key === 'reserves') navigate('resources');
    else onOpenPlan(planId);
  };
  return (
    <section className="panel plans-readiness" aria-labelledby="readiness-title" data-testid="plan-readiness">
      <h3 id="readiness-title">{t('plans.readiness.title')}</h3>
      <p className="muted">{t('plans.readiness.how')}</p>
      <p className="muted">{t('plans.readiness.codeHint', { example: trainingCode('ops.medical-care.casualty-care') })}</p>
      {plans.length === 0 ? <p className="muted">{t('plans.readiness.empty')}</p> : (
        <table className="readiness-table">
          <thead>
            <tr>
              <th scope="col">{t('plans.readiness.plan')}</th>
              <th scope="col">{t('plans.readiness.score')}</th>
              {partKeys.map((key) => <th key={key} scope="col">{partLabel[key](t)}</th>)}
            </tr>
          </thead>
          <tbody>
            {plans.map((plan) => (
              <tr key={plan.planId} data-testid="readiness-row" data-code={plan.code}>
                <th scope="row">
                  <button type="button" className="readiness-plan" onClick={() => onOpenPlan(plan.planId)}>{planText(plan.title, language)}</button>
                  <span className="muted"> {plan.code}</span>
                  <Todo plan={plan} />
                </th>
                <td data-label={t('plans.readiness.score')}><Score score={plan.score} testId="readiness-overall" /></td>
                {plan.parts.map((part) => (
                  <td key={part.key} data-label={partLabel[part.key](t)}>
                    <PartCell part={part} onRaise={() => raise(plan.planId, part.key)} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
