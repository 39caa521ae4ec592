import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorText } from '../../app/ErrorText';
import { toUiError, type UiError } from '../../lib/ui-error';
import { useApp } from '../../state/store-context';

const langName = { 'zh-CN': '中文', en: 'English' } as const;

/** Hands a PDF the workstation core made (base64 over the API) to the browser's download. */
function download(fileName: string, pdfBase64: string): void {
  const binary = atob(pdfBase64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The AAR as PDF in either language; the core lays it out with the embedded CJK font, as the other reports. */
export function AarPdfButtons({ incidentId }: { incidentId: string }) {
  const { t } = useTranslation();
  const client = useApp((s) => s.client);
  const [error, setError] = useState<UiError | null>(null);
  const [busy, setBusy] = useState(false);
  const save = (lang: 'zh-CN' | 'en') => {
    setError(null);
    setBusy(true);
    client.call('aar.pdf', { incidentId, lang }).then(
      ({ fileName, pdfBase64 }) => download(fileName, pdfBase64),
      (failure: unknown) => setError(toUiError(failure)),
    ).finally(() => setBusy(false));
  };
  return (
    <span className="pdf-buttons">
      {(['zh-CN', 'en'] as const).map((lang) => (
        <button key={lang} type="button" className="secondary" disabled={busy} onClick={() => save(lang)} aria-label={t('aar.pdfAria', { lang: langName[lang] })} data-testid={`aar-pdf-${lang}`}>
          {t('aar.pdf', { lang: langName[lang] })}
        </button>
      ))}
      {error ? <ErrorText error={error} /> : null}
    </span>
  );
}
