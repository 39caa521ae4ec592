import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { newId } from '../../../domain/ids';
import type { Condition, TriggerRule } from '../../../domain/warning/trigger-rules';
import { WarningGradeSchema, type WarningGrade } from '../../../domain/warning/warning-grades';
import { ErrorText } from '../../app/ErrorText';
import { useLive } from '../../state/use-live';
import { useCan } from '../../state/use-can';
import { useMutation } from '../../state/use-mutation';
import { gradeLabel } from './labels';
import { conditionFromRows, rowsFromCondition, type ConditionRow, type Combinator } from './rule-form';

const newRow = (indicatorId: string): ConditionRow => ({ indicatorId, kind: 'level', atLeast: 'yellow', days: 2, total: 3 });

type Form = { name: string; grade: WarningGrade; group: string; withinDays: number; combinator: Combinator; count: number; rows: ConditionRow[] };

function formOf(rule: TriggerRule): Form {
  const { combinator, count, rows } = rowsFromCondition(rule.condition);
  return { name: rule.name, grade: rule.grade, group: rule.group, withinDays: rule.withinDays, combinator, count, rows };
}

/** Multi-point trigger rules: conditions on several indicators' colours and totals raise one grade; each change is a version. */
export function RuleEditor() {
  const { t } = useTranslation();
  const rules = useLive('warning.rules', {}).data?.rules ?? [];
  const indicators = useLive('warning.indicators', {}).data?.indicators.map((s) => s.indicator) ?? [];
  const define = useMutation('rule.define');
  const update = useMutation('rule.update');
  const command = useCan('incident.command');
  const [editing, setEditing] = useState('');
  const blank = (): Form => ({ name: '', grade: 'orange', group: '', withinDays: 3, combinator: 'all', count: 2, rows: [] });
  const [form, setForm] = useState<Form>(blank);
  const [saved, setSaved] = useState(false);
  const set = (patch: Partial<Form>) => {
    setSaved(false);
    setForm((f) => ({ ...f, ...patch }));
  };
  const setRow = (i: number, patch: Partial<ConditionRow>) => set({ rows: form.rows.map((r, j) => (i === j ? { ...r, ...patch } : r)) });
  const pick = (id: string) => {
    setEditing(id);
    const rule = rules.find((r) => r.id === id);
    setForm(rule ? formOf(rule) : blank());
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const condition: Condition | null = conditionFromRows(form.combinator, form.count, form.rows);
    if (!condition) return;
    const fields = { name: form.name, grade: form.grade, group: form.group, withinDays: form.withinDays, condition };
    const error = editing ? await update.run({ id: editing, ...fields }) : await define.run({ id: newId(), ...fields });
    if (!error) setSaved(true);
  };
  const error = define.error ?? update.error;
  const firstIndicator = indicators[0]?.id;
  return (
    <section className="panel warning-rule-editor" aria-labelledby="rule-editor-title" data-testid="rule-editor">
      <h3 id="rule-editor-title">{t('warning.rules.title')}</h3>
      <table className="warning-rules-table">
        <thead><tr><th>{t('warning.rules.name')}</th><th>{t('warning.rules.grade')}</th><th>{t('warning.rules.group')}</th><th className="num">{t('warning.rules.version')}</th></tr></thead>
        <tbody>
          {rules.map((r) => (
            <tr key={r.id} data-testid="warning-rule"><td>{r.name}</td><td className={`grade-${r.grade}`}>{gradeLabel[r.grade](t)}</td><td>{r.group}</td><td className="num">{t('warning.rules.versionN', { version: r.version })}</td></tr>
          ))}
        </tbody>
      </table>
      <form className="form" onSubmit={(e) => void submit(e)}>
        <label>
          <span>{t('warning.rules.pick')}</span>
          <select name="editingRule" value={editing} onChange={(e) => pick(e.target.value)}>
            <option value="">{t('warning.rules.new')}</option>
            {rules.map((r) => <option key={r.id} value={r.id}>{r.name}</option>)}
          </select>
        </label>
        <label><span>{t('warning.rules.name')}</span><input name="ruleName" required maxLength={200} value={form.name} onChange={(e) => set({ name: e.target.value })} /></label>
        <label>
          <span>{t('warning.rules.grade')}</span>
          <select name="grade" value={form.grade} onChange={(e) => set({ grade: WarningGradeSchema.parse(e.target.value) })}>
            {WarningGradeSchema.options.map((g) => <option key={g} value={g}>{gradeLabel[g](t)}</option>)}
          </select>
        </label>
        <label><span>{t('warning.rules.group')}</span><input name="ruleGroup" required maxLength={60} value={form.group} onChange={(e) => set({ group: e.target.value })} /></label>
        <label><span>{t('warning.rules.withinDays')}</span><input name="withinDays" type="number" min={1} max={14} value={form.withinDays} onChange={(e) => set({ withinDays: Math.max(1, Math.min(14, Math.round(Number(e.target.value) || 1))) })} /></label>
        <label>
          <span>{t('warning.rules.combinator')}</span>
          <select name="combinator" value={form.combinator} onChange={(e) => set({ combinator: e.target.value === 'any' ? 'any' : e.target.value === 'atLeast' ? 'atLeast' : 'all' })}>
            <option value="all">{t('warning.rules.all')}</option>
            <option value="any">{t('warning.rules.any')}</option>
            <option value="atLeast">{t('warning.rules.atLeast')}</option>
          </select>
        </label>
        {form.combinator === 'atLeast' ? <label><span>{t('warning.rules.count')}</span><input name="count" type="number" min={1} max={8} value={form.count} onChange={(e) => set({ count: Math.max(1, Math.round(Number(e.target.value) || 1)) })} /></label> : null}
        <fieldset className="warning-conditions">
          <legend>{t('warning.rules.conditions')}</legend>
          {form.rows.map((row, i) => (
            <div key={i} className="warning-condition" data-testid="warning-condition">
              <select aria-label={t('warning.rules.indicator')} value={row.indicatorId} onChange={(e) => setRow(i, { indicatorId: e.target.value })}>
                {indicators.map((ind) => <option key={ind.id} value={ind.id}>{ind.name}</option>)}
              </select>
              <select aria-label={t('warning.rules.kind')} value={row.kind} onChange={(e) => setRow(i, { kind: e.target.value === 'total' ? 'total' : 'level' })}>
                <option value="level">{t('warning.rules.kindLevel')}</option>
                <option value="total">{t('warning.rules.kindTotal')}</option>
              </select>
              {row.kind === 'level' ? (
                <select aria-label={t('warning.rules.atLeastLevel')} value={row.atLeast} onChange={(e) => setRow(i, { atLeast: e.target.value === 'red' ? 'red' : 'yellow' })}>
                  <option value="yellow">{t('warning.level.yellow')}</option>
                  <option value="red">{t('warning.level.red')}</option>
                </select>
              ) : (
                <>
                  <input aria-label={t('warning.rules.total')} type="number" min={0} value={row.total} onChange={(e) => setRow(i, { total: Number(e.target.value) || 0 })} />
                  <input aria-label={t('warning.rules.days')} type="number" min={1} max={28} value={row.days} onChange={(e) => setRow(i, { days: Math.max(1, Math.min(28, Math.round(Number(e.target.value) || 1))) })} />
                </>
              )}
              <button type="button" className="secondary" onClick={() => set({ rows: form.rows.filter((_, j) => j !== i) })}>{t('warning.rules.removeCondition')}</button>
            </div>
          ))}
          <button type="button" className="secondary" disabled={!firstIndicator || form.rows.length >= 8} onClick={() => firstIndicator && set({ rows: [...form.rows, newRow(firstIndicator)] })}>{t('warning.rules.addCondition')}</button>
        </fieldset>
        <button type="submit" className="primary" disabled={form.rows.length === 0 || define.busy || update.busy || !command.allowed} title={command.title}>{editing ? t('warning.rules.update') : t('warning.rules.define')}</button>
        {error ? <ErrorText error={error} /> : null}
        {saved ? <p role="status">{t('warning.rules.saved')}</p> : null}
      </form>
    </section>
  );
}
