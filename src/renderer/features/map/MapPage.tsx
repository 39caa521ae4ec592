import './map.css';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { searchByName, type MapFeatureCategory } from '../../../domain/map/map-features';
import type { Geometry, LngLat } from '../../../domain/map/map-geometry';
import { isStale, neighbourBedTypes } from '../../../domain/map/map-region';
import { cornersOf, polygonOf, removeCorner } from '../../../domain/map/map-shape-edit';
import { ErrorText } from '../../app/ErrorText';
import { selectCurrentIncident, selectLanguage } from '../../state/selectors';
import { useApp } from '../../state/store-context';
import { useCan } from '../../state/use-can';
import { DrawTools } from './DrawTools';
import { FeatureEditor } from './FeatureEditor';
import { FeatureList } from './FeatureList';
import { LayerPanel } from './LayerPanel';
import { region, type WarningLevel } from './base-data';
import { baseItems, featureItems, type MapItem } from './map-items';
import { layerGroups, type LayerGroup } from './map-layers';
import type { HospitalBadge } from './map-labels';
import { bedTypeLabel } from './map-labels-text';
import { MapPane } from './MapPane';
import { RegionPanel } from './RegionPanel';
import { ShapeTools } from './ShapeTools';
import { useMinuteClock, useRegionStatus } from './use-region-status';
import type { ShapeEdit } from './vertex-handles';
import { useDraw } from './use-draw';
import { useMapActions } from './use-map-actions';
import { forIncident, useMapFeatures } from './use-feature-index';

const regionHospitalIds = new Set(region.features.filter((f) => f.properties.kind === 'hospital').map((f) => f.properties.id));
const allVisible = Object.fromEntries(layerGroups.map((g) => [g, true])) as Record<LayerGroup, boolean>;

/** The operator's map: the offline campus and region, the incident's zones and points, drawing and search. */
export function MapPage() {
  const { t } = useTranslation();
  const language = useApp(selectLanguage);
  const incident = useApp(selectCurrentIncident);
  const { index, features: all, error: loadError } = useMapFeatures();
  const features = useMemo(() => forIncident(all, incident?.id ?? null), [all, incident]);
  const actions = useMapActions();
  // Zones and points are incident.write on the server: without it the map is for reading, and says who may draw.
  const write = useCan('incident.write');
  const [visible, setVisible] = useState(allVisible);
  const [view, setView] = useState<'campus' | 'region'>('campus');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [name, setName] = useState('');
  const [zoneType, setZoneType] = useState('');
  const [focus, setFocus] = useState<{ at: LngLat; seq: number } | null>(null);
  const [shape, setShape] = useState<(ShapeEdit & { id: string }) | null>(null);
  const [hospitalForm, setHospitalForm] = useState<string | null>(null);
  const regionStatus = useRegionStatus();
  const now = useMinuteClock();
  const districtLevels = useMemo(() => {
    const levels: Record<string, WarningLevel> = {};
    for (const [id, d] of regionStatus.districtStatus) levels[id] = d.level;
    return levels;
  }, [regionStatus.districtStatus]);
  const hospitalBadges = useMemo(() => {
    const badges: Record<string, HospitalBadge> = {};
    for (const [id, h] of regionStatus.hospitals) {
      const stale = isStale(h.updatedAt, now);
      const figures = neighbourBedTypes.map((type) => `${bedTypeLabel[type](t)} ${h.available[type]}`).join(' · ');
      badges[id] = { text: stale ? `${figures} · ${t('map.region.staleShort')}` : figures, stale };
    }
    return badges;
  }, [regionStatus.hospitals, now, t]);
  const handleLabels = useMemo(
    () => ({ corner: (n: number) => t('map.shape.corner', { n }), midpoint: (n: number) => t('map.shape.midpoint', { n }) }),
    [t],
  );
  const onShapeChange = useCallback((update: (edit: ShapeEdit) => ShapeEdit) => setShape((s) => (s ? { ...s, ...update(s) } : s)), []);

  const onGeometry = useCallback(
    (category: MapFeatureCategory, geometry: Geometry) => {
      void actions.add(category, name.trim(), geometry, category === 'zone_custom' ? zoneType.trim() : undefined).then((id) => {
        if (id) {
          setSelectedId(id);
          setName('');
        }
      });
    },
    [actions, name, zoneType],
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

  // In the region view the neighbours and districts are what the operator works on, so their panel comes first.
  const regionPanel = (
    <RegionPanel
      status={regionStatus}
      language={language}
      now={now}
      editing={hospitalForm}
      onEdit={setHospitalForm}
      onReport={actions.reportNeighbourBeds}
      onLevel={(districtId, level) => void (level === 'auto' ? actions.clearDistrictWarning(districtId) : actions.setDistrictWarning(districtId, level))}
      error={actions.error}
    />
  );

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
          shape={shape}
          onShapeChange={onShapeChange}
          handleLabels={handleLabels}
          districtLevels={districtLevels}
          hospitalBadges={hospitalBadges}
          onMapClick={(at, hitId) => {
            if (shape) return;
            if (draw.state.mode !== 'idle') draw.click(at);
            else if (hitId && regionHospitalIds.has(hitId)) setHospitalForm(hitId);
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
        {shape ? (
          <ShapeTools
            edit={shape}
            onRemoveCorner={() => setShape((s) => (s && s.selected !== null ? { ...s, corners: removeCorner(s.corners, s.selected), selected: null } : s))}
            onSave={() => void actions.update(shape.id, { geometry: polygonOf(shape.corners) }).then((ok) => ok && setShape(null))}
            onCancel={() => setShape(null)}
          />
        ) : null}
        {selected && !shape ? (
          <FeatureEditor
            key={`${selected.id}-${selected.updatedAt}`}
            feature={selected}
            error={actions.error}
            locked={write.title}
            onSave={(patch) => void actions.update(selected.id, patch)}
            onMove={() => draw.startMove(selected.id)}
            onEditShape={() => {
              if (selected.geometry.type === 'Polygon') setShape({ id: selected.id, corners: cornersOf(selected.geometry.coordinates[0]), selected: null });
            }}
            onRemove={() => void actions.remove(selected.id).then((ok) => ok && setSelectedId(null))}
            onClose={() => setSelectedId(null)}
          />
        ) : null}
        {view === 'region' ? regionPanel : null}
        <DrawTools
          state={draw.state}
          name={name}
          onName={setName}
          zoneType={zoneType}
          onZoneType={setZoneType}
          onStart={draw.start}
          onFinish={draw.finish}
          onCancel={draw.cancel}
          disabled={!write.allowed}
          whoMay={write.title}
        />
        {view === 'campus' ? regionPanel : null}
        <LayerPanel visible={visible} onToggle={(g) => setVisible((v) => ({ ...v, [g]: !v[g] }))} />
      </aside>
    </div>
  );
}
