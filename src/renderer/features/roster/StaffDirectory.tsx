import type { ColDef } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useMemo, useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { lapsedQualifications, type Staff } from '../../../domain/roster/staff';
import { ErrorText } from '../../app/ErrorText';
import { useCan } from '../../state/use-can';
import { selectTimeZone } from '../../state/selectors';
import { useApp } from '../../state/store-context';
import { ROSTER_GRID_CLASS } from './grid-setup';
import { useProfessionLabels } from './labels';
import { StaffForm } from './StaffForm';
import { staffCsv } from './staff-csv-file';
import { useStaffImport } from './use-staff-import';

const THIRTY_DAYS = 30 * 24 * 3_600_000;

/** An expiry as a plain date in the hospital's zone (no weekday: it is a deadline, not a day to plan). */
function expiryDate(epochMs: number, timeZone: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(epochMs);
}

/** The staff directory: a sortable, filterable grid with CSV import (all or nothing) and export. */
export function StaffDirectory({ staff, now }: { staff: readonly Staff[]; now: number }) {
  const { t, i18n } = useTranslation();
  const timeZone = useApp(selectTimeZone);
  const professions = useProfessionLabels();
  const { outcome, busy, importText } = useStaffImport();
  const write = useCan('incident.write');
  const [filter, setFilter] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);
  const [exportUrl, setExportUrl] = useState<string | null>(null);
  const [editingId, setEditingId] = useState<string | null>(null);
  // The person as they are now, not as they were when clicked: another desk may have changed them since.
  const editing = editingId ? (staff.find((s) => s.id === editingId) ?? null) : null;

  const columns = useMemo<ColDef<Staff>[]>(
    () => [
      { headerName: t('roster.staff.staffNo'), field: 'staffNo', width: 110, pinned: 'left' },
      { headerName: t('roster.staff.name'), field: 'name', width: 150, pinned: 'left' },
      { headerName: t('roster.staff.profession'), width: 120, valueGetter: (p) => (p.data ? professions[p.data.profession] : '') },
      { headerName: t('roster.staff.department'), field: 'department', width: 130 },
      { headerName: t('roster.staff.homeUnit'), field: 'homeUnit', width: 120 },
      {
        headerName: t('roster.staff.qualifications'),
        flex: 1,
        minWidth: 220,
        valueGetter: (p) =>
          p.data?.qualifications.map((q) => (q.expiresAt === undefined ? q.code : `${q.code} ≤ ${expiryDate(q.expiresAt, timeZone, i18n.language)}`)).join(' · ') ?? '',
        cellClassRules: {
          'cell-warn': (p) => (p.data ? lapsedQualifications(p.data, now, THIRTY_DAYS).length > 0 : false),
          'cell-alert': (p) => (p.data ? lapsedQualifications(p.data, now).length > 0 : false),
        },
      },
      { headerName: t('roster.staff.languages'), width: 110, valueGetter: (p) => p.data?.languages.join(', ') ?? '' },
      { headerName: t('roster.staff.phone'), field: 'phone', width: 140 },
      { headerName: t('roster.staffForm.state'), width: 100, valueGetter: (p) => (p.data?.retiredAt !== undefined ? t('roster.staffForm.retired') : '') },
    ],
    [t, professions, timeZone, i18n.language, now],
  );

  const onFile = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (file) void file.text().then(importText);
  };

  const prepareExport = () => {
    if (exportUrl) URL.revokeObjectURL(exportUrl);
    setExportUrl(URL.createObjectURL(new Blob([staffCsv(staff)], { type: 'text/csv;charset=utf-8' })));
  };

  return (
    <section className="roster-directory" aria-labelledby="roster-directory-title">
      <div className="roster-toolbar">
        <h2 id="roster-directory-title">{t('roster.staff.title', { count: staff.length })}</h2>
        <input type="search" value={filter} onChange={(e) => setFilter(e.target.value)} placeholder={t('roster.staff.filter')} aria-label={t('roster.staff.filter')} />
        <button type="button" onClick={() => fileInput.current?.click()} disabled={busy || !write.allowed} title={write.title} data-testid="staff-import">
          {t('roster.staff.import')}
        </button>
        <input ref={fileInput} type="file" accept=".csv,text/csv" className="visually-hidden" onChange={onFile} data-testid="staff-import-file" aria-label={t('roster.staff.import')} />
        <button type="button" onClick={prepareExport} disabled={staff.length === 0}>{t('roster.staff.export')}</button>
        {exportUrl ? <a className="roster-download" href={exportUrl} download="staff.csv" data-testid="staff-export-link">{t('roster.staff.download')}</a> : null}
      </div>
      <p className="muted roster-hint">{t('roster.staff.csvHint')}</p>
      {outcome.kind === 'imported' ? <p className="roster-ok" role="status" data-testid="import-ok">{t('roster.staff.imported', { count: outcome.count })}</p> : null}
      {outcome.kind === 'refused' ? <ErrorText error={outcome.error} /> : null}
      {outcome.kind === 'rows' ? (
        <div className="roster-import-errors" role="alert" data-testid="import-errors">
          <strong>{t('roster.staff.refused', { count: outcome.errors.length })}</strong>
          <table>
            <thead><tr><th>{t('roster.staff.row')}</th><th>{t('roster.staff.column')}</th><th>{t('roster.staff.reason')}</th></tr></thead>
            <tbody>
              {outcome.errors.slice(0, 50).map((e) => (
                <tr key={`${e.row}/${e.column}`}><td className="num">{e.row}</td><td>{e.column}</td><td>{e.reason}</td></tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <StaffForm key={editing?.id ?? 'new'} person={editing} onDone={() => setEditingId(null)} />
      <p className="muted roster-hint">{t('roster.staffForm.pickHint')}</p>
      <div className={`${ROSTER_GRID_CLASS} roster-staff-grid`} data-testid="staff-grid">
        <AgGridReact<Staff>
          theme="legacy"
          rowData={staff as Staff[]}
          columnDefs={columns}
          defaultColDef={{ sortable: true, resizable: true, filter: true }}
          getRowId={(p) => p.data.id}
          quickFilterText={filter}
          animateRows={false}
          onRowClicked={(e) => setEditingId(e.data?.id ?? null)}
          getRowClass={(p) => (p.data?.retiredAt !== undefined ? 'row-retired' : undefined)}
        />
      </div>
    </section>
  );
}
