import { useTranslation } from 'react-i18next';
import { isZoneCategory, mapFeatureCategories, type MapFeatureCategory } from '../../../domain/map/map-features';
import { categoryColour } from './map-layers';
import { categoryLabel } from './map-labels-text';
import type { DrawState } from './use-draw';

type Props = {
  state: DrawState;
  name: string;
  onName: (name: string) => void;
  /** The type a `zone_custom` is drawn with; its button waits until the type is named. */
  zoneType: string;
  onZoneType: (zoneType: string) => void;
  onStart: (category: MapFeatureCategory) => void;
  onFinish: () => void;
  onCancel: () => void;
  disabled: boolean;
  /** Who may draw, when this user may not: said under the title and on every disabled button. */
  whoMay?: string | undefined;
};

/** Pick what to draw, name it, then click the map: one click for a point, corners and a double-click for a zone. */
export function DrawTools({ state, name, onName, zoneType, onZoneType, onStart, onFinish, onCancel, disabled, whoMay }: Props) {
  const { t } = useTranslation();
  const adding = state.mode === 'add' ? state : null;
  return (
    <section className="map-panel" aria-labelledby="map-draw-title" data-testid="map-draw">
      <h3 id="map-draw-title">{t('map.draw.title')}</h3>
      {whoMay ? <p className="muted" data-testid="map-draw-locked">{whoMay}</p> : null}
      <label>
        <span>{t('map.draw.name')}</span>
        <input name="featureName" value={name} onChange={(e) => onName(e.target.value)} maxLength={120} disabled={disabled} title={whoMay} />
      </label>
      <label>
        <span>{t('map.draw.zoneType')}</span>
        <input
          name="zoneType"
          value={zoneType}
          onChange={(e) => onZoneType(e.target.value)}
          maxLength={40}
          placeholder={t('map.draw.zoneTypeHint')}
          disabled={disabled}
        />
      </label>
      <div className="draw-buttons">
        {mapFeatureCategories.map((c) => (
          <button
            key={c}
            type="button"
            className={adding?.category === c ? 'secondary draw-button active' : 'secondary draw-button'}
            onClick={() => onStart(c)}
            disabled={disabled || name.trim() === '' || (c === 'zone_custom' && zoneType.trim() === '')}
            title={whoMay}
            data-testid={`draw-${c}`}
          >
            <span className={isZoneCategory(c) ? 'swatch swatch-area' : 'swatch'} style={{ background: categoryColour[c] }} />
            {categoryLabel[c](t)}
          </button>
        ))}
      </div>
      {state.mode !== 'idle' ? (
        <div className="draw-hint" role="status" data-testid="draw-hint">
          {state.mode === 'move'
            ? t('map.draw.moveHint')
            : adding && isZoneCategory(adding.category)
              ? t('map.draw.zoneHint', { count: adding.corners.length })
              : t('map.draw.pointHint')}
          <div className="draw-actions">
            {adding && isZoneCategory(adding.category) ? (
              <button type="button" className="secondary" onClick={onFinish} disabled={adding.corners.length < 3} data-testid="draw-finish">
                {t('map.draw.finish')}
              </button>
            ) : null}
            <button type="button" className="secondary" onClick={onCancel}>{t('map.draw.cancel')}</button>
          </div>
        </div>
      ) : null}
    </section>
  );
}
