import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Board } from '../../../contract/board';
import { activatedPositions, isActiveIn, keyVacancies } from '../../../domain/incidents/assignments';
import { childPositions, keyPositionIds, type Position } from '../../../domain/hics';
import { findSheet, JasLanguageSchema } from '../../../domain/board/job-action-sheets';
import { useNow } from '../../app/use-now';
import { formatDateTime } from '../../lib/time';
import { selectLanguage, selectTimeZone } from '../../state/selectors';
import { useApp } from '../../state/store-context';
import { usePlanCoverage } from '../plans';
import { JasOfferDialog } from './JasOfferDialog';
import { PositionBox } from './PositionBox';
import { positionName } from './positions';

/** HICS 207 as a chart: the IC, command staff beside, the four sections below with their branches and units. */
export function OrgChart({ board }: { board: Board }) {
  const { t } = useTranslation();
  const language = useApp(selectLanguage);
  const timeZone = useApp(selectTimeZone);
  const now = useNow(60_000);
  const [showAll, setShowAll] = useState(false);
  const [period, setPeriod] = useState(board.incident.period);
  const [offer, setOffer] = useState<string | null>(null);
  const jasLanguage = JasLanguageSchema.safeParse(language).data ?? 'zh-CN';
  const plan = usePlanCoverage(board.incident.id);

  const activated = activatedPositions(board.assignments, period);
  const shown = (p: Position): boolean => showAll || activated.has(p.id) || (keyPositionIds as readonly string[]).includes(p.id);
  const vacancies = keyVacancies(board.assignments.filter((a) => a.incidentId === board.incident.id), period);
  const offered = new Set(board.tasks.flatMap((task) => (task.source ? [task.source.positionId] : [])));

  const box = (p: Position) => (
    <PositionBox
      key={p.id}
      position={p}
      incidentId={board.incident.id}
      period={period}
      holders={board.assignments.filter((a) => a.positionId === p.id && isActiveIn(a, period))}
      vacant={vacancies.includes(p.id)}
      canOfferJas={findSheet(p.id, jasLanguage) !== undefined && !offered.has(p.id)}
      onActivated={(id) => {
        // An active plan covering the position gives it the plan's checklist, not the sheet's loose cards.
        if (plan.covers(id)) void plan.open(id);
        else if (findSheet(id, jasLanguage) && !offered.has(id)) setOffer(id);
      }}
      onOfferJas={setOffer}
    />
  );
  const subtree = (parent: Position): ReactNode => {
    const children = childPositions(parent.id).filter(shown);
    if (children.length === 0) return null;
    return (
      <ul className="org-tree">
        {children.map((c) => (
          <li key={c.id}>
            {box(c)}
            {subtree(c)}
          </li>
        ))}
      </ul>
    );
  };

  const ic = childPositions(null)[0];
  if (!ic) return null;
  const staff = childPositions(ic.id).filter((p) => p.kind === 'command_staff' && shown(p));
  const sections = childPositions(ic.id).filter((p) => p.kind === 'section_chief');
  const periods = [board.incident.period, board.incident.period + 1];

  return (
    <section className="org-chart" aria-labelledby="org-title" data-testid="org-chart" data-show-all={showAll ? 'true' : 'false'}>
      <header className="org-head">
        <div>
          <h2 id="org-title">{t('board.org.title')}</h2>
          <p className="muted org-print-meta">
            {t('board.org.printMeta', { name: board.incident.name, period, at: formatDateTime(now, timeZone, language) })}
          </p>
        </div>
        <div className="org-controls">
          {vacancies.length > 0 ? (
            <span className="vacancy-summary" data-testid="vacancies">
              {t('board.org.vacancies', { list: vacancies.map((id) => positionName(id, language)).join('、') })}
            </span>
          ) : (
            <span className="ok">{t('board.org.allKeyStaffed')}</span>
          )}
          <label>
            <span>{t('board.org.period')}</span>
            <select name="orgPeriod" value={period} onChange={(e) => setPeriod(Number(e.target.value))}>
              {periods.map((p) => (
                <option key={p} value={p}>{p === board.incident.period ? t('board.org.currentPeriod', { period: p }) : t('board.org.nextPeriod', { period: p })}</option>
              ))}
            </select>
          </label>
          <label className="check">
            <input type="checkbox" name="showAll" checked={showAll} onChange={(e) => setShowAll(e.target.checked)} data-testid="org-show-all" />
            <span>{t('board.org.showAll')}</span>
          </label>
          <button type="button" className="secondary" onClick={() => window.print()}>{t('board.org.print')}</button>
        </div>
      </header>
      <div className="org-body">
        <div className="org-command">
          <div className="org-ic">{box(ic)}</div>
          {staff.length > 0 ? <div className="org-staff">{staff.map(box)}</div> : null}
        </div>
        <div className="org-sections">
          {sections.filter(shown).map((s) => (
            <div key={s.id} className={`org-section org-section-${s.section}`}>
              {box(s)}
              {subtree(s)}
            </div>
          ))}
        </div>
      </div>
      {offer ? <JasOfferDialog incidentId={board.incident.id} positionId={offer} language={jasLanguage} onClose={() => setOffer(null)} /> : null}
    </section>
  );
}
