import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Incident } from '../../../domain/incidents';
import { newId } from '../../../domain/ids';
import { HicsFormSchema } from '../../../domain/reports/hics-forms';
import type { SitRepKind } from '../../../domain/reports/sitreps';
import { ErrorText } from '../../app/ErrorText';
import { toUiError, type UiError } from '../../lib/ui-error';
import { selectLanguage } from '../../state/selectors';
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
 * edited, signed off and recorded as sent; and the HICS forms as PDF.
 */
export function ReportsPanel({ incident, closed }: { incident: Incident; closed: boolean }) {
  const { t } = useTranslation();
  const client = useApp((s) => s.client);
  const language = useApp(selectLanguage);
  const draft = useMutation('report.draft').run;
  const list = useLive('report.list', { incidentId: incident.id });
  const reports = list.data?.reports ?? [];
  const [error, setError] = useState<UiError | null>(null);
  const has = (kind: SitRepKind) => reports.some((r) => r.kind === kind);

  const start = async (kind: SitRepKind) => {
    setError(null);
    try {
      const suggestion = await client.call('report.suggest', { incidentId: incident.id, kind, lang: language === 'en' ? 'en' : 'zh-CN' });
      setError(await draft({ id: newId(), incidentId: incident.id, kind, ...suggestion }));
    } catch (failure) {
      setError(toUiError(failure));
    }
  };

  return (
    <div className="reports" data-testid="reports">
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
        <ReportCard key={report.id} report={report} readOnly={closed} />
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
