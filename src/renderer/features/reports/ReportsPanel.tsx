import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Incident } from '../../../domain/incidents';
import { STATUTORY_RECIPIENT, STATUTORY_TITLE, type Deadline } from '../../../domain/incidents/reporting-deadlines';
import { newId } from '../../../domain/ids';
import { HicsFormSchema } from '../../../domain/reports/hics-forms';
import type { SitRepKind } from '../../../domain/reports/sitreps';
import { ErrorText } from '../../app/ErrorText';
import { formatDateTime } from '../../lib/time';
import { toUiError, type UiError } from '../../lib/ui-error';
import { selectLanguage, selectTimeZone } from '../../state/selectors';
import { useApp } from '../../state/store-context';
import { useLive } from '../../state/use-live';
import { useMutation } from '../../state/use-mutation';
import { formLabel, newLabel } from './labels';
import { PdfButtons } from './PdfButtons';
import { ReportCard } from './ReportCard';
import './reports.css';

const forms = HicsFormSchema.options;

/**
 * The incident's reports to the health authority (initial, progress, final), each drafted from the incident's data,
 * edited, signed off and recorded as sent; and the HICS forms as PDF. `focus` is the deadline the header clock sent
 * the user here for: its report is shown first, or drafted against that deadline, so sending it stops that clock.
 */
export function ReportsPanel({ incident, closed, focus = null }: { incident: Incident; closed: boolean; focus?: Deadline | null }) {
  const { t } = useTranslation();
  const client = useApp((s) => s.client);
  const language = useApp(selectLanguage);
  const draft = useMutation('report.draft').run;
  const list = useLive('report.list', { incidentId: incident.id });
  const reports = list.data?.reports ?? [];
  const [error, setError] = useState<UiError | null>(null);
  const has = (kind: SitRepKind) => reports.some((r) => r.kind === kind);
  const focusReport = focus ? reports.find((r) => r.deadlineId === focus.id) : undefined;
  // The statutory clock is closed by the initial report; a deadline a user added, by a progress report naming it.
  const focusKind: SitRepKind = focus?.id === incident.id ? 'initial' : 'progress';

  const start = async (kind: SitRepKind, deadlineId?: string) => {
    setError(null);
    try {
      const suggestion = await client.call('report.suggest', { incidentId: incident.id, kind, lang: language === 'en' ? 'en' : 'zh-CN' });
      setError(await draft({ id: newId(), incidentId: incident.id, kind, ...suggestion, ...(deadlineId ? { deadlineId } : {}) }));
    } catch (failure) {
      setError(toUiError(failure));
    }
  };

  return (
    <div className="reports" data-testid="reports">
      {focus ? (
        <DeadlineFocus deadline={focus}>
          {focus.report || focusReport ? (
            <p>{focus.report ? t('reports.focus.reported') : t('reports.focus.below')}</p>
          ) : closed ? null : (
            <button type="button" className="primary" onClick={() => void start(focusKind, focus.id)} disabled={focusKind === 'initial' && has('initial')} data-testid="draft-for-deadline">
              {focusKind === 'initial' ? t('reports.focus.draftInitial') : t('reports.focus.draftProgress')}
            </button>
          )}
        </DeadlineFocus>
      ) : null}
      <section className="panel" aria-labelledby="reports-title">
        <h2 id="reports-title">{t('reports.title')}</h2>
        <p className="muted">{t('reports.intro')}</p>
        {closed ? null : (
          <div className="reports-new">
            {(['initial', 'progress', 'final'] as const).map((kind) => (
              <button key={kind} type="button" onClick={() => void start(kind)} disabled={kind !== 'progress' && has(kind)}>
                {newLabel[kind](t)}
              </button>
            ))}
          </div>
        )}
        {error ? <ErrorText error={error} /> : null}
        {reports.length === 0 ? <p className="empty">{t('reports.empty')}</p> : null}
      </section>
      {reports.map((report) => (
        <ReportCard key={report.id} report={report} readOnly={closed} focused={report.id === focusReport?.id} />
      ))}
      <section className="panel" aria-labelledby="forms-title">
        <h2 id="forms-title">{t('reports.forms.title')}</h2>
        <p className="muted">{t('reports.forms.intro')}</p>
        <ul className="form-list">
          {forms.map((form) => (
            <li key={form}>
              <span>{formLabel[form](t)}</span>
              <PdfButtons label={formLabel[form](t)} request={{ method: 'forms.pdf', params: { incidentId: incident.id, form } }} />
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

function DeadlineFocus({ deadline, children }: { deadline: Deadline; children: ReactNode }) {
  const { t } = useTranslation();
  const timeZone = useApp(selectTimeZone);
  const language = useApp(selectLanguage);
  const title = deadline.title === STATUTORY_TITLE ? t('reports.focus.statutory') : deadline.title;
  const to = deadline.to === STATUTORY_RECIPIENT ? t('reports.focus.countyAuthority') : deadline.to;
  return (
    <section className="panel report-focus" aria-labelledby="report-focus-title" data-testid="report-focus">
      <h2 id="report-focus-title">{t('reports.focus.title', { title })}</h2>
      <p className="muted">{t('reports.focus.due', { at: formatDateTime(deadline.dueAt, timeZone, language), to })}</p>
      {children}
    </section>
  );
}
