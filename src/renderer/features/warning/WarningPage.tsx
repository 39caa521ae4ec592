import './warning.css';
import { useState } from 'react';
import { useLive } from '../../state/use-live';
import { useTranslation } from 'react-i18next';
import { AlertsPanel } from './AlertsPanel';
import { IndicatorEditor } from './IndicatorEditor';
import { IndicatorList } from './IndicatorList';
import { IndicatorSignals } from './IndicatorSignals';
import { RuleEditor } from './RuleEditor';

type Tab = 'signals' | 'setup';

/** Early warning (预警): indicators and their colours, the series with its bound, data entry, alerts, rules. */
export function WarningPage() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('signals');
  const [picked, setSelected] = useState<string | null>(null);
  // Until the officer picks one, the first indicator (the list's order) is shown rather than an empty pane.
  const first = useLive('warning.indicators', {}).data?.indicators[0]?.indicator.id ?? null;
  const selected = picked ?? first;
  const tabs: [Tab, string][] = [['signals', t('warning.tabs.signals')], ['setup', t('warning.tabs.setup')]];
  return (
    <div className="warning">
      <h2 className="visually-hidden">{t('warning.title')}</h2>
      <div className="warning-tabs" role="tablist">
        {tabs.map(([id, label]) => (
          <button key={id} type="button" role="tab" aria-selected={tab === id} className={tab === id ? 'active' : ''} onClick={() => setTab(id)} data-testid={`warning-tab-${id}`}>{label}</button>
        ))}
      </div>
      {tab === 'signals' ? (
        <div className="warning-signals">
          <IndicatorList selected={selected} onSelect={setSelected} />
          <div className="warning-main">{selected ? <IndicatorSignals indicatorId={selected} /> : <p className="muted panel">{t('warning.pickIndicator')}</p>}</div>
          <AlertsPanel />
        </div>
      ) : (
        <div className="warning-setup">
          <IndicatorEditor />
          <RuleEditor />
        </div>
      )}
    </div>
  );
}
