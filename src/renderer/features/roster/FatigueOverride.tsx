import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OverridableRule, RosterShift } from '../../../domain/roster/roster';
import type { Staff } from '../../../domain/roster/staff';
import { ActorName } from '../../app/ActorName';
import { formatDateTime } from '../../lib/time';
import type { UiError } from '../../lib/ui-error';
import { selectLanguage, selectTimeZone } from '../../state/selectors';
import { useApp } from '../../state/store-context';
import { useCan } from '../../state/use-can';

/** The refusals a commander may override; an overlap is not among them. */
const fatigueCodes = new Set(['roster_consecutive', 'roster_rest', 'roster_weekly']);

export function isFatigueRefusal(error: UiError | null): boolean {
  return error !== null && fatigueCodes.has(error.code);
}

/**
 * Under a fatigue refusal: the incident commander may roster the shift anyway with a reason; anyone else is told
 * who may, rather than offered a button the server would refuse.
 */
export function OverrideOffer({ onOverride }: { onOverride: (reason: string) => Promise<void> }) {
  const { t } = useTranslation();
  const { allowed, whoMay } = useCan('roster.override');
  const [reason, setReason] = useState('');
  if (!allowed) return <p className="muted roster-override-offer" data-testid="override-offer">{whoMay}</p>;
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    await onOverride(reason);
  };
  return (
    <form className="inline-form roster-override-offer" onSubmit={(e) => void submit(e)} data-testid="override-offer">
      <label>
        <span>{t('roster.override.reason')}</span>
        <input name="overrideReason" required maxLength={500} value={reason} placeholder={t('roster.override.reasonPlaceholder')} onChange={(e) => setReason(e.target.value)} />
      </label>
      <button type="submit" className="danger">{t('roster.override.submit')}</button>
    </form>
  );
}

/** Every overridden shift in view, so an override is never only a colour on a cell. */
export function OverrideList({ shifts, staff }: { shifts: readonly RosterShift[]; staff: readonly Staff[] }) {
  const { t } = useTranslation();
  const timeZone = useApp(selectTimeZone);
  const language = useApp(selectLanguage);
  const overridden = shifts.filter((s) => s.override).sort((a, b) => a.start - b.start);
  if (overridden.length === 0) return null;
  const names = new Map(staff.map((s) => [s.id, s.name]));
  const ruleLabel: Record<OverridableRule, string> = {
    consecutive: t('roster.override.rule.consecutive'),
    rest: t('roster.override.rule.rest'),
    weekly: t('roster.override.rule.weekly'),
  };
  return (
    <section className="panel roster-overrides" aria-labelledby="roster-overrides-title">
      <h3 id="roster-overrides-title">{t('roster.override.listTitle')}</h3>
      <table className="grid">
        <thead>
          <tr>
            <th scope="col">{t('roster.override.person')}</th>
            <th scope="col">{t('roster.override.shift')}</th>
            <th scope="col">{t('roster.override.rules')}</th>
            <th scope="col">{t('roster.override.reason')}</th>
            <th scope="col">{t('roster.override.by')}</th>
          </tr>
        </thead>
        <tbody>
          {overridden.map((s) => (
            <tr key={s.id} data-testid="roster-override">
              <td>{names.get(s.staffId) ?? s.staffId}</td>
              <td className="num">{`${s.shiftCode} ${formatDateTime(s.start, timeZone, language)}`}</td>
              <td>{s.override?.rules.map((rule) => ruleLabel[rule]).join('、')}</td>
              <td>{s.override?.reason}</td>
              <td>
                {s.override ? <ActorName id={s.override.by} /> : null}{' '}
                <span className="muted num">{s.override ? formatDateTime(s.override.at, timeZone, language) : ''}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
