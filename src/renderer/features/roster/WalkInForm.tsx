import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { newId } from '../../../domain/ids';
import { ProfessionSchema, professions, type Profession } from '../../../domain/roster/staff';
import type { UiError } from '../../lib/ui-error';
import { useMutation } from '../../state/use-mutation';
import { useCan } from '../../state/use-can';
import { useProfessionLabels, useStaffFieldLabels } from './labels';

/** Someone at the door who is not in the directory: added and checked in at once (`pool.checkInWalkIn`). */
export function WalkInForm({ incidentId, onError }: { incidentId: string; onError: (e: UiError | null) => void }) {
  const { t } = useTranslation();
  const labels = useProfessionLabels();
  const fields = useStaffFieldLabels();
  const { allowed, title: denied } = useCan('incident.write');
  const checkIn = useMutation('pool.checkInWalkIn');
  const [name, setName] = useState('');
  const [staffNo, setStaffNo] = useState('');
  const [profession, setProfession] = useState<Profession>('nurse');
  const [homeUnit, setHomeUnit] = useState('');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const failed = await checkIn.run({ id: newId(), incidentId, staffId: newId(), staffNo, name, profession, homeUnit });
    onError(failed);
    if (!failed) {
      setName('');
      setStaffNo('');
      setHomeUnit('');
    }
  };

  return (
    <form className="roster-walkin" onSubmit={(e) => void submit(e)} aria-label={t('roster.walkIn.title')}>
      <strong>{t('roster.walkIn.title')}</strong>
      <input value={name} onChange={(e) => setName(e.target.value)} aria-label={fields.name} placeholder={fields.name} />
      <input value={staffNo} onChange={(e) => setStaffNo(e.target.value)} aria-label={fields.staffNo} placeholder={fields.staffNo} />
      <select value={profession} onChange={(e) => setProfession(ProfessionSchema.parse(e.target.value))} aria-label={fields.profession}>
        {professions.map((p) => <option key={p} value={p}>{labels[p]}</option>)}
      </select>
      <input value={homeUnit} onChange={(e) => setHomeUnit(e.target.value)} aria-label={fields.homeUnit} placeholder={fields.homeUnit} />
      <button type="submit" disabled={!allowed || checkIn.busy} title={denied}>{t('roster.walkIn.submit')}</button>
    </form>
  );
}
