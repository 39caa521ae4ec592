import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Exercise } from '../../../domain/exercises/exercise';
import type { HotwashNote } from '../../../domain/exercises/evaluation';
import { newId } from '../../../domain/ids';
import { ActorName } from '../../app/ActorName';
import { ErrorText } from '../../app/ErrorText';
import { useMutation } from '../../state/use-mutation';

/**
 * The hot wash, once play has ended: every participant, players included, adds what went well and what should
 * improve; the AAR/IP's first draft starts from it.
 */
export function Hotwash({ exercise, notes, mayWrite }: { exercise: Exercise; notes: readonly HotwashNote[]; mayWrite: boolean }) {
  const { t } = useTranslation();
  const add = useMutation('hotwash.add');
  const [kind, setKind] = useState<HotwashNote['kind']>('strength');
  const [text, setText] = useState('');
  const onAdd = (event: FormEvent) => {
    event.preventDefault();
    void add.run({ id: newId(), exerciseId: exercise.id, kind, text }).then((error) => (error ? undefined : setText('')));
  };
  const list = (which: HotwashNote['kind']) => notes.filter((n) => n.kind === which);
  return (
    <section className="panel hotwash" aria-labelledby="hotwash-title">
      <h2 id="hotwash-title">{t('exercises.evaluation.hotwash')}</h2>
      {exercise.status !== 'ended' ? <p className="muted">{t('exercises.evaluation.hotwashLater')}</p> : null}
      <h3>{t('exercises.evaluation.kind.strength')}</h3>
      {list('strength').length === 0 ? <p className="muted">{t('exercises.evaluation.none')}</p> : <ul>{list('strength').map((n) => <li key={n.id}>{n.text} (<ActorName id={n.by} />)</li>)}</ul>}
      <h3>{t('exercises.evaluation.kind.improvement')}</h3>
      {list('improvement').length === 0 ? <p className="muted">{t('exercises.evaluation.none')}</p> : <ul>{list('improvement').map((n) => <li key={n.id}>{n.text} (<ActorName id={n.by} />)</li>)}</ul>}
      {mayWrite && exercise.status === 'ended' ? (
        <form className="form hotwash-form" onSubmit={onAdd}>
          <label>
            <span>{t('exercises.evaluation.hotwashKind')}</span>
            <select aria-label={t('exercises.evaluation.hotwashKind')} value={kind} onChange={(e) => setKind(e.target.value === 'improvement' ? 'improvement' : 'strength')}>
              <option value="strength">{t('exercises.evaluation.kind.strength')}</option>
              <option value="improvement">{t('exercises.evaluation.kind.improvement')}</option>
            </select>
          </label>
          <label>
            <span>{t('exercises.evaluation.hotwashText')}</span>
            <textarea aria-label={t('exercises.evaluation.hotwashText')} rows={2} required maxLength={2000} value={text} onChange={(e) => setText(e.target.value)} />
          </label>
          <button type="submit" className="secondary" disabled={add.busy}>{t('exercises.evaluation.hotwashAdd')}</button>
          {add.error ? <ErrorText error={add.error} /> : null}
        </form>
      ) : null}
    </section>
  );
}
