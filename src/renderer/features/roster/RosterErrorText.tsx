import { useTranslation } from 'react-i18next';
import { ErrorText } from '../../app/ErrorText';
import type { UiError } from '../../lib/ui-error';
import { useRuleText } from './labels';

const rules = { roster_overlap: 'overlap', roster_consecutive: 'consecutive', roster_rest: 'rest', roster_weekly: 'weekly' } as const;

/** A refusal, and for a broken fatigue rule the person and the numbers (hours left against the limit). */
export function RosterErrorText({ error }: { error: UiError }) {
  const { t } = useTranslation();
  const ruleText = useRuleText();
  const rule = Object.hasOwn(rules, error.code) ? rules[error.code as keyof typeof rules] : null;
  const p = error.params ?? {};
  const detail =
    rule === null || typeof p['person'] !== 'string'
      ? null
      : rule === 'overlap'
        ? ruleText({ rule, otherStart: 0, otherEnd: 0 })
        : ruleText({ rule, hours: Number(p['hours']), limit: Number(p['limit']) });
  return (
    <div className="roster-error">
      <ErrorText error={error} />
      {detail ? <p className="roster-error-detail" data-testid="roster-error-detail">{t('roster.grid.refusedFor', { person: p['person'], rule: detail })}</p> : null}
    </div>
  );
}
