import { useTranslation } from 'react-i18next';

/** The criteria of each triage system, shown beside entry so the colour chosen matches the algorithm the hospital uses. */
export function TriageHelp() {
  const { t } = useTranslation();
  return (
    <details className="casualty-help" data-testid="triage-help">
      <summary>{t('casualties.help.title')}</summary>
      <div className="casualty-help-systems">
        <section>
          <h4>{t('casualties.help.start.title')}</h4>
          <ol>
            <li><span className="triage-chip triage-minor" aria-hidden="true" />{t('casualties.help.start.walking')}</li>
            <li><span className="triage-chip triage-dead" aria-hidden="true" />{t('casualties.help.start.notBreathing')}</li>
            <li><span className="triage-chip triage-immediate" aria-hidden="true" />{t('casualties.help.start.immediate')}</li>
            <li><span className="triage-chip triage-delayed" aria-hidden="true" />{t('casualties.help.start.delayed')}</li>
          </ol>
        </section>
        <section>
          <h4>{t('casualties.help.jumpstart.title')}</h4>
          <ol>
            <li><span className="triage-chip triage-minor" aria-hidden="true" />{t('casualties.help.jumpstart.walking')}</li>
            <li><span className="triage-chip triage-dead" aria-hidden="true" />{t('casualties.help.jumpstart.notBreathing')}</li>
            <li><span className="triage-chip triage-immediate" aria-hidden="true" />{t('casualties.help.jumpstart.immediate')}</li>
            <li><span className="triage-chip triage-delayed" aria-hidden="true" />{t('casualties.help.jumpstart.delayed')}</li>
          </ol>
        </section>
        <section>
          <h4>{t('casualties.help.salt.title')}</h4>
          <ol>
            <li>{t('casualties.help.salt.sort')}</li>
            <li>{t('casualties.help.salt.lsi')}</li>
            <li><span className="triage-chip triage-dead" aria-hidden="true" />{t('casualties.help.salt.dead')}</li>
            <li><span className="triage-chip triage-immediate" aria-hidden="true" /><span className="triage-chip triage-expectant" aria-hidden="true" />{t('casualties.help.salt.immediate')}</li>
            <li><span className="triage-chip triage-delayed" aria-hidden="true" /><span className="triage-chip triage-minor" aria-hidden="true" />{t('casualties.help.salt.delayed')}</li>
          </ol>
        </section>
      </div>
    </details>
  );
}
