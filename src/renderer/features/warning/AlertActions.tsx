import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCAL_OPERATOR_ID } from '../../../contract/directory';
import { newId } from '../../../domain/ids';
import type { Alert } from '../../../domain/warning/alerts';
import { gradeResponseLevel } from '../../../domain/warning/warning-grades';
import { ErrorText } from '../../app/ErrorText';
import { LevelBadge } from '../../app/LevelBadge';
import { incidentTypeKey } from '../../i18n/keys';
import type { UiError } from '../../lib/ui-error';
import { useApp } from '../../state/store-context';
import { useCan } from '../../state/use-can';
import { useMutation } from '../../state/use-mutation';
import { useMyUserId } from '../board';
import { IncidentClock } from './IncidentClock';

/** Who the check can go to: the people of this space, the duty officer at this desk first. */
function AssigneeSelect({ value, onChange, disabled }: { value: string; onChange: (id: string) => void; disabled: boolean }) {
  const { t } = useTranslation();
  const me = useMyUserId() ?? LOCAL_OPERATOR_ID;
  const people = useApp((s) => s.directory).filter((u) => u.granted && u.id !== me);
  return (
    <label>
      <span>{t('warning.actions.assignee')}</span>
      <select name="assignee" value={value || me} onChange={(e) => onChange(e.target.value)} disabled={disabled}>
        <option value={me}>{t('warning.actions.me')}</option>
        {people.map((u) => (
          <option key={u.id} value={u.id}>{u.displayName || u.username}</option>
        ))}
      </select>
    </label>
  );
}

type NoteFormProps = {
  label: string;
  submitLabel: string;
  name: string;
  onSubmit: (note: string) => Promise<UiError | null>;
  busy: boolean;
  /** Who may, when this user may not: the form is then off, its button saying so. */
  denied: string | undefined;
};

function NoteForm({ label, submitLabel, name, onSubmit, busy, denied }: NoteFormProps) {
  const [note, setNote] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void onSubmit(note).then((error) => (error ? undefined : setNote('')));
  };
  return (
    <form className="form warning-note-form" onSubmit={submit}>
      <label>
        <span>{label}</span>
        <input name={name} required maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} disabled={denied !== undefined} />
      </label>
      <button type="submit" className="secondary" disabled={busy || denied !== undefined} title={denied}>{submitLabel}</button>
    </form>
  );
}

function OpenIncidentForm({ alert }: { alert: Alert }) {
  const { t } = useTranslation();
  const open = useMutation('alert.openIncident');
  const command = useCan('incident.command');
  const choose = useMutation('settings.update');
  const [name, setName] = useState(() => t('warning.actions.incidentName', { group: alert.group }));
  const [location, setLocation] = useState('');
  const level = gradeResponseLevel[alert.grade];
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const incidentId = newId();
    // The incident opened from the alert is the one the room now works on: its clock shows in the header.
    if (!(await open.run({ id: alert.id, incidentId, name, location }))) await choose.run({ currentIncidentId: incidentId, followCommandPost: true });
  };
  return (
    <form className="form warning-open-incident" onSubmit={(e) => void submit(e)} data-testid="warning-open-incident">
      <p>
        {t('warning.actions.prefilled')} {t(incidentTypeKey(alert.suggestedIncidentType))} · <LevelBadge level={level} />
      </p>
      <label>
        <span>{t('warning.actions.incidentNameLabel')}</span>
        <input name="incidentName" required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <label>
        <span>{t('warning.actions.location')}</span>
        <input name="location" maxLength={200} value={location} onChange={(e) => setLocation(e.target.value)} />
      </label>
      <button type="submit" className="primary" disabled={open.busy || !command.allowed} title={command.title}>{t('warning.actions.openIncident')}</button>
      {open.error ? <ErrorText error={open.error} /> : null}
    </form>
  );
}

/** What can be done with the alert in its state: acknowledge, assign, verify, dismiss with reason, open the incident. */
export function AlertActions({ alert }: { alert: Alert }) {
  const { t } = useTranslation();
  const acknowledge = useMutation('alert.acknowledge');
  const assign = useMutation('alert.assign');
  const verify = useMutation('alert.verify');
  const dismiss = useMutation('alert.dismiss');
  // Acknowledging, assigning, verifying and dismissing are incident.write on the server.
  const write = useCan('incident.write');
  const [assignee, setAssignee] = useState('');
  const error = acknowledge.error ?? assign.error ?? verify.error ?? dismiss.error;
  const canDismiss = alert.status === 'new' || alert.status === 'checking' || alert.status === 'verified';
  return (
    <div className="warning-actions" data-testid="warning-actions">
      {alert.status === 'new' || alert.status === 'checking' ? <AssigneeSelect value={assignee} onChange={setAssignee} disabled={!write.allowed} /> : null}
      {alert.status === 'new' ? (
        <button type="button" className="primary" disabled={acknowledge.busy || !write.allowed} title={write.title} onClick={() => void acknowledge.run({ id: alert.id, ...(assignee ? { assignee } : {}) })}>
          {t('warning.actions.acknowledge')}
        </button>
      ) : null}
      {alert.status === 'checking' ? (
        <>
          <button type="button" className="secondary" disabled={assign.busy || !assignee || !write.allowed} title={write.title} onClick={() => void assign.run({ id: alert.id, assignee })}>{t('warning.actions.assign')}</button>
          <NoteForm name="verifyNote" label={t('warning.actions.verifyNote')} submitLabel={t('warning.actions.verify')} busy={verify.busy} denied={write.title} onSubmit={(note) => verify.run({ id: alert.id, note })} />
        </>
      ) : null}
      {alert.status === 'verified' ? <OpenIncidentForm alert={alert} /> : null}
      {canDismiss ? <NoteForm name="dismissReason" label={t('warning.actions.dismissReason')} submitLabel={t('warning.actions.dismiss')} busy={dismiss.busy} denied={write.title} onSubmit={(reason) => dismiss.run({ id: alert.id, reason })} /> : null}
      {alert.incidentId ? <IncidentClock incidentId={alert.incidentId} /> : null}
      {error ? <ErrorText error={error} /> : null}
    </div>
  );
}
