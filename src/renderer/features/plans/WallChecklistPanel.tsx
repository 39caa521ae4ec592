import { useTranslation } from 'react-i18next';
import { checklistRows, progressOf, rollUp, type Progress } from '../../../domain/plans';
import type { Section } from '../../../domain/hics';
import { selectLanguage } from '../../state/selectors';
import { useApp } from '../../state/store-context';
import { useLive } from '../../state/use-live';
import { sectionLabel } from './labels';
import { planText } from './plan-text';
import { positionLabel } from './positions';

const sections: readonly Section[] = ['command', 'operations', 'planning', 'logistics', 'finance'];

function Row({ label, progress, testId }: { label: string; progress: Progress; testId: string }) {
  return (
    <tr data-testid={testId} data-complete={progress.complete} data-total={progress.total}>
      <td>{label}</td>
      <td className="num">{progress.complete}/{progress.total}</td>
      <td className={progress.overdue > 0 ? 'num tone-alert' : 'num'}>{progress.overdue}</td>
    </tr>
  );
}

/** The wall's view of plan checklists: progress per HICS section and per position, overdue counts; no names. */
export function WallChecklistPanel({ incidentId, now }: { incidentId: string | null; now: number }) {
  const { t } = useTranslation();
  const language = useApp(selectLanguage);
  const { data } = useLive('plans.incident', incidentId ? { incidentId } : null);
  if (!data || data.plans.length === 0) return <p className="wall-nodata">{t('plans.board.none')}</p>;
  const clock = Math.max(now, data.incident.updatedAt);
  return (
    <div className="wall-checklists" data-testid="wall-checklists">
      {data.plans.map((entry) => {
        const positions = entry.checklists.map((c) => ({
          positionId: c.positionId,
          progress: progressOf(checklistRows(entry.version.content, c.positionId, c.marks, { activation: entry.activation, incident: data.incident, now: clock })),
        }));
        const { bySection, total } = rollUp(positions);
        return (
          <table key={entry.activation.id} className="wall-table">
            <caption>{planText(entry.plan.title, language)}: {total.complete}/{total.total}</caption>
            <thead>
              <tr><th>{t('plans.wall.position')}</th><th>{t('plans.wall.done')}</th><th>{t('plans.wall.overdue')}</th></tr>
            </thead>
            <tbody>
              {sections.flatMap((s) => {
                const p = bySection[s];
                return p ? [<Row key={s} label={sectionLabel[s](t)} progress={p} testId={`wall-checklist-section-${s}`} />] : [];
              })}
              {positions.map((p) => <Row key={p.positionId} label={`· ${positionLabel(p.positionId, language)}`} progress={p.progress} testId="wall-checklist-position" />)}
            </tbody>
          </table>
        );
      })}
    </div>
  );
}
