import './map.css';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { searchByName, type MapFeatureCategory } from '../../../domain/map-features';
import type { Geometry, LngLat } from '../../../domain/map-geometry';
import { ErrorText } from '../../app/ErrorText';
import { selectCurrentIncident, selectLanguage } from '../../state/selectors';
import { useApp } from '../../state/store-context';
import { DrawTools } from './DrawTools';
import { FeatureEditor } from './FeatureEditor';
import { FeatureList } from './FeatureList';
import { LayerPanel } from './LayerPanel';
import { baseItems, featureItems, type MapItem } from './map-items';
import { layerGroups, type LayerGroup } from './map-layers';
import { MapPane } from './MapPane';
import { useDraw } from './use-draw';
import { useMapActions } from './use-map-actions';
import { forIncident, useMapFeatures } from './use-map-features';

const allVisible = Object.fromEntries(layerGroups.map((g) => [g, true])) as Record<LayerGroup, boolean>;

/** The operator's map: the offline campus and region, the incident's zones and points, drawing and search. */
export function MapPage() {
  const { t } = useTranslation();
  const language = useApp(selectLanguage);
  const incident = useApp(selectCurrentIncident);
  const { index, features: all, error: loadError } = useMapFeatures();
  const features = useMemo(() => forIncident(all, incident?.id ?? null), [all, incident]);
  const actions = useMapActions();
  const [visible, setVisible] = useState(allVisible);
  const [view, setView] = useState<'campus' | 'region'>('campus');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [name, setName] = useState('');
  const [focus, setFocus] = useState<{ at: LngLat; seq: number } | null>(null);

  const onGeometry = useCallback(
    (category: MapFeatureCategory, geometry: Geometry) => {
      void actions.add(category, name.trim(), geometry).then((id) => {
        if (id) {
          setSelectedId(id);
          setName('');
        }
      });
    },
    [actions, name],
  );
  const onMove = useCallback((id: string, at: LngLat) => void actions.update(id, { geometry: { type: 'Point', coordinates: at } }), [actions]);
  const draw = useDraw(onGeometry, onMove);

  const items = useMemo(() => [...baseItems(language), ...featureItems(features)], [language, features]);
  const results = useMemo(() => searchByName(items, query), [items, query]);
  const selected = features.find((f) => f.id === selectedId);

  const pick = (item: MapItem) => {
    setSelectedId(item.drawn ? item.id : null);
    if (item.group === 'districts' || item.group === 'hospitals') setView('region');
    setFocus((f) => ({ at: item.at, seq: (f?.seq ?? 0) + 1 }));
  };

  return (
    <div className="map-page" data-testid="map-page">
      <div className="map-main">
        <div className="map-toolbar">
          <div className="segmented" role="group" aria-label={t('map.view.label')}>
            <button type="button" className={view === 'campus' ? 'secondary active' : 'secondary'} onClick={() => setView('campus')} data-testid="view-campus">
              {t('map.view.campus')}
            </button>
            <button type="button" className={view === 'region' ? 'secondary active' : 'secondary'} onClick={() => setView('region')} data-testid="view-region">
              {t('map.view.region')}
            </button>
          </div>
          <span className="muted">{incident ? t('map.incidentScope', { name: incident.name }) : t('map.noIncidentScope')}</span>
        </div>
        <MapPane
          index={index}
          incidentId={incident?.id ?? null}
          items={items}
          visible={visible}
          language={language}
          interactive
          view={view}
          selectedId={selectedId}
          draft={draw.state.mode === 'add' ? draw.state.corners : []}
          drawing={draw.state.mode !== 'idle'}
          focus={focus}
          onMapClick={(at, hitId) => {
            if (draw.state.mode !== 'idle') draw.click(at);
            else setSelectedId(hitId);
          }}
          onMapDoubleClick={() => draw.finish()}
          onPick={pick}
        />
      </div>
      <aside className="map-side">
        {loadError ? <ErrorText error={loadError} /> : null}
        {actions.error && !selected ? <ErrorText error={actions.error} /> : null}
        <label className="map-search">
          <span>{t('map.search')}</span>
          <input type="search" name="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder={t('map.searchPlaceholder')} />
        </label>
        {query.trim() ? <FeatureList items={results} selectedId={selectedId} onPick={pick} testId="map-search-results" /> : null}
        {selected ? (
          <FeatureEditor
            key={`${selected.id}-${selected.updatedAt}`}
            feature={selected}
            error={actions.error}
            onSave={(patch) => void actions.update(selected.id, patch)}
            onMove={() => draw.startMove(selected.id)}
            onRemove={() => void actions.remove(selected.id).then((ok) => ok && setSelectedId(null))}
            onClose={() => setSelectedId(null)}
          />
        ) : null}
        <DrawTools
          state={draw.state}
          name={name}
          onName={setName}
          onStart={draw.start}
          onFinish={draw.finish}
          onCancel={draw.cancel}
          disabled={false}
        />
        <LayerPanel visible={visible} onToggle={(g) => setVisible((v) => ({ ...v, [g]: !v[g] }))} />
      </aside>
    </div>
  );
}
