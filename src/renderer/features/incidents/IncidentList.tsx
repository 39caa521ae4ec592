import { useTranslation } from 'react-i18next';
import { incidentStatusKey, incidentTypeKey } from '../../i18n/keys';
import { LevelBadge } from '../../app/LevelBadge';
import { formatDateTime } from '../../lib/time';
import { selectCurrentIncident, selectLanguage, selectTimeZone } from '../../state/selectors';
import { useApp } from '../../state/store-context';
import { useChooseIncident } from '../../state/use-choose-incident';

export function IncidentList() {
  const { t } = useTranslation();
  const incidents = useApp((s) => s.incidents);
  const loaded = useApp((s) => s.incidentsLoaded);
  const currentId = useApp((s) => selectCurrentIncident(s)?.id ?? null);
  const timeZone = useApp(selectTimeZone);
  const locale = useApp(selectLanguage);
  const { choose } = useChooseIncident();
  return (
    <section className="panel" aria-labelledby="incident-list-title">
      <h2 id="incident-list-title">{t('board.incidents.title')}</h2>
      {!loaded ? <p className="muted">{t('board.incidents.loading')}</p> : null}
      {loaded && incidents.length === 0 ? <p className="empty">{t('board.incidents.empty')}</p> : null}
      {incidents.length > 0 ? (
        <table className="grid" data-testid="incident-list">
          <thead>
            <tr>
              <th scope="col">{t('board.incidents.name')}</th>
              <th scope="col">{t('board.incidents.type')}</th>
              <th scope="col">{t('board.incidents.level')}</th>
              <th scope="col">{t('board.incidents.status')}</th>
              <th scope="col">{t('board.incidents.declaredAt')}</th>
              <th scope="col">{t('board.incidents.period')}</th>
              <th scope="col">{t('board.incidents.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {incidents.map((incident) => (
              <tr key={incident.id} className={incident.id === currentId ? 'current' : undefined} data-incident-id={incident.id}>
                <td className="strong">{incident.name}</td>
                <td>{t(incidentTypeKey(incident.type))}</td>
                <td><LevelBadge level={incident.level} /></td>
                <td>{t(incidentStatusKey(incident.status))}</td>
                <td className="num">{formatDateTime(incident.declaredAt, timeZone, locale)}</td>
                <td className="num">{incident.period}</td>
                <td>
                  {incident.id === currentId ? (
                    <span className="tag">{t('board.incidents.isCurrent')}</span>
                  ) : (
                    <button type="button" className="secondary" onClick={() => void choose(incident)}>
                      {t('board.incidents.makeCurrent')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
