import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AgeBandSchema, SexSchema, type AgeBand, type Sex } from '../../../domain/casualties/casualties';
import { newId } from '../../../domain/ids';
import { ErrorText } from '../../app/ErrorText';
import { useMutation } from '../../state/use-mutation';
import { ageBandLabel, sexLabel } from './labels';

const empty = { enquirerName: '', relationship: '', contact: '', soughtName: '', clothing: '', features: '', lastSeen: '', notes: '' };

/** A family asks: who asks and how to reach them, whom they seek and what that person looks like. */
export function EnquiryForm({ incidentId, nextRef, onRecorded }: { incidentId: string; nextRef: string; onRecorded: (id: string) => void }) {
  const { t } = useTranslation();
  const record = useMutation('enquiry.record');
  const [text, setText] = useState(empty);
  const [sex, setSex] = useState<Sex>('unknown');
  const [ageBand, setAgeBand] = useState<AgeBand>('unknown');
  const [saved, setSaved] = useState<string | null>(null);
  const field = (key: keyof typeof empty, label: string, required = false) => (
    <label>
      <span>{label}</span>
      <input name={key} autoComplete="off" required={required} value={text[key]} onChange={(e) => setText({ ...text, [key]: e.target.value })} />
    </label>
  );
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    const id = newId();
    const trimmed = (v: string) => (v.trim() ? v.trim() : undefined);
    const error = await record.run({
      id,
      incidentId,
      ref: nextRef,
      enquirer: { name: text.enquirerName.trim(), relationship: text.relationship.trim(), contact: text.contact.trim() },
      sought: {
        ...(trimmed(text.soughtName) ? { name: text.soughtName.trim() } : {}),
        sex,
        ageBand,
        description: Object.fromEntries(
          (['clothing', 'features', 'lastSeen'] as const).flatMap((k) => (trimmed(text[k]) ? [[k, text[k].trim()]] : [])),
        ),
      },
      ...(trimmed(text.notes) ? { notes: text.notes.trim() } : {}),
    });
    if (error) return;
    setSaved(nextRef);
    setText(empty);
    setSex('unknown');
    setAgeBand('unknown');
    onRecorded(id);
  };
  return (
    <form className="form enquiry-form" onSubmit={(e) => void submit(e)} data-testid="enquiry-form" aria-labelledby="enquiry-form-title">
      <h3 id="enquiry-form-title">{t('family.form.title', { ref: nextRef })}</h3>
      <fieldset>
        <legend>{t('family.form.whoAsks')}</legend>
        {field('enquirerName', t('family.fields.enquirerName'), true)}
        {field('relationship', t('family.fields.relationship'), true)}
        {field('contact', t('family.fields.contact'), true)}
      </fieldset>
      <fieldset>
        <legend>{t('family.form.forWhom')}</legend>
        {field('soughtName', t('family.fields.soughtName'))}
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
        {field('clothing', t('family.fields.clothing'))}
        {field('features', t('family.fields.features'))}
        {field('lastSeen', t('family.fields.lastSeen'))}
      </fieldset>
      {field('notes', t('family.fields.notes'))}
      <button type="submit" className="primary" disabled={record.busy || !nextRef}>{t('family.form.record')}</button>
      {record.error ? <ErrorText error={record.error} /> : null}
      {saved ? <p role="status" data-testid="enquiry-saved">{t('family.form.saved', { ref: saved })}</p> : null}
    </form>
  );
}
