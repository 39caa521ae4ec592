import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorText } from '../../app/ErrorText';
import { toUiError, type UiError } from '../../lib/ui-error';
import { useApp } from '../../state/store-context';
import { download } from '../resources';

type Props = { alertId: string; disabled?: boolean };

/**
 * Saves a verified alert as a CAP 1.2 file (Chinese and English). The workstation core builds it and checks it
 * against the OASIS schema, so a file that would not validate is never saved; an alert nobody verified is refused
 * with its reason. Drop it into an alert's detail.
 */
export function CapExportButton({ alertId, disabled = false }: Props) {
  const { t } = useTranslation();
  const client = useApp((s) => s.client);
  const [error, setError] = useState<UiError | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const exportCap = () => {
    setError(null);
    setSaved(null);
    client.call('exchange.capExport', { alertId }).then(
      ({ fileName, xml }) => {
        download(fileName, 'application/xml', xml);
        setSaved(fileName);
      },
      (failure: unknown) => setError(toUiError(failure)),
    );
  };
  return (
    <div className="cap-export" data-testid="cap-export">
      <button type="button" className="secondary" onClick={exportCap} disabled={disabled} title={t('cap.exportHint')}>
        {t('cap.export')}
      </button>
      {saved ? <span className="muted" role="status">{t('cap.saved', { file: saved })}</span> : null}
      {error ? <ErrorText error={error} /> : null}
    </div>
  );
}
