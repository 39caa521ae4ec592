import './casualties.css';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { selectCurrentIncident } from '../../state/selectors';
import { useApp } from '../../state/store-context';
import { useLive } from '../../state/use-live';
import { BulkEntry } from './BulkEntry';
import { CasualtyDetail } from './CasualtyDetail';
import { CasualtyEntry } from './CasualtyEntry';
import { CasualtyGrid } from './CasualtyGrid';
import { TriageHelp } from './TriageHelp';

/** 伤员 / Casualties (HICS 254/255): arrival entry one by one and in bulk, the tracking grid, one casualty's record. */
export function CasualtiesPage() {
  const { t } = useTranslation();
  const incident = useApp(selectCurrentIncident);
  const list = useLive('casualty.list', incident ? { incidentId: incident.id } : null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const casualties = useMemo(() => list.data?.casualties ?? [], [list.data]);
  const areas = useMemo(() => [...new Set(casualties.map((c) => c.area))].sort(), [casualties]);
  if (!incident) return <p className="panel muted" data-testid="casualties-no-incident">{t('casualties.noIncident')}</p>;
  const selected = casualties.find((c) => c.id === selectedId) ?? null;
  return (
    <div className="casualties" data-testid="casualties-page">
      <h2 className="visually-hidden">{t('casualties.title')}</h2>
      {/* The counts are in the incident header above, on every page. */}
      <TriageHelp />
      <div className="panel casualties-entry">
        <CasualtyEntry incidentId={incident.id} known={casualties.length} areas={areas} />
        <BulkEntry incidentId={incident.id} />
      </div>
      {selected ? <CasualtyDetail key={selected.id} casualty={selected} mayIdentify={list.data?.mayIdentify ?? false} onClose={() => setSelectedId(null)} /> : null}
      <section className="panel casualties-list" aria-labelledby="casualties-list-title">
        <h3 id="casualties-list-title">{t('casualties.grid.title', { count: casualties.length })}</h3>
        {casualties.length === 0 ? <p className="empty">{t('casualties.grid.empty')}</p> : <CasualtyGrid casualties={casualties} onSelect={setSelectedId} />}
      </section>
    </div>
  );
}
