import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { newId } from '../../../domain/ids';
import { shiftDefinitions, type RosterRulesFields } from '../../../domain/roster/roster';
import { ErrorText } from '../../app/ErrorText';
import type { UiError } from '../../lib/ui-error';
import { useLive } from '../../state/use-live';
import { useMutation } from '../../state/use-mutation';
import { useCan } from '../../state/use-can';

const DAY = 24 * 3_600_000;
const clock = (minute: number): string => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

/** Shift patterns (built-in and the hospital's own) and the fatigue limits the server checks every roster change against. */
export function RosterSetup({ now }: { now: number }) {
  // Only the shift templates and rules matter here; the range keeps the read small.
  const plan = useLive('roster.plan', { from: now, to: now + DAY }, { keepPrevious: true });
  return (
    <div className="roster-setup" data-testid="roster-setup">
      <ShiftTemplates templates={plan.data?.templates ?? []} />
      {plan.data ? <FatigueRules key={JSON.stringify(plan.data.rules)} rules={plan.data.rules} /> : null}
    </div>
  );
}

function ShiftTemplates({ templates }: { templates: Parameters<typeof shiftDefinitions>[0] }) {
  const { t } = useTranslation();
  const defineShift = useMutation('roster.defineShift').run;
  const write = useCan('incident.write');
  const [code, setCode] = useState('');
  const [start, setStart] = useState('09:00');
  const [hours, setHours] = useState('10');
  const [error, setError] = useState<UiError | null>(null);
  const patternName = { '2x12': t('roster.patterns.2x12'), '3x8': t('roster.patterns.3x8'), custom: t('roster.patterns.custom') };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const [h = 0, m = 0] = start.split(':').map(Number);
    const failed = await defineShift({ id: newId(), code: code.trim(), startMinute: h * 60 + m, hours: Number(hours) });
    setError(failed);
    if (!failed) setCode('');
  };
  return (
    <section className="panel" aria-labelledby="roster-shifts-title">
      <h2 id="roster-shifts-title">{t('roster.setup.shiftsTitle')}</h2>
      <table className="roster-table" data-testid="shift-templates">
        <thead><tr><th>{t('roster.setup.code')}</th><th>{t('roster.grid.pattern')}</th><th>{t('roster.setup.start')}</th><th>{t('roster.setup.hours')}</th></tr></thead>
        <tbody>
          {shiftDefinitions(templates).map((d) => (
            <tr key={d.code} data-code={d.code}>
              <td className="num"><strong>{d.code}</strong></td><td>{patternName[d.pattern]}</td><td className="num">{clock(d.startMinute)}</td><td className="num">{d.hours}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <form className="form roster-setup-form" onSubmit={(e) => void submit(e)} data-testid="shift-form">
        <label><span>{t('roster.setup.code')}</span><input name="code" value={code} onChange={(e) => setCode(e.target.value)} maxLength={8} required /></label>
        <label><span>{t('roster.setup.start')}</span><input name="start" type="time" value={start} onChange={(e) => setStart(e.target.value)} required /></label>
        <label><span>{t('roster.setup.hours')}</span><input name="hours" type="number" min={1} max={24} step={0.5} value={hours} onChange={(e) => setHours(e.target.value)} required /></label>
        <button type="submit" className="primary" disabled={!write.allowed} title={write.title}>{t('roster.setup.defineShift')}</button>
        <p className="muted roster-hint">{t('roster.setup.shiftsHint')}</p>
      </form>
      {error ? <ErrorText error={error} /> : null}
    </section>
  );
}

function FatigueRules({ rules }: { rules: RosterRulesFields }) {
  const { t } = useTranslation();
  const setRules = useMutation('roster.setRules').run;
  const { allowed, whoMay } = useCan('incident.command');
  const [draft, setDraft] = useState<Record<keyof RosterRulesFields, string>>({
    maxConsecutiveHours: String(rules.maxConsecutiveHours),
    minRestHours: String(rules.minRestHours),
    maxWeeklyHours: String(rules.maxWeeklyHours),
  });
  const [error, setError] = useState<UiError | null>(null);
  const fields: { key: keyof RosterRulesFields; label: string; max: number }[] = [
    { key: 'maxConsecutiveHours', label: t('roster.setup.maxConsecutive'), max: 48 },
    { key: 'minRestHours', label: t('roster.setup.minRest'), max: 48 },
    { key: 'maxWeeklyHours', label: t('roster.setup.weekly'), max: 168 },
  ];
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(await setRules({
      maxConsecutiveHours: Number(draft.maxConsecutiveHours),
      minRestHours: Number(draft.minRestHours),
      maxWeeklyHours: Number(draft.maxWeeklyHours),
    }));
  };
  return (
    <section className="panel" aria-labelledby="roster-rules-title">
      <h2 id="roster-rules-title">{t('roster.setup.rulesTitle')}</h2>
      <dl className="roster-rules-current" data-testid="rules-current">
        {fields.map((f) => (
          <div key={f.key} data-rule={f.key}><dt>{f.label}</dt><dd className="num">{t('roster.pool.hours', { hours: rules[f.key] })}</dd></div>
        ))}
      </dl>
      {allowed ? (
        <form className="form roster-setup-form" onSubmit={(e) => void submit(e)} data-testid="rules-form">
          {fields.map((f) => (
            <label key={f.key}>
              <span>{f.label}</span>
              <input name={f.key} type="number" min={f.key === 'minRestHours' ? 0 : 1} max={f.max} step={0.5} value={draft[f.key]} onChange={(e) => setDraft({ ...draft, [f.key]: e.target.value })} required />
            </label>
          ))}
          <button type="submit" className="primary">{t('roster.setup.saveRules')}</button>
        </form>
      ) : (
        <p className="muted" data-testid="rules-command-only">{whoMay}</p>
      )}
      {error ? <ErrorText error={error} /> : null}
    </section>
  );
}
