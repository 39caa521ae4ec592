import { useTranslation } from 'react-i18next';
import { LanguageSchema } from '../../../contract/settings';
import { languageKey } from '../../i18n/keys';
import { selectLanguage } from '../../state/selectors';
import { useApp } from '../../state/store-context';
import { useMutation } from '../../state/use-mutation';

/** One click to the other language, from any page; the choice is saved in the workstation's settings. */
export function LanguageToggle() {
  const { t } = useTranslation();
  const language = useApp(selectLanguage);
  const setLanguage = useMutation('settings.update').run;
  const other = LanguageSchema.options.find((option) => option !== language) ?? 'zh-CN';
  return (
    <button type="button" className="language-toggle" lang={other} onClick={() => void setLanguage({ language: other })} data-testid="language-toggle">
      {t(languageKey(other))}
    </button>
  );
}
