import { useTranslation } from 'react-i18next';
import { formatDate } from '../../lib/time';
import { selectLanguage, selectTimeZone } from '../../state/selectors';
import { useApp } from '../../state/store-context';
import { useLive } from '../../state/use-live';
import { actionStatusLabel } from './labels';

/**
 * The corrective actions that change one plan, from whichever incident's AAR. With `closes`, only those a
 * revision names (what the version shows it closes). With `onPick`, the open ones not taken up by a revision
 * yet, as checkboxes, for the revision being started.
 */
export function PlanCorrectiveActions(props: { planId: string; closes?: readonly string[]; picked?: readonly string[]; onPick?: (ids: string[]) => void }) {
  const { planId, closes, picked = [], onPick } = props;
  const { t } = useTranslation();
  const timeZone = useApp(selectTimeZone);
  const language = useApp(selectLanguage);
  const all = useLive('correctiveAction.list', { planId }).data?.actions ?? [];
  const shown = closes ? all.filter((a) => closes.includes(a.action.id)) : onPick ? all.filter((a) => a.action.status !== 'done' && a.action.revisionVersionId === undefined) : all;
  if (closes && closes.length === 0) return null;
  if (onPick && shown.length === 0) return null;
  const title = closes ? t('aar.plans.closes') : onPick ? t('aar.plans.closesPick') : t('aar.plans.title');
  return (
    <section className="plans-block plans-corrective" aria-label={title} data-testid={closes ? 'plan-closes' : onPick ? 'plan-closes-pick' : 'plan-corrective-actions'}>
      <h4>{title}</h4>
      {shown.length === 0 ? <p className="muted">{t('aar.plans.empty')}</p> : null}
      <ul>
        {shown.map(({ action, incidentName, improvement }) => {
          const line = (
            <>
              <strong>{action.action}</strong> · {action.owner} · {t('aar.dueOn', { date: formatDate(action.dueAt, timeZone, language) })} · {actionStatusLabel[action.status](t)}
              <span className="muted"> · {t('aar.plans.from', { incident: incidentName, improvement })}</span>
            </>
          );
          return (
            <li key={action.id} data-testid="plan-corrective-action">
              {onPick ? (
                <label>
                  <input
                    type="checkbox"
                    checked={picked.includes(action.id)}
                    onChange={(e) => onPick(e.target.checked ? [...picked, action.id] : picked.filter((id) => id !== action.id))}
                  />{' '}
                  {line}
                </label>
              ) : line}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
