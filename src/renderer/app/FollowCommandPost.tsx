import { useTranslation } from 'react-i18next';
import { selectCommandPostIncident, selectCurrentIncident, selectFollowsCommandPost } from '../state/selectors';
import { useApp } from '../state/store-context';
import { useChooseIncident } from '../state/use-choose-incident';

/**
 * Under the incident name: whether this desk follows the command post's current incident, and, once its user has
 * picked another, the way back (drill fix 13). Nothing while the command post has marked no open incident.
 */
export function FollowCommandPost() {
  const { t } = useTranslation();
  const commandPost = useApp(selectCommandPostIncident);
  const current = useApp(selectCurrentIncident);
  const follows = useApp(selectFollowsCommandPost);
  const { follow } = useChooseIncident();
  if (!commandPost) return null;
  if (follows) return <div className="incident-follow muted" data-testid="follow-state" data-follows="yes">{t('header.followsCommandPost')}</div>;
  return (
    <div className="incident-follow" data-testid="follow-state" data-follows="no">
      <span>{current?.id === commandPost.id ? t('header.ownChoice') : t('header.commandPostOn', { name: commandPost.name })}</span>
      <button type="button" className="secondary" onClick={() => void follow()} data-testid="follow-command-post">{t('header.followCommandPost')}</button>
    </div>
  );
}
