import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../state/store-context';
import { shortcutList } from './shortcuts';

export function HelpOverlay() {
  const { t } = useTranslation();
  const open = useApp((s) => s.helpOpen);
  const setHelpOpen = useApp((s) => s.setHelpOpen);
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (open) closeRef.current?.focus();
  }, [open]);
  if (!open) return null;
  return (
    <div className="overlay" role="presentation" onClick={() => setHelpOpen(false)}>
      <div className="dialog" role="dialog" aria-modal="true" aria-labelledby="help-title" onClick={(e) => e.stopPropagation()} data-testid="help-overlay">
        <h2 id="help-title">{t('help.title')}</h2>
        <table className="shortcut-table">
          <tbody>
            {shortcutList.map((shortcut) => (
              <tr key={shortcut.keys.join('-')}>
                <td className="keys">
                  {shortcut.keys.map((key, i) => (
                    <span key={key}>
                      {i > 0 ? <span className="then">{t('help.then')}</span> : null}
                      <kbd>{key}</kbd>
                    </span>
                  ))}
                </td>
                <td>{t(shortcut.labelKey)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <button type="button" ref={closeRef} onClick={() => setHelpOpen(false)}>{t('help.close')}</button>
      </div>
    </div>
  );
}
