import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatExerciseTime } from '../../../domain/exercises';
import { findPosition } from '../../../domain/hics';
import { ErrorText } from '../../app/ErrorText';
import { toUiError, type UiError } from '../../lib/ui-error';
import { selectLanguage } from '../../state/selectors';
import { useApp } from '../../state/store-context';
import { useLive } from '../../state/use-live';
import { methodLabel } from './labels';

/** How a source is named in the picker: its name, space and when it closed, in the user's own time. */
function useSourceLabel() {
  const { t, i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  return (source: { name: string; spaceName: string; closedAt: number }) => t('exercises.replay.source', { name: source.name, space: source.spaceName, closed: format.format(source.closedAt) });
}

/**
 * "Replay a real incident" in a draft MSEL: pick a closed incident of the user's hospital, see what it would add
 * (count, the first rows, what is left out and why), confirm; the rows then sit in the grid for editing.
 */
export function ReplayIncident() {
  const { t } = useTranslation();
  const language = useApp(selectLanguage);
  const client = useApp((s) => s.client);
  const sources = useLive('msel.replaySources', {}).data ?? [];
  const label = useSourceLabel();
  const [chosen, setChosen] = useState('');
  const source = sources.find((s) => s.incidentId === chosen);
  const request = source ? { space: source.space, incidentId: source.incidentId, language } : null;
  const preview = useLive('msel.replayPreview', request);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ added: number } | { error: UiError } | null>(null);

  const replay = async () => {
    if (!request) return;
    setBusy(true);
    try {
      const done = await client.call('msel.replay', request);
      setOutcome({ added: done.added });
      setChosen('');
    } catch (error) {
      setOutcome({ error: toUiError(error) });
    }
    setBusy(false);
  };

  const plan = preview.data;
  return (
    <section className="msel-replay" aria-labelledby="msel-replay-title">
      <h3 id="msel-replay-title">{t('exercises.replay.title')}</h3>
      <p className="hint">{t('exercises.replay.explain')}</p>
      {sources.length === 0 ? <p className="muted">{t('exercises.replay.none')}</p> : (
        <label>
          {t('exercises.replay.pick')}
          <select value={chosen} onChange={(e) => { setChosen(e.target.value); setOutcome(null); }}>
            <option value="">{t('exercises.replay.choose')}</option>
            {sources.map((s) => <option key={s.incidentId} value={s.incidentId}>{label(s)}</option>)}
          </select>
        </label>
      )}
      {request && preview.error ? <ErrorText error={preview.error} /> : null}
      {request && plan ? (
        <div className="msel-replay-preview" role="region" aria-label={t('exercises.replay.preview')}>
          <p>{t('exercises.replay.adds', { count: plan.adding, first: plan.firstNumber })}</p>
          <p className="hint">{t('exercises.replay.counts', plan.counts)}</p>
          {plan.omitted > 0 ? <p role="status">{t('exercises.replay.omitted', { count: plan.omitted })}</p> : null}
          {plan.textsWithheld ? <p role="status">{t('exercises.replay.withheld')}</p> : null}
          <ol className="msel-replay-sample">
            {plan.sample.map((d) => (
              <li key={d.number} value={d.number}>
                <span>{formatExerciseTime(d.trigger.minutes * 60_000)}</span> · <span>{methodLabel(t, d.method)}</span> · <span>{findPosition(d.to)?.name[language] ?? d.to}</span> · <strong>{d.subject}</strong>
              </li>
            ))}
          </ol>
          <button type="button" onClick={() => void replay()} disabled={busy || plan.adding === 0}>{t('exercises.replay.confirm', { count: plan.adding })}</button>
        </div>
      ) : null}
      {outcome && 'added' in outcome ? <p role="status">{t('exercises.replay.added', { count: outcome.added })}</p> : null}
      {outcome && 'error' in outcome ? <ErrorText error={outcome.error} /> : null}
    </section>
  );
}
