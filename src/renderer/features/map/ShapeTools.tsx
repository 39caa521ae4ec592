import { useTranslation } from 'react-i18next';
import { MIN_CORNERS } from '../../../domain/map/map-shape-edit';
import type { ShapeEdit } from './vertex-handles';

type Props = { edit: ShapeEdit; onRemoveCorner: () => void; onSave: () => void; onCancel: () => void };

/** While a zone's shape is edited: how to do it, remove the selected corner, save or drop the change. */
export function ShapeTools({ edit, onRemoveCorner, onSave, onCancel }: Props) {
  const { t } = useTranslation();
  const canRemove = edit.selected !== null && edit.corners.length > MIN_CORNERS;
  return (
    <section className="map-panel shape-tools" aria-labelledby="map-shape-title" data-testid="map-shape-tools">
      <h3 id="map-shape-title">{t('map.shape.title')}</h3>
      <p className="draw-hint" role="status">{t('map.shape.hint', { count: edit.corners.length })}</p>
      <div className="draw-actions">
        <button type="button" className="secondary danger" onClick={onRemoveCorner} disabled={!canRemove} data-testid="shape-remove-corner">
          {t('map.shape.removeCorner')}
        </button>
        <button type="button" onClick={onSave} data-testid="shape-save">{t('map.shape.save')}</button>
        <button type="button" className="secondary" onClick={onCancel}>{t('map.shape.cancel')}</button>
      </div>
    </section>
  );
}
