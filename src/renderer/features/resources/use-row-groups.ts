import type { CellKeyDownEvent, FullWidthCellKeyDownEvent, GridApi, IRowNode, PostSortRowsParams } from 'ag-grid-community';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { GroupHeaderRow, type GroupContext } from './GroupHeaderRow';
import { arrangeInGroups, groupHeaders, type GroupFigure, type Groupable } from './row-groups';

type Options<R extends Groupable> = {
  /** The group a row belongs to, or null when the grid is not grouped. */
  keyOf: ((row: R) => string) | null;
  describe: (key: string, rows: readonly R[]) => { label: string; figures: GroupFigure[] };
  /** Builds a grid row around a header (the grid's row type, blank but for `id` and `group`). */
  headerRow: (id: string, group: NonNullable<Groupable['group']>) => R;
  /** The reader's language: groups are ordered by label in its collation. */
  language: string;
};

const FOLD_KEYS = new Set(['Enter', ' ', 'ArrowLeft', 'ArrowRight']);
const NONE: ReadonlySet<string> = new Set();

/**
 * Grouped rows for a community AG Grid: `withHeaders` adds a header row per group to the grid's rows, and
 * `gridProps` makes the grid draw headers full width, keep each group's rows under its header in any sort,
 * never filter a header away, and fold a group (click, Enter or Space; Left folds, Right unfolds).
 */
export function useRowGroups<R extends Groupable>(api: GridApi<R> | null, { keyOf, describe, headerRow, language }: Options<R>) {
  // Folded groups belong to the grouping they were folded under: a different grouping starts unfolded.
  const [folds, setFolds] = useState<{ under: typeof keyOf; keys: ReadonlySet<string> }>({ under: keyOf, keys: NONE });
  const collapsed = folds.under === keyOf ? folds.keys : NONE;
  const collapsedRef = useRef(collapsed);
  const keyRef = useRef(keyOf);
  useEffect(() => {
    collapsedRef.current = collapsed;
    keyRef.current = keyOf;
    api?.onFilterChanged();
  }, [api, collapsed, keyOf]);

  const toggleGroup = useCallback(
    (key: string, open?: boolean) => {
      setFolds((before) => {
        const next = new Set(before.under === keyOf ? before.keys : NONE);
        if (open ?? next.has(key)) next.delete(key);
        else next.add(key);
        return { under: keyOf, keys: next };
      });
    },
    [keyOf],
  );

  const withHeaders = useCallback(
    (rows: R[]): R[] => (keyOf ? [...groupHeaders(rows, keyOf, describe, collapsed).map((h) => headerRow(h.id, h.group)), ...rows] : rows),
    [keyOf, describe, headerRow, collapsed],
  );

  const gridProps = useMemo(() => {
    const context: GroupContext = { toggleGroup: (key) => toggleGroup(key) };
    const key = (node: IRowNode<R>) => (node.data && keyRef.current ? keyRef.current(node.data) : '');
    const collator = new Intl.Collator(language);
    return {
      context,
      isFullWidthRow: ({ rowNode }: { rowNode: IRowNode<R> }) => !!rowNode.data?.group,
      fullWidthCellRenderer: GroupHeaderRow,
      alwaysPassFilter: (node: IRowNode<R>) => !!node.data?.group,
      isExternalFilterPresent: () => collapsedRef.current.size > 0,
      doesExternalFilterPass: (node: IRowNode<R>) => !collapsedRef.current.has(key(node)),
      // A new callback whenever the grouping or language changes: that is what makes AG Grid sort again. (The React wrapper
      // passes on changed props only, never a removed one, so it is always there and does nothing ungrouped.)
      postSortRows: ({ nodes }: PostSortRowsParams<R>) => {
        if (keyOf) arrangeInGroups(nodes, (n) => n.data?.group, key, collator.compare);
      },
      onCellKeyDown: (event: CellKeyDownEvent<R> | FullWidthCellKeyDownEvent<R>) => {
        const group = event.data?.group;
        const keyboard = event.event;
        if (!group || !(keyboard instanceof KeyboardEvent) || !FOLD_KEYS.has(keyboard.key)) return;
        keyboard.preventDefault();
        toggleGroup(group.key, keyboard.key === 'ArrowRight' ? true : keyboard.key === 'ArrowLeft' ? false : undefined);
      },
    };
  }, [keyOf, toggleGroup, language]);

  return { withHeaders, gridProps };
}
