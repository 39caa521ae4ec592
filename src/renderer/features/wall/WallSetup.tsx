import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultWallLayout, wallPanelIds, type WallLayout, type WallPanelId } from '../../../contract/wall-layout';
import { ErrorText } from '../../app/ErrorText';
import { toUiError, type UiError } from '../../lib/ui-error';
import { useApp } from '../../state/store-context';
import { panelTitle } from './wall-labels';

const MAX_PANELS = 4;

/** The operator picks which panels each wall page shows and how often it turns; kept in this workstation's settings. */
export function WallSetup() {
  const { t } = useTranslation();
  const client = useApp((s) => s.client);
  const saved = useApp((s) => s.settings?.wall ?? defaultWallLayout);
  const [layout, setLayout] = useState<WallLayout>(saved);
  const [error, setError] = useState<UiError | null>(null);
  const [done, setDone] = useState(false);

  const toggle = (page: number, id: WallPanelId) => {
    setDone(false);
    setLayout((l) => ({
      ...l,
      pages: l.pages.map((p, i) => (i !== page ? p : p.includes(id) ? p.filter((x) => x !== id) : p.length < MAX_PANELS ? [...p, id] : p)),
    }));
  };

  const save = async () => {
    try {
      await client.call('settings.update', { wall: { ...layout, pages: layout.pages.filter((p) => p.length > 0) } });
      setError(null);
      setDone(true);
    } catch (failure) {
      setError(toUiError(failure));
    }
  };

  return (
    <section className="panel wall-setup" aria-labelledby="wall-setup-title" data-testid="wall-setup">
      <h2 id="wall-setup-title">{t('wall.setup.title')}</h2>
      <p className="muted">{t('wall.setup.tooMany')}</p>
      {layout.pages.map((panels, page) => (
        <fieldset key={page}>
          <legend>{t('wall.setup.page', { page: page + 1 })}</legend>
          {wallPanelIds.map((id) => (
            <label key={id} className="check wall-setup-option">
              <input type="checkbox" checked={panels.includes(id)} onChange={() => toggle(page, id)} data-testid={`wall-setup-${page}-${id}`} />
              <span>{panelTitle[id](t)}</span>
            </label>
          ))}
        </fieldset>
      ))}
      <div className="draw-actions">
        <button type="button" className="secondary" disabled={layout.pages.length >= 6} onClick={() => setLayout((l) => ({ ...l, pages: [...l.pages, ['figures']] }))}>
          {t('wall.setup.addPage')}
        </button>
        <button type="button" className="secondary" disabled={layout.pages.length <= 1} onClick={() => setLayout((l) => ({ ...l, pages: l.pages.slice(0, -1) }))}>
          {t('wall.setup.removePage')}
        </button>
      </div>
      <label>
        <span>{t('wall.setup.rotate')}</span>
        <input
          type="number"
          name="rotateSeconds"
          min={0}
          max={3600}
          value={layout.rotateSeconds}
          onChange={(e) => setLayout((l) => ({ ...l, rotateSeconds: Math.max(0, Math.min(3600, Math.round(Number(e.target.value) || 0))) }))}
        />
      </label>
      {error ? <ErrorText error={error} /> : null}
      <button type="button" className="primary" onClick={() => void save()} data-testid="wall-setup-save">{t('wall.setup.save')}</button>
      {done ? <p role="status">{t('wall.setup.saved')}</p> : null}
    </section>
  );
}
