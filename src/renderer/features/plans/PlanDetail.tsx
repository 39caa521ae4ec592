import { useState } from 'react';
import type { TimeBand } from '../../../domain/board/job-action-sheets';
import { useTranslation } from 'react-i18next';
import { planPhases, versionLabel, type ChecklistItemTemplate, type PlanVersion } from '../../../domain/plans';
import { LevelBadge } from '../../app/LevelBadge';
import { formatDate } from '../../lib/time';
import { selectLanguage, selectTimeZone } from '../../state/selectors';
import { useApp } from '../../state/store-context';
import { useLive } from '../../state/use-live';
import { positionLabel } from './positions';
import { bandLabel, phaseLabel, roleLabel, triggerLabel, versionStatusLabel } from './labels';
import { PlanCorrectiveActions } from '../aar';
import { PlanActions } from './PlanActions';
import { PlanUpkeep } from './PlanUpkeep';
import { planText } from './plan-text';

const bands: readonly TimeBand[] = ['immediate', 'intermediate', 'extended', 'demobilisation'];

/** Items of one phase, by position (plan order) and then by JAS band. */
function byPositionAndBand(items: readonly ChecklistItemTemplate[]): [string, [TimeBand, ChecklistItemTemplate[]][]][] {
  const positions = [...new Set(items.map((i) => i.positionId))];
  return positions.map((positionId) => [
    positionId,
    bands.map((band): [TimeBand, ChecklistItemTemplate[]] => [band, items.filter((i) => i.positionId === positionId && i.band === band)]).filter(([, list]) => list.length > 0),
  ]);
}

function VersionText({ version }: { version: PlanVersion }) {
  const { t } = useTranslation();
  const language = useApp(selectLanguage);
  const [phase, setPhase] = useState<(typeof planPhases)[number]>('response');
  const phaseItems = version.content.checklist.filter((i) => i.phase === phase);
  return (
    <>
      <section className="plans-block" aria-label={t('plans.sections')}>
        <h4>{t('plans.sections')}</h4>
        {version.content.sections.map((s) => (
          <details key={s.key} className="plans-section">
            <summary>{planText(s.title, language)}</summary>
            <p>{planText(s.body, language)}</p>
          </details>
        ))}
      </section>
      <section className="plans-block" aria-label={t('plans.criteria')}>
        <h4>{t('plans.criteria')}</h4>
        <ul className="plans-criteria">
          {version.content.activationCriteria.map((c) => (
            <li key={c.id}><LevelBadge level={c.level} /> {planText(c.text, language)}</li>
          ))}
        </ul>
      </section>
      <section className="plans-block" aria-label={t('plans.checklist')}>
        <h4>{t('plans.checklist')}</h4>
        <div className="plans-phase-tabs" role="tablist">
          {planPhases.map((p) => (
            <button key={p} type="button" role="tab" aria-selected={p === phase} className={p === phase ? 'active' : ''} onClick={() => setPhase(p)} data-testid={`plan-phase-${p}`}>
              {phaseLabel[p](t)} ({version.content.checklist.filter((i) => i.phase === p).length})
            </button>
          ))}
        </div>
        {byPositionAndBand(phaseItems).map(([positionId, groups]) => (
          <div key={positionId} className="plans-template-position">
            <h5>{positionLabel(positionId, language)}</h5>
            {groups.map(([band, items]) => (
              <div key={band} className="plans-template-band">
                <span className="plans-band-name">{bandLabel[band](t)}</span>
                <ul>
                  {items.map((i) => (
                    <li key={i.id} className={i.parentId ? 'plans-substep' : ''}>
                      <span className="plans-from-level">{t('plans.fromLevel', { level: i.fromLevel })}</span> {planText(i.text, language)}
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </div>
        ))}
      </section>
    </>
  );
}

/** One plan: its versions (the one in force, or the one being written), approval, revision reason, text. */
export function PlanDetail({ planId }: { planId: string }) {
  const { t } = useTranslation();
  const language = useApp(selectLanguage);
  const timeZone = useApp(selectTimeZone);
  const { data } = useLive('plans.get', { planId });
  const [picked, setPicked] = useState<string | null>(null);
  if (!data) return null;
  const { plan, versions } = data;
  const version = versions.find((v) => v.id === picked) ?? versions.find((v) => v.id === plan.currentVersionId) ?? versions[0];
  if (!version) return null;
  return (
    <section className="panel plans-detail" aria-labelledby="plan-detail-title" data-testid="plan-detail">
      <h3 id="plan-detail-title">{planText(plan.title, language)} <span className="muted">{plan.code}</span></h3>
      <p className="muted">{t('plans.owner', { owner: planText(plan.ownerDept, language) })}</p>
      <div className="plans-versions">
        {versions.map((v) => (
          <button key={v.id} type="button" className={v.id === version.id ? 'active' : ''} aria-pressed={v.id === version.id} onClick={() => setPicked(v.id)} data-testid="plan-version">
            {t('plans.version', { version: versionLabel(v) })} · {versionStatusLabel[v.status](t)}
          </button>
        ))}
      </div>
      {version.approval ? (
        <p data-testid="plan-approval">{t('plans.approvedBy', { name: version.approval.name, role: roleLabel[version.approval.role](t), date: formatDate(version.approval.at, timeZone, language) })}</p>
      ) : null}
      {version.revision ? <p>{t('plans.revision', { trigger: triggerLabel[version.revision.trigger](t), summary: version.revision.summary })}</p> : null}
      {version.revision?.closes ? <PlanCorrectiveActions planId={plan.id} closes={version.revision.closes} /> : null}
      <PlanActions plan={plan} version={version} />
      <PlanUpkeep plan={plan} />
      <PlanCorrectiveActions planId={plan.id} />
      <VersionText version={version} />
    </section>
  );
}
