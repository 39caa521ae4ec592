import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionTest, LinkablePlan } from '../../../contract/aar-api';
import { SettableActionStatusSchema, type CorrectiveAction } from '../../../domain/aar';
import { newId } from '../../../domain/ids';
import type { SectionKey } from '../../../domain/plans';
import { ErrorText } from '../../app/ErrorText';
import { formatDate, fromZonedInputValue } from '../../lib/time';
import { selectLanguage, selectTimeZone } from '../../state/selectors';
import { useApp } from '../../state/store-context';
import { useMutation } from '../../state/use-mutation';
import { ActionVerification } from './ActionVerification';
import { actionStatusLabel } from './labels';

// `verified` is shown, never picked: only a later exercise's P or S rating gives it (correctiveAction.verify).
const statuses = SettableActionStatusSchema.options;
const text = (value: { 'zh-CN': string; en: string }, language: string) => (language === 'en' ? value.en : value['zh-CN']);

function ActionRow({ action, plans, canWrite, tests }: { action: CorrectiveAction; plans: readonly LinkablePlan[]; canWrite: boolean; tests: readonly ActionTest[] }) {
  const { t } = useTranslation();
  const language = useApp(selectLanguage);
  const timeZone = useApp(selectTimeZone);
  const update = useMutation('correctiveAction.update');
  const plan = action.plan ? plans.find((p) => p.id === action.plan?.planId) : undefined;
  const section = plan?.sections.find((s) => s.key === action.plan?.section);
  return (
    <li className="aar-action" data-testid="aar-action">
      <strong>{action.action}</strong> · {action.owner} · {t('aar.dueOn', { date: formatDate(action.dueAt, timeZone, language) })}
      {plan ? <> · {plan.code} {section ? text(section.title, language) : action.plan?.section}</> : null}
      {action.revisionVersionId ? <span className="tag"> {t('aar.inRevision')}</span> : null}
      <label className="aar-action-status">
        <span className="visually-hidden">{t('aar.status')}</span>
        <select
          value={action.status}
          disabled={!canWrite || update.busy}
          aria-label={t('aar.status')}
          onChange={(e) => { const status = statuses.find((s) => s === e.target.value); if (status) void update.run({ id: action.id, status }); }}
        >
          {statuses.map((s) => <option key={s} value={s}>{actionStatusLabel[s](t)}</option>)}
          {action.status === 'verified' ? <option value="verified" disabled>{actionStatusLabel.verified(t)}</option> : null}
        </select>
      </label>
      <ActionVerification action={action} tests={tests.filter((x) => x.actionId === action.id)} />
      {update.error ? <ErrorText error={update.error} /> : null}
    </li>
  );
}

/** One area for improvement's corrective actions, and the form that adds one (owner, due date, plan section). */
export function CorrectiveActions(props: { incidentId: string; improvementId: string; actions: readonly CorrectiveAction[]; plans: readonly LinkablePlan[]; canWrite: boolean; tests: readonly ActionTest[] }) {
  const { incidentId, improvementId, actions, plans, canWrite, tests } = props;
  const { t } = useTranslation();
  const language = useApp(selectLanguage);
  const timeZone = useApp(selectTimeZone);
  const add = useMutation('correctiveAction.add');
  const [action, setAction] = useState('');
  const [owner, setOwner] = useState('');
  const [due, setDue] = useState('');
  const [planId, setPlanId] = useState('');
  const [section, setSection] = useState<SectionKey | ''>('');
  const plan = plans.find((p) => p.id === planId);
  const onAdd = (event: FormEvent) => {
    event.preventDefault();
    // A due date is a day: the end of that working day in the hospital's zone.
    const dueAt = fromZonedInputValue(`${due}T17:00`, timeZone);
    if (dueAt === null) return;
    const link = plan && section !== '' ? { plan: { planId: plan.id, section } } : {};
    void add.run({ id: newId(), incidentId, improvementId, action, owner, dueAt, ...link }).then((error) => {
      if (error) return;
      setAction('');
      setOwner('');
    });
  };
  return (
    <div className="aar-actions">
      {actions.length > 0 ? <ul>{actions.map((a) => <ActionRow key={a.id} action={a} plans={plans} canWrite={canWrite} tests={tests} />)}</ul> : null}
      {canWrite ? (
        <details className="aar-add-action">
          <summary>{t('aar.addAction')}</summary>
          <form className="form aar-action-form" onSubmit={onAdd} aria-label={t('aar.addAction')}>
            <label><span>{t('aar.action')}</span><input name="action" required maxLength={1000} value={action} onChange={(e) => setAction(e.target.value)} /></label>
            <label><span>{t('aar.owner')}</span><input name="owner" required maxLength={200} value={owner} onChange={(e) => setOwner(e.target.value)} /></label>
            <label><span>{t('aar.due')}</span><input name="due" type="date" required value={due} onChange={(e) => setDue(e.target.value)} /></label>
            <label>
              <span>{t('aar.plan')}</span>
              <select name="plan" value={planId} onChange={(e) => { setPlanId(e.target.value); setSection(''); }}>
                <option value="">{t('aar.noPlan')}</option>
                {plans.map((p) => <option key={p.id} value={p.id}>{p.code} {text(p.title, language)}</option>)}
              </select>
            </label>
            {plan ? (
              <label>
                <span>{t('aar.section')}</span>
                <select name="section" required value={section} onChange={(e) => setSection(plan.sections.find((s) => s.key === e.target.value)?.key ?? '')}>
                  <option value="" disabled>—</option>
                  {plan.sections.map((s) => <option key={s.key} value={s.key}>{text(s.title, language)}</option>)}
                </select>
              </label>
            ) : null}
            <button type="submit" className="primary" disabled={add.busy}>{t('aar.add')}</button>
          </form>
          {add.error ? <ErrorText error={add.error} /> : null}
        </details>
      ) : null}
    </div>
  );
}
