import { useTranslation } from 'react-i18next';
import { categoryColour, layerGroups, warningColour } from './map-layers';
import { baseKindLabel, featureKindLabel, groupLabel, warningLabel } from './map-labels-text';
import type { MapItem } from './map-items';

type Props = { items: readonly MapItem[]; selectedId: string | null; onPick: (item: MapItem) => void; testId: string };

/** The map's content as a list, grouped by layer: search results, and the whole map where WebGL is missing. */
export function FeatureList({ items, selectedId, onPick, testId }: Props) {
  const { t } = useTranslation();
  if (items.length === 0) return <p className="muted" data-testid={testId}>{t('map.list.empty')}</p>;
  return (
    <div className="map-list" data-testid={testId}>
      {layerGroups.map((group) => {
        const rows = items.filter((i) => i.group === group);
        if (rows.length === 0) return null;
        return (
          <section key={group} className="map-list-group">
            <h4>{groupLabel[group](t)} <span className="muted">{rows.length}</span></h4>
            <ul>
              {rows.map((item) => (
                <li key={item.id}>
                  <button
                    type="button"
                    className={item.id === selectedId ? 'map-list-row selected' : 'map-list-row'}
                    onClick={() => onPick(item)}
                    data-testid="map-list-row"
                    data-feature-id={item.id}
                  >
                    <span
                      className="swatch"
                      style={{ background: item.category ? categoryColour[item.category] : item.warning ? warningColour[item.warning] : '#eef3f8' }}
                    />
                    <span className="map-list-name">{item.name}</span>
                    <span className="map-list-kind">
                      {item.category ? featureKindLabel(t, { category: item.category, zoneType: item.zoneType }) : item.baseKind ? baseKindLabel[item.baseKind](t) : null}
                      {item.warning ? ` · ${warningLabel[item.warning](t)}` : null}
                      {item.beds !== undefined ? ` · ${t('map.list.beds', { beds: item.beds })}` : null}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
