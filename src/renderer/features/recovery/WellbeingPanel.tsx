import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckoutPerson } from '../../../contract/recovery-api';
import { newId } from '../../../domain/ids';
import { awaitsFollowUp, MIN_GROUP, stressZones, WellbeingNeedSchema, type StressZone, type UnitAggregate, type WellbeingCheckIn, type WellbeingNeed } from '../../../domain/recovery';
import { ErrorText } from '../../app/ErrorText';
import { formatDateTime } from '../../lib/time';
import { selectLanguage, selectTimeZone } from '../../state/selectors';
import { useApp } from '../../state/store-context';
import type { Can } from '../../state/use-can';
import { useMutation } from '../../state/use-mutation';
import { needLabel, zoneLabel } from './labels';

type Wellbeing = { mayRead: boolean; units: UnitAggregate[]; total: UnitAggregate; awaitingFollowUp: number; checkIns: WellbeingCheckIn[] };
const needs = WellbeingNeedSchema.options;

/** What command sees: people per unit by colour, small groups pooled and their colours withheld (wellbeing.ts). */
function Aggregates({ units, total }: { units: readonly UnitAggregate[]; total: UnitAggregate }) {
  const { t } = useTranslation();
  const name = (row: UnitAggregate) => row.unit ?? t('recovery.wellbeing.smallUnits', { min: MIN_GROUP });
  const cells = (row: UnitAggregate) =>
    row.zones ? stressZones.map((z) => <td key={z} className="num">{row.zones?.[z]}</td>) : <td colSpan={stressZones.length} className="muted">{t('recovery.wellbeing.withheld', { min: MIN_GROUP })}</td>;
  return (
    <table className="recovery-table" data-testid="wellbeing-aggregate">
      <thead>
        <tr>
          <th scope="col">{t('recovery.wellbeing.unit')}</th>
          <th scope="col">{t('recovery.wellbeing.people')}</th>
          {stressZones.map((z) => <th key={z} scope="col"><span className={`zone zone-${z}`} aria-hidden="true" /> {zoneLabel[z](t)}</th>)}
        </tr>
      </thead>
      <tbody>
        {units.map((row) => <tr key={row.unit ?? ''} data-testid="wellbeing-unit"><th scope="row">{name(row)}</th><td className="num">{row.people}</td>{cells(row)}</tr>)}
        <tr data-testid="wellbeing-total"><th scope="row">{t('recovery.wellbeing.total')}</th><td className="num">{total.people}</td>{cells(total)}</tr>
      </tbody>
    </table>
  );
}

function CheckInForm({ incidentId, people, write }: { incidentId: string; people: readonly CheckoutPerson[]; write: Can }) {
  const { t } = useTranslation();
  const record = useMutation('wellbeing.checkIn');
  const [person, setPerson] = useState('');
  const [unit, setUnit] = useState('');
  const [zone, setZone] = useState<StressZone | ''>('');
  const [reportedBy, setReportedBy] = useState<'self' | 'peer'>('peer');
  const [wanted, setWanted] = useState<WellbeingNeed[]>([]);
  const [contact, setContact] = useState(false);
  const [saved, setSaved] = useState(false);
  const onPerson = (name: string) => {
    setPerson(name);
    const known = people.find((p) => p.name === name);
    if (known?.unit) setUnit(known.unit);
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (zone === '') return;
    void record.run({ id: newId(), incidentId, person, unit, zone, reportedBy, needs: wanted, wantsContact: contact }).then((error) => {
      setSaved(error === null);
      if (error) return;
      setPerson('');
      setZone('');
      setWanted([]);
      setContact(false);
    });
  };
  return (
    <form className="form recovery-add" onSubmit={onSubmit} aria-label={t('recovery.wellbeing.checkIn')} data-testid="wellbeing-form">
      <label><span>{t('recovery.wellbeing.person')}</span>
        <input list="recovery-people" required maxLength={200} value={person} onChange={(e) => onPerson(e.target.value)} />
        <datalist id="recovery-people">{people.map((p) => <option key={p.name} value={p.name} />)}</datalist>
      </label>
      <label><span>{t('recovery.wellbeing.unit')}</span><input required maxLength={100} value={unit} onChange={(e) => setUnit(e.target.value)} /></label>
      <fieldset className="recovery-zones">
        <legend>{t('recovery.wellbeing.zone')}</legend>
        {stressZones.map((z) => (
          <label key={z} className={`zone-choice zone-${z}`}><input type="radio" name="zone" required value={z} checked={zone === z} onChange={() => setZone(z)} /> {zoneLabel[z](t)}</label>
        ))}
      </fieldset>
      <label><span>{t('recovery.wellbeing.reportedBy')}</span>
        <select value={reportedBy} onChange={(e) => setReportedBy(e.target.value === 'self' ? 'self' : 'peer')}>
          <option value="self">{t('recovery.wellbeing.self')}</option>
          <option value="peer">{t('recovery.wellbeing.peer')}</option>
        </select>
      </label>
      <fieldset className="recovery-needs">
        <legend>{t('recovery.wellbeing.needs')}</legend>
        {needs.map((n) => (
          <label key={n}><input type="checkbox" checked={wanted.includes(n)} onChange={(e) => setWanted((w) => (e.target.checked ? [...w, n] : w.filter((x) => x !== n)))} /> {needLabel[n](t)}</label>
        ))}
      </fieldset>
      <label className="recovery-check"><input type="checkbox" checked={contact} onChange={(e) => setContact(e.target.checked)} /> {t('recovery.wellbeing.wantsContact')}</label>
      <button type="submit" className="secondary" disabled={!write.allowed || record.busy} title={write.title}>{t('recovery.wellbeing.save')}</button>
      {saved ? <p role="status" data-testid="wellbeing-saved">{t('recovery.wellbeing.saved')}</p> : null}
      {record.error ? <ErrorText error={record.error} /> : null}
    </form>
  );
}

/** The lead's record of having followed a check-in up: what was done (a talk, a rest day, a referral). */
function FollowUpForm({ checkIn }: { checkIn: WellbeingCheckIn }) {
  const { t } = useTranslation();
  const followUp = useMutation('wellbeing.followUp');
  const [note, setNote] = useState('');
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void followUp.run({ id: checkIn.id, note }).then((error) => (error ? undefined : setNote('')));
  };
  return (
    <form className="recovery-inline" onSubmit={onSubmit} aria-label={t('recovery.wellbeing.followUpFor', { person: checkIn.person })}>
      <input required maxLength={1000} aria-label={t('recovery.wellbeing.followUpNote')} placeholder={t('recovery.wellbeing.followUpNote')} value={note} onChange={(e) => setNote(e.target.value)} />
      <button type="submit" className="secondary" disabled={followUp.busy}>{t('recovery.wellbeing.followUpSave')}</button>
      {followUp.error ? <ErrorText error={followUp.error} /> : null}
    </form>
  );
}

/**
 * Staff wellbeing (Stress First Aid). Anyone may record a check-in; only the wellbeing lead sees whose it is. The
 * aggregate is all anyone else's desk holds: the server never sends them an individual check-in.
 */
export function WellbeingPanel({ incidentId, wellbeing, people, write }: { incidentId: string; wellbeing: Wellbeing; people: readonly CheckoutPerson[]; write: Can }) {
  const { t } = useTranslation();
  const language = useApp(selectLanguage);
  const timeZone = useApp(selectTimeZone);
  return (
    <section className="panel" aria-labelledby="recovery-wellbeing-title" data-testid="recovery-wellbeing">
      <h3 id="recovery-wellbeing-title">{t('recovery.wellbeing.title')}</h3>
      <p className="muted">{wellbeing.mayRead ? t('recovery.wellbeing.leadIntro') : t('recovery.wellbeing.confidential', { min: MIN_GROUP })}</p>
      {wellbeing.total.people === 0 ? <p className="muted">{t('recovery.wellbeing.noCheckIns')}</p> : <Aggregates units={wellbeing.units} total={wellbeing.total} />}
      {wellbeing.awaitingFollowUp > 0 ? <p data-testid="wellbeing-awaiting">{t('recovery.wellbeing.awaiting', { count: wellbeing.awaitingFollowUp })}</p> : null}
      {wellbeing.mayRead ? (
        <>
          <h4>{t('recovery.wellbeing.individuals')}</h4>
          {wellbeing.checkIns.length === 0 ? <p className="muted">{t('recovery.wellbeing.noCheckIns')}</p> : (
            <ul className="recovery-checkins" data-testid="wellbeing-individuals">
              {wellbeing.checkIns.map((c) => (
                <li key={c.id} data-testid="wellbeing-checkin" data-zone={c.zone} data-awaiting={awaitsFollowUp(c)}>
                  {awaitsFollowUp(c) ? <strong className="recovery-unmet">{t('recovery.wellbeing.awaitingBadge')} · </strong> : null}
                  <span className={`zone zone-${c.zone}`} aria-hidden="true" /> <strong>{c.person}</strong> · {c.unit} · {zoneLabel[c.zone](t)} · {c.reportedBy === 'self' ? t('recovery.wellbeing.self') : t('recovery.wellbeing.peer')}
                  {c.needs.length > 0 ? <> · {c.needs.map((n) => needLabel[n](t)).join(language === 'en' ? ', ' : '、')}</> : null}
                  {c.wantsContact ? <> · <em>{t('recovery.wellbeing.wantsContact')}</em></> : null}
                  <span className="muted"> · {formatDateTime(c.at, timeZone, language)}</span>
                  {c.followUp ? <span className="recovery-sub">{t('recovery.wellbeing.followedUp', { at: formatDateTime(c.followUp.at, timeZone, language), note: c.followUp.note })}</span> : null}
                  {awaitsFollowUp(c) ? <FollowUpForm checkIn={c} /> : null}
                </li>
              ))}
            </ul>
          )}
        </>
      ) : null}
      <details className="recovery-checkin" open={wellbeing.mayRead}>
        <summary>{t('recovery.wellbeing.checkIn')}</summary>
        <CheckInForm incidentId={incidentId} people={people} write={write} />
      </details>
    </section>
  );
}
