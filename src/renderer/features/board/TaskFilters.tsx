import { useTranslation } from 'react-i18next';
import { hicsPositions, SectionSchema, type Section } from '../../../domain/hics';
import { sectionLabel } from './labels';
import { positionName } from './positions';

export type BoardFilter = { section: Section | ''; assignee: string; overdue: boolean };
export const noFilter: BoardFilter = { section: '', assignee: '', overdue: false };

type Props = { filter: BoardFilter; people: readonly string[]; language: string; onChange: (filter: BoardFilter) => void };

export function TaskFilters({ filter, people, language, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <div className="filters" role="group" aria-label={t('board.filter.label')} data-testid="task-filters">
      <label>
        <span>{t('board.filter.section')}</span>
        <select name="filterSection" value={filter.section} onChange={(e) => onChange({ ...filter, section: e.target.value === '' ? '' : SectionSchema.parse(e.target.value) })}>
          <option value="">{t('board.filter.all')}</option>
          {SectionSchema.options.map((s) => (
            <option key={s} value={s}>{sectionLabel[s](t)}</option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('board.filter.assignee')}</span>
        <select name="filterAssignee" value={filter.assignee} onChange={(e) => onChange({ ...filter, assignee: e.target.value })}>
          <option value="">{t('board.filter.all')}</option>
          <optgroup label={t('board.editor.positions')}>
            {hicsPositions.map((p) => (
              <option key={p.id} value={`p:${p.id}`}>{positionName(p.id, language)}</option>
            ))}
          </optgroup>
          {people.length > 0 ? (
            <optgroup label={t('board.editor.people')}>
              {people.map((name) => (
                <option key={name} value={`n:${name}`}>{name}</option>
              ))}
            </optgroup>
          ) : null}
        </select>
      </label>
      <label className="check">
        <input type="checkbox" name="filterOverdue" checked={filter.overdue} onChange={(e) => onChange({ ...filter, overdue: e.target.checked })} />
        <span>{t('board.filter.overdue')}</span>
      </label>
      {filter.section !== '' || filter.assignee !== '' || filter.overdue ? (
        <button type="button" className="secondary" onClick={() => onChange(noFilter)}>{t('board.filter.clear')}</button>
      ) : null}
    </div>
  );
}
