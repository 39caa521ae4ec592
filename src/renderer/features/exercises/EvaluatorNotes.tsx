import type { TFunction } from 'i18next';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatExerciseTime, type Exercise } from '../../../domain/exercises/exercise';
import type { EvaluatorNote } from '../../../domain/exercises/evaluation';
import type { Inject } from '../../../domain/exercises/injects';
import { newId } from '../../../domain/ids';
import { ActorName } from '../../app/ActorName';
import { ErrorText } from '../../app/ErrorText';
import { formatTime } from '../../lib/time';
import { selectLanguage, selectTimeZone } from '../../state/selectors';
import { useApp } from '../../state/store-context';
import { useMutation } from '../../state/use-mutation';

type NoteKind = EvaluatorNote['kind'];
const kinds: readonly NoteKind[] = ['note', 'strength', 'improvement'];

export function noteKindLabel(t: TFunction, kind: NoteKind): string {
  switch (kind) {
    case 'note': return t('exercises.evaluation.kind.note');
    case 'strength': return t('exercises.evaluation.kind.strength');
    case 'improvement': return t('exercises.evaluation.kind.improvement');
  }
}

/**
 * The evaluator's pad: timestamped observations (exercise time and real time) tied to an inject, a player's
 * position and an objective; listed oldest first for everyone who sees the scenario.
 */
export function EvaluatorNotes({ exercise, injects, notes, mayWrite }: { exercise: Exercise; injects: readonly Inject[]; notes: readonly EvaluatorNote[]; mayWrite: boolean }) {
  const { t } = useTranslation();
  const timeZone = useApp(selectTimeZone);
  const locale = useApp(selectLanguage);
  const record = useMutation('evaluation.note');
  const [kind, setKind] = useState<NoteKind>('note');
  const [text, setText] = useState('');
  const [injectNumber, setInjectNumber] = useState('');
  const [position, setPosition] = useState('');
  const [objectiveId, setObjectiveId] = useState('');
  const delivered = injects.filter((i) => i.status === 'delivered');
  const positions = [...new Set(exercise.participants.flatMap((p) => (p.role === 'player' && p.position ? [p.position] : [])))];
  const objectiveText = new Map(exercise.objectives.map((o) => [o.id, o.text]));
  const onRecord = (event: FormEvent) => {
    event.preventDefault();
    const args = {
      id: newId(),
      exerciseId: exercise.id,
      kind,
      text,
      ...(injectNumber ? { injectNumber: Number(injectNumber) } : {}),
      ...(position ? { position } : {}),
      ...(objectiveId ? { objectiveId } : {}),
    };
    void record.run(args).then((error) => (error ? undefined : setText('')));
  };
  return (
    <section className="panel evaluator-notes" aria-labelledby="evaluator-notes-title">
      <h2 id="evaluator-notes-title">{t('exercises.evaluation.notes')}</h2>
      {mayWrite ? (
        <form className="form evaluator-note-form" onSubmit={onRecord}>
          <label>
            <span>{t('exercises.evaluation.noteKind')}</span>
            <select aria-label={t('exercises.evaluation.noteKind')} value={kind} onChange={(e) => setKind(kinds.find((k) => k === e.target.value) ?? 'note')}>
              {kinds.map((k) => <option key={k} value={k}>{noteKindLabel(t, k)}</option>)}
            </select>
          </label>
          <label>
            <span>{t('exercises.evaluation.noteInject')}</span>
            <select aria-label={t('exercises.evaluation.noteInject')} value={injectNumber} onChange={(e) => setInjectNumber(e.target.value)}>
              <option value="">{t('exercises.evaluation.none')}</option>
              {delivered.map((i) => <option key={i.id} value={String(i.number)}>#{i.number} {i.subject}</option>)}
            </select>
          </label>
          <label>
            <span>{t('exercises.evaluation.notePosition')}</span>
            <select aria-label={t('exercises.evaluation.notePosition')} value={position} onChange={(e) => setPosition(e.target.value)}>
              <option value="">{t('exercises.evaluation.none')}</option>
              {positions.map((p) => <option key={p} value={p}>{p}</option>)}
            </select>
          </label>
          <label>
            <span>{t('exercises.evaluation.noteObjective')}</span>
            <select aria-label={t('exercises.evaluation.noteObjective')} value={objectiveId} onChange={(e) => setObjectiveId(e.target.value)}>
              <option value="">{t('exercises.evaluation.none')}</option>
              {exercise.objectives.map((o) => <option key={o.id} value={o.id}>{o.text}</option>)}
            </select>
          </label>
          <label className="wide">
            <span>{t('exercises.evaluation.noteText')}</span>
            <textarea aria-label={t('exercises.evaluation.noteText')} rows={2} required maxLength={4000} value={text} onChange={(e) => setText(e.target.value)} />
          </label>
          <button type="submit" className="primary" disabled={record.busy}>{t('exercises.evaluation.recordNote')}</button>
          {record.error ? <ErrorText error={record.error} /> : null}
        </form>
      ) : null}
      {notes.length === 0 ? <p className="muted">{t('exercises.evaluation.noNotes')}</p> : (
        <ol className="evaluator-note-list">
          {notes.map((n) => (
            <li key={n.id} data-testid="evaluator-note">
              <span className="muted">{formatExerciseTime(n.exerciseAt)} · {formatTime(n.at, timeZone, locale)}</span>{' '}
              <strong>{noteKindLabel(t, n.kind)}</strong>{' '}
              {[n.injectNumber !== undefined ? `#${n.injectNumber}` : '', n.position ?? '', n.objectiveId ? (objectiveText.get(n.objectiveId) ?? '') : ''].filter(Boolean).join(' · ')}
              <p>{n.text}</p>
              <ActorName id={n.by} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
