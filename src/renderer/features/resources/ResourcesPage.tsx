import './grid-setup';
import './resources.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BedsPanel } from './BedsPanel';
import { CataloguePanel } from './CataloguePanel';
import { RequestsPanel } from './RequestsPanel';
import { ReservesPanel } from './ReservesPanel';
import { StockPanel } from './StockPanel';

type Tab = 'stock' | 'reserves' | 'catalogue' | 'beds' | 'requests';

export function ResourcesPage() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('stock');
  const tabs: [Tab, string][] = [['stock', t('resources.tabs.stock')], ['reserves', t('resources.tabs.reserves')], ['catalogue', t('resources.tabs.catalogue')], ['beds', t('resources.tabs.beds')], ['requests', t('resources.tabs.requests')]];
  return (
    <div className="resources">
      <h2 className="visually-hidden">{t('resources.title')}</h2>
      <div className="resources-tabs" role="tablist">
        {tabs.map(([id, label]) => (
          <button key={id} type="button" role="tab" aria-selected={tab === id} className={tab === id ? 'active' : ''} onClick={() => setTab(id)} data-testid={`tab-${id}`}>{label}</button>
        ))}
      </div>
      {tab === 'stock' ? <StockPanel /> : tab === 'reserves' ? <ReservesPanel /> : tab === 'catalogue' ? <CataloguePanel /> : tab === 'beds' ? <BedsPanel /> : <RequestsPanel />}
    </div>
  );
}
