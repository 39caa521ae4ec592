import type { ColDef, GridApi, GridReadyEvent, ICellRendererParams } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { filledQty, type ResourceRequest } from '../../../domain/resources/resource-requests';
import { useActorLabel } from '../../state/use-actor-label';
import { DEFAULT_COL_DEF, GRID_THEME_CLASS } from './grid-setup';
import { mutualAidAnswerLabel, priorityLabel, requestStatusLabel } from './labels';
import { ShownRows } from './row-diff';

type Props = { requests: readonly ResourceRequest[]; selectedId: string | null; timeZone: string | undefined; onSelect: (id: string | null) => void };

const ROW_SELECTION = { mode: 'singleRow', checkboxes: false, enableClickSelection: true } as const;
const sameRequest = (a: ResourceRequest, b: ResourceRequest) => a.updatedAt === b.updatedAt && a.status === b.status && a.fills.length === b.fills.length && a.mutualAidAnswers?.length === b.mutualAidAnswers?.length;

function StatusCell({ data, formatTime }: ICellRendererParams<ResourceRequest> & { formatTime: (ms: number) => string }) {
  const { t } = useTranslation();
  if (!data) return null;
  const answer = data.mutualAidAnswers?.at(-1);
  return (
    <span data-testid="request-status" data-status={data.status}>
      {requestStatusLabel(t, data.status)}{data.reason ? ` — ${data.reason}` : ''}
      {answer ? <span data-testid="request-mutual-aid-answer" data-response={answer.response}>{` · ${mutualAidAnswerLabel(t, answer, formatTime(answer.sentAt))}`}</span> : null}
    </span>
  );
}

/** Requests (HICS 213RR), newest first; sort, filter and keyboard as in the stock grid, one row selected for Logistics. */
export function RequestsGrid({ requests, selectedId, timeZone, onSelect }: Props) {
  const { t, i18n } = useTranslation();
  const api = useRef<GridApi<ResourceRequest> | null>(null);
  const [shown] = useState(() => new ShownRows<ResourceRequest>(sameRequest));
  const actor = useActorLabel();

  const columns = useMemo((): ColDef<ResourceRequest>[] => {
    const time = new Intl.DateTimeFormat(i18n.language, { hour: '2-digit', minute: '2-digit', month: 'short', day: 'numeric', ...(timeZone ? { timeZone } : {}) });
    const when = (p: { value?: unknown }) => (typeof p.value === 'number' ? time.format(p.value) : '');
    return [
      { colId: 'item', field: 'item', headerName: t('resources.requests.item'), filter: 'agTextColumnFilter', minWidth: 160, flex: 2 },
      { colId: 'qty', headerName: t('resources.requests.qty'), valueGetter: (p) => (p.data ? t('resources.requests.filledOf', { filled: filledQty(p.data), qty: p.data.qty }) : ''), minWidth: 110, flex: 1 },
      {
        colId: 'priority', headerName: t('resources.requests.priority'), valueGetter: (p) => (p.data ? priorityLabel(t, p.data.priority) : ''), filter: 'agTextColumnFilter', minWidth: 110, flex: 1,
        cellClassRules: { 'status-red': (p) => p.data?.priority === 'urgent', 'status-yellow': (p) => p.data?.priority === 'high' },
      },
      { colId: 'section', field: 'section', headerName: t('resources.requests.section'), filter: 'agTextColumnFilter', minWidth: 120, flex: 1 },
      { colId: 'requestedBy', headerName: t('resources.requests.requestedBy'), valueGetter: (p) => (p.data ? actor(p.data.requestedBy).name : ''), filter: 'agTextColumnFilter', minWidth: 120, flex: 1 },
      { colId: 'neededBy', field: 'neededBy', headerName: t('resources.requests.neededBy'), valueFormatter: when, minWidth: 140, flex: 1 },
      {
        colId: 'status', headerName: t('resources.requests.status'), valueGetter: (p) => (p.data ? requestStatusLabel(t, p.data.status) : ''), cellRenderer: StatusCell, cellRendererParams: { formatTime: (ms: number) => time.format(ms) }, filter: 'agTextColumnFilter', minWidth: 160, flex: 1,
        cellClassRules: { 'status-green': (p) => p.data?.status === 'filled', 'status-red': (p) => p.data?.status === 'rejected' },
      },
      { colId: 'requestedAt', field: 'requestedAt', headerName: t('resources.requests.raisedAt'), valueFormatter: when, sort: 'desc', minWidth: 140, flex: 1 },
    ];
  }, [t, i18n.language, timeZone, actor]);

  useEffect(() => {
    const grid = api.current;
    if (!grid) return;
    const tx = shown.next(requests);
    if (tx) grid.applyTransaction(tx);
  }, [shown, requests]);

  useEffect(() => {
    api.current?.forEachNode((node) => node.setSelected(node.data?.id === selectedId));
  }, [selectedId, requests]);

  const onGridReady = (event: GridReadyEvent<ResourceRequest>) => {
    api.current = event.api;
    event.api.applyTransaction({ add: [...requests] });
    shown.reset(requests);
  };

  return (
    <div className={`${GRID_THEME_CLASS} requests-grid`} data-testid="request-table">
      <AgGridReact<ResourceRequest>
        theme="legacy"
        columnDefs={columns}
        defaultColDef={DEFAULT_COL_DEF}
        getRowId={(p) => p.data.id}
        onGridReady={onGridReady}
        onGridPreDestroyed={() => {
          api.current = null;
        }}
        rowSelection={ROW_SELECTION}
        onSelectionChanged={(e) => {
          if (e.source !== 'api') onSelect(e.api.getSelectedRows()[0]?.id ?? null);
        }}
        animateRows={false}
      />
    </div>
  );
}
