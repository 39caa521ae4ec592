import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { newId } from '../../../domain/ids';
import { DetectionMethodSchema, type DetectionMethod } from '../../../domain/warning/detection-methods';
import { IndicatorSourceSchema, type Indicator, type IndicatorSource } from '../../../domain/warning/indicators';
import { FrequencySchema, frequencyOf, type Frequency } from '../../../domain/warning/periods';
import { ErrorText } from '../../app/ErrorText';
import type { UiError } from '../../lib/ui-error';
import { selectLanguage } from '../../state/selectors';
import { useApp } from '../../state/store-context';
import { useLive } from '../../state/use-live';
import { useCan } from '../../state/use-can';
import { useMutation } from '../../state/use-mutation';
import { baseName, region } from '../map';
import { frequencyLabel, methodLabel, paramLabel, sourceLabel } from './labels';
import { paramDefaults, paramsFromForm } from './warning-view';

const districts = region.features.filter((f) => f.properties.kind === 'district');

type Form = { name: string; source: IndicatorSource; unit: string; measure: 'count' | 'percent'; frequency: Frequency; method: DetectionMethod; params: Record<string, string>; group: string; districtId: string; enabled: boolean };

const blank: Form = { name: '', source: 'ed_syndrome', unit: '', measure: 'count', frequency: 'daily', method: 'ewma', params: {}, group: '', districtId: '', enabled: true };
const fromIndicator = (i: Indicator): Form => ({
  name: i.name,
  source: i.source,
  unit: i.unit,
  measure: i.measure,
  frequency: frequencyOf(i),
  method: i.method,
  params: Object.fromEntries(Object.entries(i.params).map(([k, v]) => [k, String(v)])),
  group: i.group,
  districtId: i.districtId ?? '',
  enabled: i.enabled,
});

/** Sets up or changes an indicator: its source, unit, method and the method's parameters (defaults shown). */
export function IndicatorEditor() {
  const { t } = useTranslation();
  const language = useApp(selectLanguage);
  const indicators = useLive('warning.indicators', {}).data?.indicators ?? [];
  const define = useMutation('indicator.define');
  const update = useMutation('indicator.update');
  const command = useCan('incident.command');
  const [editing, setEditing] = useState<string>('');
  const [form, setForm] = useState<Form>(blank);
  const [invalid, setInvalid] = useState<UiError | null>(null);
  const [saved, setSaved] = useState(false);
  const set = <K extends keyof Form>(key: K, value: Form[K]) => {
    setSaved(false);
    setForm((f) => ({ ...f, [key]: value }));
  };
  const editedStatus = indicators.find((s) => s.indicator.id === editing);
  const pick = (id: string) => {
    setEditing(id);
    const found = indicators.find((s) => s.indicator.id === id)?.indicator;
    setForm(found ? fromIndicator(found) : blank);
    setSaved(false);
  };
  const defaults = paramDefaults(form.method, form.frequency);
  // Figures already held are keyed by the frequency they were entered with; the domain refuses a change under them.
  const frequencyLocked = (editedStatus?.observations ?? 0) > 0;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const params = paramsFromForm(form.method, form.params, form.frequency);
    if (!params.ok) {
      setInvalid({ code: 'invalid_args', message: `${params.field} is not a number`, fields: [params.field] });
      return;
    }
    setInvalid(null);
    // Daily is the default and is left out, so a desk can still set up daily indicators on a server that predates
    // frequencies (its strict schema refuses the unknown key); weekly needs the upgraded server (README).
    const frequency = form.frequency === 'weekly' || (editedStatus && frequencyOf(editedStatus.indicator) !== form.frequency) ? { frequency: form.frequency } : {};
    const fields = { ...frequency, name: form.name, source: form.source, unit: form.unit, measure: form.measure, method: form.method, params: params.params, group: form.group, enabled: form.enabled, ...(form.districtId ? { districtId: form.districtId } : {}) };
    const error = editing ? await update.run({ id: editing, ...fields }) : await define.run({ id: newId(), ...fields });
    if (!error) {
      setSaved(true);
      if (!editing) setForm(blank);
    }
  };

  const error = invalid ?? define.error ?? update.error;
  return (
    <section className="panel warning-indicator-editor" aria-labelledby="indicator-editor-title" data-testid="indicator-editor">
      <h3 id="indicator-editor-title">{t('warning.editor.title')}</h3>
      <form className="form" onSubmit={(e) => void submit(e)}>
        <label>
          <span>{t('warning.editor.pick')}</span>
          <select name="editing" value={editing} onChange={(e) => pick(e.target.value)}>
            <option value="">{t('warning.editor.new')}</option>
            {indicators.map(({ indicator }) => (
              <option key={indicator.id} value={indicator.id}>{indicator.name}</option>
            ))}
          </select>
        </label>
        <label><span>{t('warning.editor.name')}</span><input name="name" required maxLength={200} value={form.name} onChange={(e) => set('name', e.target.value)} /></label>
        <label>
          <span>{t('warning.editor.source')}</span>
          <select name="source" value={form.source} onChange={(e) => set('source', IndicatorSourceSchema.parse(e.target.value))}>
            {IndicatorSourceSchema.options.map((s) => <option key={s} value={s}>{sourceLabel[s](t)}</option>)}
          </select>
        </label>
        <label><span>{t('warning.editor.unit')}</span><input name="unit" maxLength={40} value={form.unit} onChange={(e) => set('unit', e.target.value)} /></label>
        <label>
          <span>{t('warning.editor.measure')}</span>
          <select name="measure" value={form.measure} onChange={(e) => set('measure', e.target.value === 'percent' ? 'percent' : 'count')}>
            <option value="count">{t('warning.editor.count')}</option>
            <option value="percent">{t('warning.editor.percent')}</option>
          </select>
        </label>
        <label>
          <span>{t('warning.editor.frequency')}</span>
          <select name="frequency" value={form.frequency} disabled={frequencyLocked} title={frequencyLocked ? t('warning.editor.frequencyLocked') : undefined} onChange={(e) => set('frequency', FrequencySchema.parse(e.target.value))}>
            {FrequencySchema.options.map((f) => <option key={f} value={f}>{frequencyLabel[f](t)}</option>)}
          </select>
        </label>
        <label><span>{t('warning.editor.group')}</span><input name="group" required maxLength={60} value={form.group} onChange={(e) => set('group', e.target.value)} /></label>
        <label>
          <span>{t('warning.editor.district')}</span>
          <select name="districtId" value={form.districtId} onChange={(e) => set('districtId', e.target.value)}>
            <option value="">{t('warning.editor.noDistrict')}</option>
            {districts.map((d) => <option key={d.properties.id} value={d.properties.id}>{baseName(d, language)}</option>)}
          </select>
        </label>
        <label>
          <span>{t('warning.editor.method')}</span>
          <select name="method" value={form.method} onChange={(e) => setForm((f) => ({ ...f, method: DetectionMethodSchema.parse(e.target.value), params: {} }))}>
            {DetectionMethodSchema.options.map((m) => <option key={m} value={m}>{methodLabel[m](t)}</option>)}
          </select>
        </label>
        <fieldset className="warning-params">
          <legend>{t('warning.editor.params')}</legend>
          {Object.entries(defaults).map(([name, fallback]) => (
            <label key={name}>
              <span>{paramLabel(t, name)} {t('warning.editor.default', { value: fallback })}</span>
              <input name={`param-${name}`} inputMode="decimal" placeholder={String(fallback)} value={form.params[name] ?? ''} onChange={(e) => set('params', { ...form.params, [name]: e.target.value })} />
            </label>
          ))}
        </fieldset>
        <label className="warning-check"><input type="checkbox" name="enabled" checked={form.enabled} onChange={(e) => set('enabled', e.target.checked)} /><span>{t('warning.editor.enabled')}</span></label>
        <button type="submit" className="primary" disabled={define.busy || update.busy || !command.allowed} title={command.title}>{editing ? t('warning.editor.update') : t('warning.editor.define')}</button>
        {error ? <ErrorText error={error} /> : null}
        {saved ? <p role="status">{t('warning.editor.saved')}</p> : null}
      </form>
    </section>
  );
}
