import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ResponseLevelSchema } from '../../../domain/incidents/incident';
import type { ResponseLevelMap } from '../../../domain/warning/response-levels';
import { WarningGradeSchema, type WarningGrade } from '../../../domain/warning/warning-grades';
import { ErrorText } from '../../app/ErrorText';
import { levelNameKey } from '../../i18n/keys';
import { formatDateTime } from '../../lib/time';
import { selectLanguage, selectTimeZone } from '../../state/selectors';
import { useApp } from '../../state/store-context';
import { useActorLabel } from '../../state/use-actor-label';
import { useLive } from '../../state/use-live';
import { useCan } from '../../state/use-can';
import { useMutation } from '../../state/use-mutation';

const gradeLabel: Record<WarningGrade, (t: (key: string) => string) => string> = {
  red: (t) => t('settings.responseLevels.red'),
  orange: (t) => t('settings.responseLevels.orange'),
  yellow: (t) => t('settings.responseLevels.yellow'),
  blue: (t) => t('settings.responseLevels.blue'),
};

/** The form, keyed by the saved mapping so a change from another desk resets what is shown. */
function Form({ saved, onSaved }: { saved: ResponseLevelMap; onSaved: (levels: ResponseLevelMap) => void }) {
  const { t } = useTranslation();
  const [levels, setLevels] = useState<ResponseLevelMap>(saved);
  const save = useMutation('warning.setResponseLevels');
  const command = useCan('incident.command');
  const changed = WarningGradeSchema.options.some((g) => levels[g] !== saved[g]);
  return (
    <form
      className="response-levels"
      onSubmit={(e) => {
        e.preventDefault();
        void save.run({ levels }).then((failed) => failed === null && onSaved(levels));
      }}
    >
      {WarningGradeSchema.options.map((grade) => (
        <label key={grade} className={`response-level-row grade-${grade}`}>
          <span>{gradeLabel[grade](t)}</span>
          <select name={`level-${grade}`} value={levels[grade]} onChange={(e) => setLevels((l) => ({ ...l, [grade]: ResponseLevelSchema.parse(e.target.value) }))}>
            {ResponseLevelSchema.options.map((level) => (
              <option key={level} value={level}>{t(levelNameKey(level))}</option>
            ))}
          </select>
        </label>
      ))}
      {save.error ? <ErrorText error={save.error} /> : null}
      <div className="form-actions">
        <button type="submit" disabled={!changed || save.busy || !command.allowed} title={command.title}>{t('settings.responseLevels.save')}</button>
      </div>
    </form>
  );
}

/**
 * The hospital's own mapping from warning grade to the response level (I–IV) an incident opened from an alert
 * starts at. Synced to every desk of the space; changing it needs command rights (the server checks).
 */
export function ResponseLevelsForm() {
  const { t } = useTranslation();
  const language = useApp(selectLanguage);
  const timeZone = useApp(selectTimeZone);
  const { data, error } = useLive('warning.responseLevels', {});
  const who = useActorLabel();
  // The form remounts when the saved mapping changes, so "saved" lives here: shown while the mapping is the one saved.
  const [justSaved, setJustSaved] = useState<string | null>(null);
  return (
    <section className="panel narrow" aria-labelledby="response-levels-title" data-testid="response-levels">
      <h2 id="response-levels-title">{t('settings.responseLevels.title')}</h2>
      <p className="muted">{t('settings.responseLevels.hint')}</p>
      {error ? <ErrorText error={error} /> : null}
      {data ? (
        <>
          <p className="muted">
            {data.isDefault || data.updatedAt === undefined
              ? t('settings.responseLevels.default')
              : t('settings.responseLevels.setBy', { who: who(data.updatedBy ?? '').name, time: formatDateTime(data.updatedAt, timeZone, language) })}
          </p>
          <Form key={JSON.stringify(data.levels)} saved={data.levels} onSaved={(levels) => setJustSaved(JSON.stringify(levels))} />
          {justSaved === JSON.stringify(data.levels) ? <span className="muted" role="status">{t('settings.responseLevels.saved')}</span> : null}
        </>
      ) : null}
    </section>
  );
}
