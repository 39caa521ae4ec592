import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HicsForm } from '../../../domain/reports/hics-forms';
import { ErrorText } from '../../app/ErrorText';
import { toUiError, type UiError } from '../../lib/ui-error';
import { useApp } from '../../state/store-context';
import { langLabel } from './labels';
import { downloadPdf } from './pdf-download';

export type PdfRequest = { method: 'report.pdf'; params: { id: string } } | { method: 'forms.pdf'; params: { incidentId: string; form: HicsForm } };

/**
 * One PDF in each language: the health authority reads Chinese, a visiting team may need English. The core lays
 * the PDF out (fonts embedded), so what downloads is what prints on any machine.
 */
export function PdfButtons({ request, label }: { request: PdfRequest; label: string }) {
  const { t } = useTranslation();
  const client = useApp((s) => s.client);
  const [error, setError] = useState<UiError | null>(null);
  const [busy, setBusy] = useState(false);
  const save = (lang: 'zh-CN' | 'en') => {
    setError(null);
    setBusy(true);
    const call = request.method === 'report.pdf' ? client.call('report.pdf', { ...request.params, lang }) : client.call('forms.pdf', { ...request.params, lang });
    call.then(
      ({ fileName, pdfBase64 }) => downloadPdf(fileName, pdfBase64),
      (failure: unknown) => setError(toUiError(failure)),
    ).finally(() => setBusy(false));
  };
  return (
    <span className="pdf-buttons">
      {(['zh-CN', 'en'] as const).map((lang) => (
        <button key={lang} type="button" className="secondary" disabled={busy} onClick={() => save(lang)} aria-label={t('reports.pdf.aria', { what: label, lang: langLabel[lang](t) })}>
          {t('reports.pdf.button', { lang: langLabel[lang](t) })}
        </button>
      ))}
      {error ? <ErrorText error={error} /> : null}
    </span>
  );
}
