import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Plan, PlanVersion } from '../../../domain/plans';
import { ErrorText } from '../../app/ErrorText';
import { selectCurrentIncident } from '../../state/selectors';
import { useApp } from '../../state/store-context';
import { useLive } from '../../state/use-live';
import { useCan, useHoldsRole } from '../../state/use-can';
import { useMutation } from '../../state/use-mutation';

/** What can be done with the version shown: submit a draft, approve one in review, activate the one in force. */
export function PlanActions({ plan, version }: { plan: Plan; version: PlanVersion }) {
  const { t } = useTranslation();
  const submit = useMutation('plan.submitForReview');
  const approve = useMutation('plan.approve');
  const activate = useMutation('plan.activate');
  const manage = useCan('plan.manage');
  const approver = useHoldsRole(plan.approverRole);
  const command = useCan('incident.command');
  const incident = useApp(selectCurrentIncident);
  const active = useLive('plans.incident', incident ? { incidentId: incident.id } : null).data?.plans.some((p) => p.plan.id === plan.id) ?? false;
  const [name, setName] = useState('');
  const onApprove = (event: FormEvent) => {
    event.preventDefault();
    void approve.run({ versionId: version.id, name }).then((error) => (error ? undefined : setName('')));
  };
  const error = submit.error ?? approve.error ?? activate.error;
  return (
    <div className="plans-actions" data-testid="plan-actions">
      {version.status === 'draft' ? (
        <button type="button" className="secondary" disabled={submit.busy || !manage.allowed} title={manage.title} onClick={() => void submit.run({ versionId: version.id })} data-testid="plan-submit">{t('plans.actions.submit')}</button>
      ) : null}
      {version.status === 'in_review' ? (
        <form className="form plans-approve" onSubmit={onApprove}>
          <label>
            <span>{t('plans.actions.approverName')}</span>
            <input name="approver" required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />
          </label>
          <button type="submit" className="primary" disabled={approve.busy || !approver.allowed} title={approver.title} data-testid="plan-approve">{t('plans.actions.approve')}</button>
        </form>
      ) : null}
      {version.id === plan.currentVersionId ? (
        incident === null ? (
          <p className="muted">{t('plans.actions.noIncident')}</p>
        ) : active ? (
          <p className="plans-active" data-testid="plan-active">{t('plans.actions.activeOn', { incident: incident.name })}</p>
        ) : (
          <button type="button" className="primary" disabled={activate.busy || !command.allowed} title={command.title} onClick={() => void activate.run({ incidentId: incident.id, planId: plan.id })} data-testid="plan-activate">
            {t('plans.actions.activate')}
          </button>
        )
      ) : null}
      {error ? <ErrorText error={error} /> : null}
    </div>
  );
}
