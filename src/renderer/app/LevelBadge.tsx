import { useTranslation } from 'react-i18next';
import { responseLevelColour, type ResponseLevel } from '../../domain/incidents/incident';
import { levelNameKey, levelShortKey } from '../i18n/keys';

/** The level's colour with its numeral and name in text, so colour is never the only signal. */
export function LevelBadge({ level, long = false }: { level: ResponseLevel; long?: boolean }) {
  const { t } = useTranslation();
  return (
    <span className={`level-badge level-${responseLevelColour[level]}`} data-level={level} data-colour={responseLevelColour[level]}>
      {long ? t(levelNameKey(level)) : t(levelShortKey(level))}
    </span>
  );
}
