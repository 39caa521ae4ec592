// The pane's own sizing (.map-view fills its panel) lives in map.css: imported here, not only by the map page, or a
// wall opened straight at /wall gets a map of zero height (its route never loads the map page's chunk).
import './map.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FeatureList } from './FeatureList';
import type { MapItem } from './map-items';
import { MapView, type MapViewProps } from './MapView';
import { hasWebGL2 } from './webgl';

type Props = MapViewProps & { items: readonly MapItem[]; selectedId: string | null; onPick: (item: MapItem) => void };

/** The map where WebGL2 exists; otherwise a plain statement of why, and the same content as a list. */
export function MapPane(props: Props) {
  const { t } = useTranslation();
  const [webgl] = useState(hasWebGL2);
  if (!webgl) {
    const shown = props.items.filter((i) => props.visible[i.group]);
    return (
      <div className="map-fallback" data-testid="map-no-webgl">
        <p className="map-fallback-notice" role="status">{t('map.noWebgl')}</p>
        <FeatureList items={shown} selectedId={props.selectedId} onPick={props.onPick} testId="map-fallback-list" />
      </div>
    );
  }
  return <MapView {...props} />;
}
