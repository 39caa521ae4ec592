import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { hicsPositions } from '../../../domain/hics';
import { newId } from '../../../domain/ids';
import type { Incident } from '../../../domain/incidents/incident';
import { activeAssignments, isCheckedIn, timesheet, wellbeing } from '../../../domain/roster/labour-pool';
import { doubleBookings } from '../../../domain/roster/labour-pool-conflicts';
import { defaultRosterRules } from '../../../domain/roster/roster';
import type { Staff } from '../../../domain/roster/staff';
import { ErrorText } from '../../app/ErrorText';
import { formatDateTime } from '../../lib/time';
import type { UiError } from '../../lib/ui-error';
import { selectCurrentIncident, selectLanguage, selectTimeZone } from '../../state/selectors';
import { useApp } from '../../state/store-context';
import { useCan } from '../../state/use-can';
import { useProfessionLabels, useStaffFieldLabels } from './labels';
import { WalkInForm } from './WalkInForm';
import { useLive } from '../../state/use-live';
import { useMutation } from '../../state/use-mutation';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The labour pool of the current incident: check-in, assignment to HICS positions or tasks, hours and wellbeing. */
export function LabourPool({ staff, now }: { staff: readonly Staff[]; now: number }) {
  const { t } = useTranslation();
  const incident = useApp(selectCurrentIncident);
  if (!incident) return <p className="muted panel" data-testid="pool-no-incident">{t('roster.pool.noIncident')}</p>;
  return <PoolForIncident key={incident.id} incident={incident} staff={staff} now={now} />;
}

function PoolForIncident({ incident, staff, now }: { incident: Incident; staff: readonly Staff[]; now: number }) {
  const { t } = useTranslation();
  const timeZone = useApp(selectTimeZone);
  const language = useApp(selectLanguage);
  const labels = useProfessionLabels();
  const fieldLabels = useStaffFieldLabels();
  const checkInStaff = useMutation('pool.checkIn').run;
  const assignStaff = useMutation('pool.assign').run;
  const checkOut = useMutation('pool.checkOut').run;
  const write = useCan('incident.write');
  const pool = useLive('roster.pool', { incidentId: incident.id });
  // The tasks a person can be sent to: the board as every other screen reads it, live on the board's kinds.
  const board = useLive('board.get', { incidentId: incident.id });
  // The hour is enough resolution for "who is rostered now" and keeps the read from changing every minute.
  const hour = Math.floor(now / HOUR) * HOUR;
  const plan = useLive('roster.plan', { from: hour - DAY, to: hour + DAY }, { keepPrevious: true });
  const [who, setWho] = useState('');
  const [error, setError] = useState<UiError | null>(null);
  const [position, setPosition] = useState<Record<string, string>>({});
  const byId = useMemo(() => new Map(staff.map((s) => [s.id, s])), [staff]);
  const byNo = useMemo(() => new Map(staff.map((s) => [s.staffNo.toLowerCase(), s])), [staff]);
  const entries = pool.data ?? [];
  const here = entries.filter(isCheckedIn);
  const maxConsecutive = plan.data?.rules.maxConsecutiveHours ?? defaultRosterRules.maxConsecutiveHours;
  const bookings = doubleBookings(plan.data?.pool ?? entries, plan.data?.shifts ?? [], now);
  const doubled = new Set([...bookings.values()].filter((b) => b.liveAssignments > 1).map((b) => b.staffId));
  const rostered = new Set([...bookings.values()].filter((b) => b.shiftIds.length > 0).map((b) => b.staffId));
  const tasks = (board.data?.tasks ?? []).filter((task) => task.status !== 'done');
  const taskTitle = (id: string) => board.data?.tasks.find((task) => task.id === id)?.title ?? t('roster.pool.task');
  const hours = timesheet(entries, now);
  const positionName = (id: string) => hicsPositions.find((p) => p.id === id)?.name[language] ?? id;

  const checkIn = async (event: FormEvent) => {
    event.preventDefault();
    const key = who.trim().toLowerCase();
    const person = byNo.get(key) ?? staff.find((s) => s.name.toLowerCase() === key);
    if (!person) return setError({ code: 'not_found', message: who, fields: ['staffNo'] });
    const failed = await checkInStaff({ id: newId(), incidentId: incident.id, staffId: person.id });
    setError(failed);
    if (!failed) setWho('');
  };

  const assign = async (entryId: string) => {
    const target = position[entryId] ?? 'ops.medical-care.casualty-care';
    const taskId = target.startsWith('task:') ? target.slice('task:'.length) : null;
    setError(await assignStaff(taskId ? { id: entryId, taskId } : { id: entryId, positionId: target, assignmentId: newId() }));
  };

  return (
    <section className="roster-pool" aria-labelledby="roster-pool-title" data-testid="labour-pool">
      <div className="roster-toolbar">
        <h2 id="roster-pool-title">{t('roster.pool.title', { count: here.length })}</h2>
        <form className="roster-checkin" onSubmit={(e) => void checkIn(e)}>
          <input list="roster-staff-list" value={who} onChange={(e) => setWho(e.target.value)} placeholder={t('roster.pool.who')} aria-label={t('roster.pool.who')} disabled={!write.allowed} title={write.title} data-testid="pool-who" />
          <datalist id="roster-staff-list">{staff.filter((s) => s.retiredAt === undefined).slice(0, 500).map((s) => <option key={s.id} value={s.staffNo}>{s.name}</option>)}</datalist>
          <button type="submit" className="primary" disabled={!write.allowed} title={write.title}>{t('roster.pool.checkIn')}</button>
        </form>
      </div>
      <WalkInForm incidentId={incident.id} onError={setError} />
      {error ? <ErrorText error={error} fieldLabels={fieldLabels} /> : null}
      {doubled.size > 0 ? <p className="roster-warn" role="alert" data-testid="pool-double">{t('roster.pool.doubleBooked', { names: [...doubled].map((id) => byId.get(id)?.name ?? id).join('、') })}</p> : null}
      {rostered.size > 0 ? <p className="roster-warn" role="alert" data-testid="pool-double-rostered">{t('roster.pool.doubleRostered', { names: [...rostered].map((id) => byId.get(id)?.name ?? id).join('、') })}</p> : null}
      <table className="roster-table" data-testid="pool-table">
        <thead>
          <tr>
            <th>{t('roster.staff.name')}</th><th>{t('roster.staff.profession')}</th><th>{t('roster.staff.qualifications')}</th>
            <th>{t('roster.pool.since')}</th><th>{t('roster.pool.onDuty')}</th><th>{t('roster.pool.assigned')}</th><th>{t('roster.pool.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {here.map((e) => {
            const person = byId.get(e.staffId);
            const health = wellbeing(e, now, maxConsecutive);
            const live = activeAssignments(e);
            return (
              <tr key={e.id} data-staff={person?.staffNo} className={doubled.has(e.staffId) || rostered.has(e.staffId) ? 'row-double' : undefined}>
                <td>{person?.name ?? e.staffId}</td>
                <td>{person ? labels[person.profession] : ''}</td>
                <td className="muted">{person?.qualifications.map((q) => q.code).join(' · ')}</td>
                <td className="num">{formatDateTime(e.checkedInAt, timeZone, language)}</td>
                <td className={`num well-${health.status}`}>
                  {t('roster.pool.hours', { hours: health.hoursOnDuty.toFixed(1) })}
                  {health.status !== 'ok' ? <span className="well-tag">{health.status === 'due' ? t('roster.pool.restDue') : t('roster.pool.restSoon')}</span> : null}
                </td>
                <td data-testid="pool-assigned">{live.map((a) => (a.positionId ? positionName(a.positionId) : a.taskId ? taskTitle(a.taskId) : t('roster.pool.task'))).join('、')}</td>
                <td className="pool-actions">
                  <select value={position[e.id] ?? 'ops.medical-care.casualty-care'} onChange={(ev) => setPosition({ ...position, [e.id]: ev.target.value })} aria-label={t('roster.pool.target')} disabled={!write.allowed}>
                    <optgroup label={t('roster.pool.positions')}>
                      {hicsPositions.map((p) => <option key={p.id} value={p.id}>{p.name[language]}</option>)}
                    </optgroup>
                    {tasks.length > 0 ? (
                      <optgroup label={t('roster.pool.tasks')}>
                        {tasks.map((task) => <option key={task.id} value={`task:${task.id}`}>{task.title}</option>)}
                      </optgroup>
                    ) : null}
                  </select>
                  <button type="button" className="secondary" onClick={() => void assign(e.id)} disabled={!write.allowed} title={write.title}>{t('roster.pool.assign')}</button>
                  <button type="button" className="secondary" onClick={() => void checkOut({ id: e.id }).then(setError)} disabled={!write.allowed} title={write.title}>{t('roster.pool.checkOut')}</button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="roster-pool-lower">
        <section className="panel" aria-labelledby="roster-252-title">
          <h3 id="roster-252-title">{t('roster.pool.timesheet')}</h3>
          <table className="roster-table" data-testid="pool-timesheet">
            <thead><tr><th>{t('roster.staff.staffNo')}</th><th>{t('roster.staff.name')}</th><th>{t('roster.pool.totalHours')}</th></tr></thead>
            <tbody>
              {[...hours].map(([id, h]) => (
                <tr key={id}><td className="num">{byId.get(id)?.staffNo}</td><td>{byId.get(id)?.name}</td><td className="num">{h.toFixed(1)}</td></tr>
              ))}
            </tbody>
          </table>
        </section>
        <VolunteerForm incidentId={incident.id} onError={setError} />
      </div>
    </section>
  );
}

/** HICS 253: registers a walk-in volunteer and checks them into the pool in one step. */
function VolunteerForm({ incidentId, onError }: { incidentId: string; onError: (e: UiError | null) => void }) {
  const { t } = useTranslation();
  const registerVolunteer = useMutation('staff.registerVolunteer').run;
  const write = useCan('incident.write');
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [skills, setSkills] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const failed = await registerVolunteer({ id: newId(), poolEntryId: newId(), incidentId, name, phone, skills, languages: [] });
    onError(failed);
    if (!failed) {
      setName('');
      setPhone('');
      setSkills('');
    }
  };
  return (
    <form className="form panel" onSubmit={(e) => void submit(e)} aria-labelledby="roster-253-title" data-testid="volunteer-form">
      <h3 id="roster-253-title">{t('roster.volunteer.title')}</h3>
      <label><span>{t('roster.staff.name')}</span><input value={name} onChange={(e) => setName(e.target.value)} required /></label>
      <label><span>{t('roster.staff.phone')}</span><input value={phone} onChange={(e) => setPhone(e.target.value)} required /></label>
      <label><span>{t('roster.volunteer.skills')}</span><input value={skills} onChange={(e) => setSkills(e.target.value)} /></label>
      <button type="submit" disabled={!write.allowed} title={write.title}>{t('roster.volunteer.register')}</button>
    </form>
  );
}
