import { useTranslation } from 'react-i18next';
import { LanguageSchema } from '../../../contract/settings';
import { ErrorText } from '../../app/ErrorText';
import { languageKey } from '../../i18n/keys';
import { selectLanguage } from '../../state/selectors';
import { useApp } from '../../state/store-context';
import { useMutation } from '../../state/use-mutation';
import { ResponseLevelsForm } from './ResponseLevelsForm';
import { ExercisesPanel } from './ExercisesPanel';
import { ServerLoginPanel } from './ServerLoginPanel';
import { WallSetup } from '../wall';
import { MselPanel } from '../exercises';

export function SettingsPage() {
  const { t } = useTranslation();
  const settings = useApp((s) => s.settings);
  const language = useApp(selectLanguage);
  const setLanguage = useMutation('settings.update');
  const { error } = setLanguage;
  const choose = (value: string) => setLanguage.run({ language: LanguageSchema.parse(value) });
  return (
    <div className="settings-page">
    <section className="panel narrow" aria-labelledby="settings-title">
      <h2 id="settings-title">{t('settings.title')}</h2>
      <fieldset className="language-choice">
        <legend>{t('settings.language')}</legend>
        {LanguageSchema.options.map((option) => (
          <label key={option} className="radio">
            <input type="radio" name="language" value={option} checked={language === option} onChange={(e) => void choose(e.target.value)} />
            <span lang={option}>{t(languageKey(option))}</span>
          </label>
        ))}
      </fieldset>
      {error ? <ErrorText error={error} /> : null}
      <dl className="facts">
        <dt>{t('settings.timeZone')}</dt>
        <dd>{settings?.timeZone}</dd>
        <dt>{t('settings.space')}</dt>
        <dd>{settings?.space}</dd>
      </dl>
    </section>
    <ServerLoginPanel />
    <ExercisesPanel />
    <MselPanel />
    <ResponseLevelsForm />
    <WallSetup />
    </div>
  );
}
