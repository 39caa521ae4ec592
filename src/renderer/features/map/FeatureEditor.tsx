import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isZoneCategory, mapFeatureCategories, type MapFeature, type MapFeatureCategory } from '../../../domain/map/map-features';
import { ErrorText } from '../../app/ErrorText';
import type { UiError } from '../../lib/ui-error';
import { categoryLabel } from './map-labels-text';

type Patch = { name: string; category: MapFeatureCategory; zoneType?: string; note: string };

type Props = {
  feature: MapFeature;
  error: UiError | null;
  onSave: (patch: Patch) => void;
  onMove: () => void;
  onEditShape: () => void;
  onRemove: () => void;
  onClose: () => void;
  /** Who may change drawn features, when this user may not: the editor then only shows the feature. */
  locked?: string | undefined;
};

/** Edit one drawn feature: its name, category (of the same shape) and note; move a point; remove it. */
export function FeatureEditor({ feature, error, onSave, onMove, onEditShape, onRemove, onClose, locked }: Props) {
  const { t } = useTranslation();
  const [name, setName] = useState(feature.name);
  const [category, setCategory] = useState(feature.category);
  const [note, setNote] = useState(feature.note);
  const [zoneType, setZoneType] = useState(feature.zoneType ?? '');
  const zone = feature.geometry.type === 'Polygon';
  const off = locked !== undefined;
  return (
    <section className="map-panel map-editor" aria-labelledby="map-edit-title" data-testid="map-editor">
      <h3 id="map-edit-title">{t('map.edit.title')}</h3>
      {off ? <p className="muted" data-testid="map-edit-locked">{locked}</p> : null}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (off) return;
          onSave(category === 'zone_custom' ? { name, category, zoneType: zoneType.trim(), note } : { name, category, note });
        }}
      >
        <label>
          <span>{t('map.edit.name')}</span>
          <input name="name" value={name} onChange={(e) => setName(e.target.value)} maxLength={120} readOnly={off} />
        </label>
        <label>
          <span>{t('map.edit.category')}</span>
          <select name="category" value={category} onChange={(e) => setCategory(e.target.value as MapFeatureCategory)} disabled={off}>
            {mapFeatureCategories
              .filter((c) => isZoneCategory(c) === zone)
              .map((c) => (
                <option key={c} value={c}>{categoryLabel[c](t)}</option>
              ))}
          </select>
        </label>
        {category === 'zone_custom' ? (
          <label>
            <span>{t('map.edit.zoneType')}</span>
            <input name="zoneType" value={zoneType} onChange={(e) => setZoneType(e.target.value)} maxLength={40} readOnly={off} />
          </label>
        ) : null}
        <label>
          <span>{t('map.edit.note')}</span>
          <textarea name="note" value={note} onChange={(e) => setNote(e.target.value)} maxLength={1000} rows={2} readOnly={off} />
        </label>
        {error ? <ErrorText error={error} /> : null}
        <div className="draw-actions">
          <button type="submit" className="secondary" disabled={off} title={locked}>{t('map.edit.save')}</button>
          {!zone ? <button type="button" className="secondary" onClick={onMove} disabled={off} title={locked}>{t('map.edit.move')}</button> : null}
          {zone ? <button type="button" className="secondary" onClick={onEditShape} disabled={off} title={locked} data-testid="map-edit-shape">{t('map.edit.shape')}</button> : null}
          <button type="button" className="secondary danger" onClick={onRemove} disabled={off} title={locked} data-testid="map-remove">{t('map.edit.remove')}</button>
          <button type="button" className="secondary" onClick={onClose}>{t('map.edit.close')}</button>
        </div>
      </form>
    </section>
  );
}
