import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AgeBandSchema, CasualtySchema, DispositionCodeSchema, SexSchema, type Casualty, type DispositionCode } from '../../../domain/casualties/casualties';
import { TriageSystemSchema, type TriageCategory, type TriageSystem } from '../../../domain/casualties/triage';
import { ActorName } from '../../app/ActorName';
import { ErrorText } from '../../app/ErrorText';
import { formatDateTime } from '../../lib/time';
import { selectLanguage, selectTimeZone } from '../../state/selectors';
import { useApp } from '../../state/store-context';
import { useMutation } from '../../state/use-mutation';
import { CategoryPicker } from './CategoryPicker';
import { ageBandLabel, categoryLabel, dispositionLabel, identificationLabel, sexLabel, systemLabel } from './labels';

function TriageHistory({ casualty }: { casualty: Casualty }) {
  const { t } = useTranslation();
  const timeZone = useApp(selectTimeZone);
  const locale = useApp(selectLanguage);
  // Oldest first, the current decision last: the order in which the patient was judged.
  const records = [...casualty.retriage, casualty.triage];
  return (
    <ol className="casualty-history" data-testid="casualty-history" aria-label={t('casualties.detail.history')}>
      {records.map((r, i) => (
        <li key={`${r.at}-${i}`} data-category={r.category} data-current={i === records.length - 1 ? 'true' : 'false'}>
          <span className={`triage-chip triage-${r.category}`} aria-hidden="true" />
          <strong>{categoryLabel[r.category](t)}</strong>
          <span className="dim">{systemLabel[r.system](t)}</span>
          <time>{formatDateTime(r.at, timeZone, locale)}</time>
          <ActorName id={r.by} />
        </li>
      ))}
    </ol>
  );
}

function Retriage({ casualty }: { casualty: Casualty }) {
  const { t } = useTranslation();
  const retriage = useMutation('casualty.retriage');
  const [category, setCategory] = useState<TriageCategory>(casualty.triage.category);
  const [system, setSystem] = useState<TriageSystem>(casualty.triage.system);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void retriage.run({ id: casualty.id, category, system });
  };
  const unchanged = category === casualty.triage.category && system === casualty.triage.system;
  return (
    <form className="form casualty-retriage" onSubmit={submit} data-testid="casualty-retriage">
      <CategoryPicker name="retriage-category" value={category} onChange={setCategory} legend={t('casualties.detail.newCategory')} />
      <label>
        <span>{t('casualties.fields.system')}</span>
        <select name="system" value={system} onChange={(e) => setSystem(TriageSystemSchema.parse(e.target.value))}>
          {TriageSystemSchema.options.map((s) => <option key={s} value={s}>{systemLabel[s](t)}</option>)}
        </select>
      </label>
      <button type="submit" className="primary" disabled={retriage.busy || unchanged}>{t('casualties.detail.retriage')}</button>
      {retriage.error ? <ErrorText error={retriage.error} /> : null}
    </form>
  );
}

function Disposition({ casualty }: { casualty: Casualty }) {
  const { t } = useTranslation();
  const dispose = useMutation('casualty.dispose');
  const [code, setCode] = useState<DispositionCode>(casualty.disposition?.code ?? 'admitted');
  const [destination, setDestination] = useState(casualty.disposition?.destination ?? '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void dispose.run({ id: casualty.id, code, ...(destination.trim() ? { destination: destination.trim() } : {}) });
  };
  return (
    <form className="form casualty-dispose" onSubmit={submit} data-testid="casualty-dispose">
      <label>
        <span>{t('casualties.fields.disposition')}</span>
        <select name="disposition" value={code} onChange={(e) => setCode(DispositionCodeSchema.parse(e.target.value))}>
          {DispositionCodeSchema.options.map((c) => <option key={c} value={c}>{dispositionLabel[c](t)}</option>)}
        </select>
      </label>
      <label>
        <span>{code === 'transferred' ? t('casualties.detail.receivingHospital') : t('casualties.detail.destination')}</span>
        <input name="destination" value={destination} required={code === 'transferred'} onChange={(e) => setDestination(e.target.value)} />
      </label>
      <button type="submit" className="primary" disabled={dispose.busy}>{t('casualties.detail.dispose')}</button>
      {dispose.error ? <ErrorText error={dispose.error} /> : null}
    </form>
  );
}

/** What the desk may learn later; name and record number only if the user chooses to record them. */
function Identity({ casualty, mayIdentify }: { casualty: Casualty; mayIdentify: boolean }) {
  const { t } = useTranslation();
  const update = useMutation('casualty.update');
  const [name, setName] = useState(casualty.name ?? '');
  const [mrn, setMrn] = useState(casualty.mrn ?? '');
  const [alias, setAlias] = useState(casualty.alias ?? '');
  const [description, setDescription] = useState(casualty.description ?? '');
  const [sex, setSex] = useState(casualty.sex);
  const [ageBand, setAgeBand] = useState(casualty.ageBand);
  const [area, setArea] = useState(casualty.area);
  const [identification, setIdentification] = useState(casualty.identification);
  const [unaccompaniedMinor, setUnaccompanied] = useState(casualty.unaccompaniedMinor);
  const [guardianVerified, setGuardian] = useState(casualty.guardianVerified);
  const [familyNotified, setFamily] = useState(casualty.familyNotified);
  const [saved, setSaved] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const error = await update.run({
      id: casualty.id, sex, ageBand, area, identification, unaccompaniedMinor, guardianVerified, familyNotified,
      // Sent when filled or when there was one: emptying the field takes a name entered by mistake off the record.
      ...(name.trim() || casualty.name ? { name: name.trim() } : {}),
      ...(mrn.trim() || casualty.mrn ? { mrn: mrn.trim() } : {}),
      ...(alias.trim() || casualty.alias ? { alias: alias.trim() } : {}),
      ...(description.trim() || casualty.description ? { description: description.trim() } : {}),
    });
    setSaved(!error);
  };
  const flag = (label: string, value: boolean, set: (v: boolean) => void, name: string) => (
    <label className="casualty-flag">
      <input type="checkbox" name={name} checked={value} onChange={(e) => set(e.target.checked)} />
      <span>{label}</span>
    </label>
  );
  return (
    <form className="form casualty-identity" onSubmit={(e) => void submit(e)} data-testid="casualty-identity">
      <div className="casualty-identity-fields">
        {/* Without patient.identify the desk holds no name to show or correct: the fields would only mislead. */}
        {mayIdentify ? (
          <>
            <label><span>{t('casualties.fields.name')}</span><input name="name" autoComplete="off" value={name} onChange={(e) => setName(e.target.value)} /></label>
            <label><span>{t('casualties.fields.mrn')}</span><input name="mrn" autoComplete="off" value={mrn} onChange={(e) => setMrn(e.target.value)} /></label>
          </>
        ) : <p className="dim" data-testid="casualty-identity-hidden">{t('casualties.detail.identityHidden')}</p>}
        <label><span>{t('casualties.fields.alias')}</span><input name="alias" autoComplete="off" value={alias} onChange={(e) => setAlias(e.target.value)} /></label>
        <label><span>{t('casualties.fields.description')}</span><input name="description" autoComplete="off" value={description} onChange={(e) => setDescription(e.target.value)} /></label>
        <label>
          <span>{t('casualties.fields.identification')}</span>
          <select name="identification" value={identification} onChange={(e) => setIdentification(CasualtySchema.shape.identification.parse(e.target.value))}>
            {(['unidentified', 'tentative', 'confirmed'] as const).map((v) => <option key={v} value={v}>{identificationLabel[v](t)}</option>)}
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
        <label><span>{t('casualties.fields.area')}</span><input name="area" required value={area} onChange={(e) => setArea(e.target.value)} /></label>
      </div>
      <div className="casualty-flags">
        {flag(t('casualties.fields.unaccompaniedMinor'), unaccompaniedMinor, setUnaccompanied, 'unaccompaniedMinor')}
        {flag(t('casualties.fields.guardianVerified'), guardianVerified, setGuardian, 'guardianVerified')}
        {flag(t('casualties.fields.familyNotified'), familyNotified, setFamily, 'familyNotified')}
      </div>
      <button type="submit" className="secondary" disabled={update.busy}>{t('casualties.detail.saveIdentity')}</button>
      {update.error ? <ErrorText error={update.error} /> : null}
      {saved ? <p role="status">{t('casualties.detail.identitySaved')}</p> : null}
    </form>
  );
}

/** One casualty: its triage history with a new decision, where it went, and who it is if the desk knows. */
export function CasualtyDetail({ casualty, mayIdentify, onClose }: { casualty: Casualty; mayIdentify: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const timeZone = useApp(selectTimeZone);
  const locale = useApp(selectLanguage);
  return (
    <section className="panel casualty-detail" data-testid="casualty-detail" data-tag={casualty.tagNo} data-category={casualty.triage.category} data-disposition={casualty.disposition?.code ?? 'in_care'} aria-labelledby="casualty-detail-title">
      <div className="casualty-detail-head">
        <h3 id="casualty-detail-title">{t('casualties.detail.title', { tag: casualty.tagNo })}</h3>
        <span className={`triage-badge triage-${casualty.triage.category}`}>{categoryLabel[casualty.triage.category](t)}</span>
        <span data-testid="casualty-disposition">
          {dispositionLabel[casualty.disposition?.code ?? 'in_care'](t)}
          {casualty.disposition?.destination ? ` — ${casualty.disposition.destination}` : ''}
          {casualty.disposition ? ` (${formatDateTime(casualty.disposition.at, timeZone, locale)})` : ''}
        </span>
        <button type="button" className="secondary" onClick={onClose}>{t('casualties.detail.close')}</button>
      </div>
      <div className="casualty-detail-body">
        <div>
          <h4>{t('casualties.detail.history')}</h4>
          <TriageHistory casualty={casualty} />
          <Retriage key={`${casualty.id}-${casualty.triage.at}`} casualty={casualty} />
        </div>
        <div>
          <h4>{t('casualties.detail.disposition')}</h4>
          <Disposition key={casualty.id} casualty={casualty} />
        </div>
        <div>
          <h4>{t('casualties.detail.identity')}</h4>
          <Identity key={casualty.id} casualty={casualty} mayIdentify={mayIdentify} />
        </div>
      </div>
    </section>
  );
}
