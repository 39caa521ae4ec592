import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExerciseParticipantInput } from '../../../contract/exercise-spaces';
import { ExerciseRoleSchema, ExerciseTypeSchema } from '../../../domain/exercises/exercise';
import { hicsPositions } from '../../../domain/hics';
import { ErrorText } from '../../app/ErrorText';
import { exerciseRoleKey, exerciseTypeKey } from '../../i18n/keys';
import { selectLanguage } from '../../state/selectors';
import { useApp } from '../../state/store-context';
import { useMutation } from '../../state/use-mutation';

type Row = { username: string; role: ExerciseParticipantInput['role']; position: string };

/** One line per entry: objectives and capabilities are lists a facilitator types as lists. */
const lines = (text: string) => text.split('\n').map((line) => line.trim()).filter((line) => line.length > 0);

/** A facilitator's form for a new exercise; the server makes its space, from the space this desk is in. */
export function ExerciseSetUpForm({ onMade }: { onMade: (name: string) => void }) {
  const { t } = useTranslation();
  const language = useApp(selectLanguage);
  const setUp = useMutation('exercise.setUp');
  const [name, setName] = useState('');
  const [type, setType] = useState<(typeof ExerciseTypeSchema.options)[number]>('tabletop');
  const [date, setDate] = useState('');
  const [objectives, setObjectives] = useState('');
  const [capabilities, setCapabilities] = useState('');
  const [rows, setRows] = useState<Row[]>([]);
  const change = (index: number, patch: Partial<Row>) => setRows((all) => all.map((row, i) => (i === index ? { ...row, ...patch } : row)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const participants = rows
      .filter((row) => row.username.trim().length > 0)
      .map((row) => ({ username: row.username.trim(), role: row.role, ...(row.role === 'player' && row.position ? { position: row.position } : {}) }));
    const failed = await setUp.run({ name: name.trim(), type, date, objectives: lines(objectives), capabilities: lines(capabilities), participants });
    if (failed) return;
    onMade(name.trim());
    setName('');
    setObjectives('');
    setCapabilities('');
    setRows([]);
  };

  return (
    <form className="form exercise-setup" aria-labelledby="exercise-setup-title" onSubmit={(e) => void submit(e)}>
      <h3 id="exercise-setup-title">{t('exercises.setUpTitle')}</h3>
      <label>
        <span>{t('exercises.name')}</span>
        <input name="exerciseName" required value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <label>
        <span>{t('exercises.type')}</span>
        <select name="exerciseType" value={type} onChange={(e) => setType(ExerciseTypeSchema.parse(e.target.value))}>
          {ExerciseTypeSchema.options.map((option) => (
            <option key={option} value={option}>{t(exerciseTypeKey(option))}</option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('exercises.date')}</span>
        <input name="exerciseDate" type="date" required value={date} onChange={(e) => setDate(e.target.value)} />
      </label>
      <label>
        <span>{t('exercises.objectives')}</span>
        <textarea name="objectives" rows={3} required value={objectives} onChange={(e) => setObjectives(e.target.value)} />
      </label>
      <label>
        <span>{t('exercises.capabilities')}</span>
        <textarea name="capabilities" rows={2} value={capabilities} onChange={(e) => setCapabilities(e.target.value)} />
      </label>
      <p className="hint">{t('exercises.onePerLine')}</p>
      <fieldset className="participants">
        <legend>{t('exercises.participants')}</legend>
        {rows.map((row, index) => (
          <div key={index} className="participant-row" role="group" aria-label={t('exercises.participantN', { n: index + 1 })}>
            <label>
              <span>{t('exercises.username')}</span>
              <input value={row.username} onChange={(e) => change(index, { username: e.target.value })} />
            </label>
            <label>
              <span>{t('exercises.role')}</span>
              <select value={row.role} onChange={(e) => change(index, { role: ExerciseRoleSchema.parse(e.target.value) })}>
                {ExerciseRoleSchema.options.map((role) => (
                  <option key={role} value={role}>{t(exerciseRoleKey(role))}</option>
                ))}
              </select>
            </label>
            {row.role === 'player' ? (
              <label>
                <span>{t('exercises.position')}</span>
                <select required value={row.position} onChange={(e) => change(index, { position: e.target.value })}>
                  <option value="">{t('exercises.choosePosition')}</option>
                  {hicsPositions.map((p) => (
                    <option key={p.id} value={p.id}>{p.name[language]}</option>
                  ))}
                </select>
              </label>
            ) : null}
            <button type="button" onClick={() => setRows((all) => all.filter((_, i) => i !== index))}>{t('exercises.removeParticipant')}</button>
          </div>
        ))}
        <button type="button" onClick={() => setRows((all) => [...all, { username: '', role: 'player', position: '' }])}>{t('exercises.addParticipant')}</button>
      </fieldset>
      {setUp.error ? <ErrorText error={setUp.error} /> : null}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={setUp.busy}>{t('exercises.setUp')}</button>
      </div>
    </form>
  );
}
