import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { newId } from '../../../domain/ids';
import { ProfessionSchema, professions, type Profession, type Staff } from '../../../domain/roster/staff';
import { ErrorText } from '../../app/ErrorText';
import type { UiError } from '../../lib/ui-error';
import { useMutation } from '../../state/use-mutation';
import { useCan } from '../../state/use-can';
import { useProfessionLabels, useStaffFieldLabels } from './labels';

type Draft = { staffNo: string; name: string; department: string; profession: Profession; homeUnit: string; phone: string };
const blank: Draft = { staffNo: '', name: '', department: '', profession: 'nurse', homeUnit: '', phone: '' };
const draftOf = ({ staffNo, name, department, profession, homeUnit, phone }: Staff): Draft => ({ staffNo, name, department, profession, homeUnit, phone });

/**
 * Adds a person to the directory, or edits and retires the one picked in the grid (`person`). What the form does
 * not show (qualifications, languages, email) is sent back as it is, so an edit never wipes an import's data.
 */
export function StaffForm({ person, onDone }: { person: Staff | null; onDone: () => void }) {
  const { t } = useTranslation();
  const labels = useProfessionLabels();
  const fieldLabels = useStaffFieldLabels();
  const { allowed, title: denied } = useCan('incident.write');
  const save = useMutation('staff.save');
  const setRetired = useMutation('staff.setRetired');
  const [draft, setDraft] = useState<Draft>(person ? draftOf(person) : blank);
  const [error, setError] = useState<UiError | null>(null);
  const set = (field: keyof Draft) => (value: string) => setDraft({ ...draft, [field]: value });
  const retired = person?.retiredAt !== undefined;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const kept = person ? { qualifications: person.qualifications, languages: person.languages, email: person.email } : {};
    const failed = await save.run({ ...kept, ...draft, id: person?.id ?? newId() });
    setError(failed);
    if (!failed) {
      setDraft(blank);
      onDone();
    }
  };

  const toggleRetired = async () => {
    if (!person) return;
    const failed = await setRetired.run({ id: person.id, retired: !retired });
    setError(failed);
    if (!failed) onDone();
  };

  const title = person ? t('roster.staffForm.editTitle', { name: person.name }) : t('roster.staffForm.newTitle');
  return (
    <form className="panel roster-staff-form" onSubmit={(e) => void submit(e)} aria-label={title}>
      <h3>{title}</h3>
      <div className="roster-staff-fields">
        <label><span>{fieldLabels.staffNo}</span><input value={draft.staffNo} onChange={(e) => set('staffNo')(e.target.value)} /></label>
        <label><span>{fieldLabels.name}</span><input value={draft.name} onChange={(e) => set('name')(e.target.value)} /></label>
        <label><span>{fieldLabels.profession}</span>
          <select value={draft.profession} onChange={(e) => set('profession')(ProfessionSchema.parse(e.target.value))}>
            {professions.map((p) => <option key={p} value={p}>{labels[p]}</option>)}
          </select>
        </label>
        <label><span>{fieldLabels.department}</span><input value={draft.department} onChange={(e) => set('department')(e.target.value)} /></label>
        <label><span>{fieldLabels.homeUnit}</span><input value={draft.homeUnit} onChange={(e) => set('homeUnit')(e.target.value)} /></label>
        <label><span>{fieldLabels.phone}</span><input value={draft.phone} onChange={(e) => set('phone')(e.target.value)} /></label>
      </div>
      <div className="roster-checkin">
        <button type="submit" className="primary" disabled={!allowed || save.busy} title={denied}>{person ? t('roster.staffForm.save') : t('roster.staffForm.add')}</button>
        {person ? (
          <>
            <button type="button" disabled={!allowed || setRetired.busy} title={denied} onClick={() => void toggleRetired()}>{retired ? t('roster.staffForm.restore') : t('roster.staffForm.retire')}</button>
            <button type="button" onClick={onDone}>{t('roster.staffForm.cancel')}</button>
          </>
        ) : null}
      </div>
      {error ? <ErrorText error={error} fieldLabels={fieldLabels} /> : null}
    </form>
  );
}
