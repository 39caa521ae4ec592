import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ResponseLevelSchema, type Incident, type ResponseLevel } from '../../../domain/incidents/incident';
import { ErrorText } from '../../app/ErrorText';
import { incidentStanding } from '../../app/incident-standing';
import { levelNameKey } from '../../i18n/keys';
import { useCan } from '../../state/use-can';
import { useMutation } from '../../state/use-mutation';

/** Rename and change level of the current incident; keyed by incident id so switching resets the fields. */
export function IncidentControls({ incident }: { incident: Incident }) {
  const { t } = useTranslation();
  const [name, setName] = useState(incident.name);
  const [level, setLevelChoice] = useState<ResponseLevel>(incident.level);
  const [reason, setReason] = useState('');
  const renaming = useMutation('incident.rename');
  const levelling = useMutation('incident.setLevel');
  // A closed incident refuses every change; say so here rather than after a click.
  const closed = incidentStanding(incident).state === 'closed';
  const write = useCan('incident.write');
  const command = useCan('incident.command');

  const submitName = (event: FormEvent) => {
    event.preventDefault();
    void renaming.run({ id: incident.id, name });
  };
  const submitLevel = async (event: FormEvent) => {
    event.preventDefault();
    if (!(await levelling.run({ id: incident.id, level, reason }))) setReason('');
  };

  return (
    <section className="panel" aria-labelledby="controls-title" data-testid="incident-controls">
      <h2 id="controls-title">{t('controls.title')}</h2>
      <form className="form" onSubmit={submitName}>
        <fieldset disabled={closed}>
          <legend>{t('controls.renameLegend')}</legend>
          <label>
            <span>{t('controls.newName')}</span>
            <input name="newName" required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
          </label>
          {renaming.error ? <ErrorText error={renaming.error} /> : null}
          <button type="submit" disabled={!write.allowed || renaming.busy} title={write.title}>{t('controls.rename')}</button>
        </fieldset>
      </form>
      <form className="form" onSubmit={(e) => void submitLevel(e)}>
        <fieldset disabled={closed}>
          <legend>{t('controls.levelLegend')}</legend>
          <label>
            <span>{t('controls.newLevel')}</span>
            <select name="newLevel" value={level} onChange={(e) => setLevelChoice(ResponseLevelSchema.parse(e.target.value))}>
              {ResponseLevelSchema.options.map((option) => (
                <option key={option} value={option}>{t(levelNameKey(option))}</option>
              ))}
            </select>
          </label>
          <label>
            <span>{t('controls.reason')}</span>
            <input name="reason" maxLength={500} value={reason} placeholder={t('controls.reasonPlaceholder')} onChange={(e) => setReason(e.target.value)} />
          </label>
          {levelling.error ? <ErrorText error={levelling.error} /> : null}
          <button type="submit" disabled={!command.allowed || levelling.busy} title={command.title} data-testid="apply-level">{t('controls.applyLevel')}</button>
        </fieldset>
      </form>
    </section>
  );
}
