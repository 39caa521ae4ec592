import { useTranslation } from 'react-i18next';
import { mapFeatureCategories } from '../../../domain/map/map-features';
import { WarningLevelSchema } from './base-data';
import { categoryColour, categoryGroup, layerGroups, warningColour, type LayerGroup } from './map-layers';
import { categoryLabel, groupLabel, warningLabel } from './map-labels-text';

type Props = { visible: Record<LayerGroup, boolean>; onToggle: (group: LayerGroup) => void };

/** Layer toggles and the legend in one place: each group's switch sits above the symbols it shows. */
export function LayerPanel({ visible, onToggle }: Props) {
  const { t } = useTranslation();
  return (
    <section className="map-panel" aria-labelledby="map-layers-title" data-testid="map-layers">
      <h3 id="map-layers-title">{t('map.layers')}</h3>
      <ul className="map-legend">
        {layerGroups.map((group) => (
          <li key={group}>
            <label className="map-toggle">
              <input type="checkbox" checked={visible[group]} onChange={() => onToggle(group)} data-testid={`layer-${group}`} />
              <span>{groupLabel[group](t)}</span>
            </label>
            <div className="legend-symbols">
              {group === 'districts'
                ? WarningLevelSchema.options.map((level) => (
                    <span key={level} className="legend-item">
                      <span className="swatch swatch-area" style={{ background: warningColour[level] }} />
                      {warningLabel[level](t)}
                    </span>
                  ))
                : null}
              {group === 'hospitals' ? (
                <>
                  <span className="legend-item"><span className="swatch swatch-hospital" />{t('map.legend.hospital')}</span>
                  <span className="legend-item legend-note">{t('map.legend.hospitalBeds')}</span>
                </>
              ) : null}
              {group === 'campus' ? (
                <span className="legend-item"><span className="swatch swatch-building" />{t('map.legend.building')}</span>
              ) : null}
              {mapFeatureCategories
                .filter((c) => categoryGroup[c] === group)
                .map((c) => (
                  <span key={c} className="legend-item">
                    <span className={group === 'zones' ? 'swatch swatch-area' : 'swatch'} style={{ background: categoryColour[c] }} />
                    {categoryLabel[c](t)}
                  </span>
                ))}
              {group === 'cases' ? <span className="legend-item legend-note">{t('map.legend.clusters')}</span> : null}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
