import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { IncidentTypeSchema, ResponseLevelSchema, type IncidentType, type ResponseLevel } from '../../../domain/incidents/incident';
import { ErrorText } from '../../app/ErrorText';
import { incidentTypeKey, levelNameKey } from '../../i18n/keys';
import { toZonedInputValue } from '../../lib/time';
import { selectTimeZone } from '../../state/selectors';
import { useApp } from '../../state/store-context';
import { newId } from '../../../domain/ids';
import { fromZonedInputValue } from '../../lib/time';
import type { UiError } from '../../lib/ui-error';
import { useCan } from '../../state/use-can';
import { useMutation } from '../../state/use-mutation';

export function DeclareIncidentForm() {
  const { t } = useTranslation();
  const timeZone = useApp(selectTimeZone);
  const declare = useMutation('incident.declare');
  const command = useCan('incident.command');
  const choose = useMutation('settings.update');
  const focusRequest = useApp((s) => s.declareFocusRequest);
  const nameRef = useRef<HTMLInputElement>(null);
  const [name, setName] = useState('');
  const [type, setType] = useState<IncidentType>('mass_casualty');
  const [level, setLevel] = useState<ResponseLevel>('III');
  const [location, setLocation] = useState('');
  const [discoveredAt, setDiscoveredAt] = useState(() => toZonedInputValue(Date.now(), timeZone));
  const [declaredName, setDeclaredName] = useState('');
  const [invalid, setInvalid] = useState<UiError | null>(null);
  const busy = declare.busy || choose.busy;
  const error = invalid ?? declare.error ?? choose.error;

  useEffect(() => {
    if (focusRequest > 0) nameRef.current?.focus();
  }, [focusRequest]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const at = fromZonedInputValue(discoveredAt, timeZone);
    setInvalid(at === null ? { code: 'invalid_request', message: 'discovery time is not a valid time', fields: ['discoveredAt'] } : null);
    if (at === null) return;
    const id = newId();
    // The incident just declared is the one the room is now working on: declaring marks it current for the desks
    // that follow the command post, and this desk follows it too.
    if (!(await declare.run({ id, name, type, level, location, discoveredAt: at })) && !(await choose.run({ currentIncidentId: id, followCommandPost: true }))) {
      setDeclaredName(name);
      setName('');
      setLocation('');
    }
  };

  return (
    <section className="panel" aria-labelledby="declare-title">
      <h2 id="declare-title">{t('declare.title')}</h2>
      <form className="form" onSubmit={(e) => void submit(e)} data-testid="declare-form">
        <label>
          <span>{t('declare.name')}</span>
          <input ref={nameRef} name="name" required maxLength={200} value={name} placeholder={t('declare.namePlaceholder')} onChange={(e) => setName(e.target.value)} />
        </label>
        <label>
          <span>{t('declare.type')}</span>
          <select name="type" value={type} onChange={(e) => setType(IncidentTypeSchema.parse(e.target.value))}>
            {IncidentTypeSchema.options.map((option) => (
              <option key={option} value={option}>{t(incidentTypeKey(option))}</option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('declare.level')}</span>
          <select name="level" value={level} onChange={(e) => setLevel(ResponseLevelSchema.parse(e.target.value))}>
            {ResponseLevelSchema.options.map((option) => (
              <option key={option} value={option}>{t(levelNameKey(option))}</option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('declare.location')}</span>
          <input name="location" maxLength={200} value={location} placeholder={t('declare.locationPlaceholder')} onChange={(e) => setLocation(e.target.value)} />
        </label>
        <label>
          <span>{t('declare.discoveredAt', { zone: timeZone })}</span>
          <input name="discoveredAt" type="datetime-local" required value={discoveredAt} onChange={(e) => setDiscoveredAt(e.target.value)} />
        </label>
        {error ? <ErrorText error={error} /> : null}
        <button type="submit" className="primary" disabled={busy || !command.allowed} title={command.title} data-testid="declare-submit">{busy ? t('declare.submitting') : t('declare.submit')}</button>
        {declaredName && !error ? <p className="ok" role="status">{t('declare.done', { name: declaredName })}</p> : null}
      </form>
    </section>
  );
}
