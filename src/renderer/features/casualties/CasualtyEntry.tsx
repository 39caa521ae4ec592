import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AgeBandSchema, ArrivalModeSchema, SexSchema, type AgeBand, type ArrivalMode, type Sex } from '../../../domain/casualties/casualties';
import { TriageSystemSchema, type TriageCategory, type TriageSystem } from '../../../domain/casualties/triage';
import { ErrorText } from '../../app/ErrorText';
import { fromZonedInputValue } from '../../lib/time';
import type { UiError } from '../../lib/ui-error';
import { selectTimeZone } from '../../state/selectors';
import { useApp } from '../../state/store-context';
import { useCan } from '../../state/use-can';
import { useMutation } from '../../state/use-mutation';
import { CategoryPicker } from './CategoryPicker';
import { ageBandLabel, arrivalModeLabel, sexLabel, systemLabel } from './labels';
import { useNextTag } from './use-next-tag';

type Props = { incidentId: string; known: number; areas: readonly string[] };

/**
 * One arrival per Enter: tag (blank takes the desk's next generated number), colour, area; the rest has defaults
 * and stays as last entered, because casualties arrive in waves from one place by one mode.
 */
export function CasualtyEntry({ incidentId, known, areas }: Props) {
  const { t } = useTranslation();
  const timeZone = useApp(selectTimeZone);
  const register = useMutation('casualty.register');
  const write = useCan('incident.write');
  // A name typed here by someone without patient.identify would go to the server and never come back to this desk.
  const identify = useCan('patient.identify');
  const suggested = useNextTag(incidentId, known);
  const tagInput = useRef<HTMLInputElement>(null);
  const [tag, setTag] = useState('');
  const [category, setCategory] = useState<TriageCategory>('delayed');
  const [system, setSystem] = useState<TriageSystem>('START');
  const [sex, setSex] = useState<Sex>('unknown');
  const [ageBand, setAgeBand] = useState<AgeBand>('unknown');
  const [arrivalMode, setArrivalMode] = useState<ArrivalMode>('ambulance');
  const [area, setArea] = useState('');
  const [arrivedAt, setArrivedAt] = useState('');
  const [name, setName] = useState('');
  const [mrn, setMrn] = useState('');
  const [invalid, setInvalid] = useState<UiError | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    const tagNo = tag.trim() || suggested;
    const at = arrivedAt ? fromZonedInputValue(arrivedAt, timeZone) : undefined;
    if (!tagNo || at === null) {
      setInvalid({ code: 'invalid_request', message: 'arrival time is not a valid time', fields: ['arrivedAt'] });
      return;
    }
    setInvalid(null);
    const error = await register.run({
      incidentId, tagNo, category, system, sex, ageBand, arrivalMode, area,
      ...(at === undefined ? {} : { arrivedAt: at }),
      ...(name.trim() && identify.allowed ? { name: name.trim() } : {}),
      ...(mrn.trim() && identify.allowed ? { mrn: mrn.trim() } : {}),
    });
    if (error) return;
    setSaved(tagNo.toUpperCase());
    setTag('');
    setName('');
    setMrn('');
    setArrivedAt('');
    tagInput.current?.focus();
  };

  return (
    <form className="form casualty-entry" onSubmit={(e) => void submit(e)} data-testid="casualty-entry" aria-labelledby="casualty-entry-title">
      <h3 id="casualty-entry-title">{t('casualties.entry.title')}</h3>
      <div className="casualty-entry-row">
        <label>
          <span>{t('casualties.fields.tagNo')}</span>
          <input ref={tagInput} name="tagNo" autoComplete="off" value={tag} placeholder={suggested ?? ''} onChange={(e) => setTag(e.target.value)} aria-describedby="casualty-tag-hint" />
        </label>
        <CategoryPicker name="entry-category" value={category} onChange={setCategory} legend={t('casualties.fields.category')} />
        <label>
          <span>{t('casualties.fields.system')}</span>
          <select name="system" value={system} onChange={(e) => setSystem(TriageSystemSchema.parse(e.target.value))}>
            {TriageSystemSchema.options.map((s) => <option key={s} value={s}>{systemLabel[s](t)}</option>)}
          </select>
        </label>
        <label>
          <span>{t('casualties.fields.sex')}</span>
          <select name="sex" value={sex} onChange={(e) => setSex(SexSchema.parse(e.target.value))}>
            {SexSchema.options.map((s) => <option key={s} value={s}>{sexLabel[s](t)}</option>)}
          </select>
        </label>
        <label>
          <span>{t('casualties.fields.ageBand')}</span>
          <select name="ageBand" value={ageBand} onChange={(e) => setAgeBand(AgeBandSchema.parse(e.target.value))}>
            {AgeBandSchema.options.map((a) => <option key={a} value={a}>{ageBandLabel[a](t)}</option>)}
          </select>
        </label>
        <label>
          <span>{t('casualties.fields.arrivalMode')}</span>
          <select name="arrivalMode" value={arrivalMode} onChange={(e) => setArrivalMode(ArrivalModeSchema.parse(e.target.value))}>
            {ArrivalModeSchema.options.map((m) => <option key={m} value={m}>{arrivalModeLabel[m](t)}</option>)}
          </select>
        </label>
        <label>
          <span>{t('casualties.fields.area')}</span>
          <input name="area" required list="casualty-areas" value={area} onChange={(e) => setArea(e.target.value)} />
        </label>
        <label>
          <span>{t('casualties.fields.arrivedAt', { zone: timeZone })}</span>
          <input name="arrivedAt" type="datetime-local" value={arrivedAt} onChange={(e) => setArrivedAt(e.target.value)} />
        </label>
        <label>
          <span>{t('casualties.fields.name')}</span>
          <input name="name" autoComplete="off" value={name} onChange={(e) => setName(e.target.value)} disabled={!identify.allowed} title={identify.title} />
        </label>
        <label>
          <span>{t('casualties.fields.mrn')}</span>
          <input name="mrn" autoComplete="off" value={mrn} onChange={(e) => setMrn(e.target.value)} disabled={!identify.allowed} title={identify.title} />
        </label>
        <button type="submit" className="primary" disabled={register.busy || !write.allowed} title={write.title}>{t('casualties.entry.save')}</button>
      </div>
      <datalist id="casualty-areas">{areas.map((a) => <option key={a} value={a} />)}</datalist>
      <p className="hint" id="casualty-tag-hint">{t('casualties.entry.hint', { tag: suggested ?? '—' })}</p>
      {identify.allowed ? null : <p className="hint" data-testid="casualty-identity-locked">{t('casualties.entry.identityLocked', { whoMay: identify.whoMay })}</p>}
      {invalid ? (
        <ErrorText error={invalid} />
      ) : register.error?.code === 'already_exists' ? (
        // The one refusal an arrival desk meets often: say which tag, and that the record is there already.
        <p className="error-text" role="alert" data-testid="casualty-taken">{t('casualties.entry.taken', { tag: register.error.params?.['tagNo'] ?? '' })}</p>
      ) : register.error ? (
        <ErrorText error={register.error} />
      ) : null}
      {saved ? <p role="status" data-testid="casualty-saved">{t('casualties.entry.saved', { tag: saved })}</p> : null}
    </form>
  );
}
