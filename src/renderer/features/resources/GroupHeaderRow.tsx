import type { ICellRendererParams } from 'ag-grid-community';
import { useTranslation } from 'react-i18next';
import type { Groupable } from './row-groups';

export type GroupContext = { toggleGroup: (key: string) => void };

/** A group's header across the whole grid width: its name, how many rows it holds, its totals; click to fold. */
export function GroupHeaderRow({ data, context }: ICellRendererParams<Groupable, unknown, GroupContext>) {
  const { t } = useTranslation();
  const group = data?.group;
  if (!group) return null;
  return (
    <div className="grid-group-row" data-testid="grid-group" data-group-key={group.key} data-collapsed={group.collapsed}>
      <button
        type="button"
        className="grid-group-toggle"
        aria-expanded={!group.collapsed}
        aria-label={group.collapsed ? t('resources.group.expand', { group: group.label }) : t('resources.group.collapse', { group: group.label })}
        onClick={() => context.toggleGroup(group.key)}
        tabIndex={-1}
      >
        <span aria-hidden="true">{group.collapsed ? '▸' : '▾'}</span>
      </button>
      <span className="grid-group-label">{group.label}</span>
      <span className="grid-group-count">{t('resources.group.rows', { count: group.rows })}</span>
      {group.figures.map((figure) => (
        <span key={`${figure.label}\u0000${figure.unit ?? ''}`} className={`grid-group-figure${figure.tone && figure.value > 0 ? ` status-${figure.tone}` : ''}`}>
          {figure.label} <strong>{figure.value.toLocaleString()}</strong>{figure.unit ? ` ${figure.unit}` : null}
        </span>
      ))}
    </div>
  );
}
