import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorText } from '../../app/ErrorText';
import { useNow } from '../../app/use-now';
import { CoveragePanel } from './CoveragePanel';
import { LabourPool } from './LabourPool';
import { RosterBoard } from './RosterBoard';
import { RosterSetup } from './RosterSetup';
import { StaffDirectory } from './StaffDirectory';
import { useLive } from '../../state/use-live';
import './grid-setup';
import './roster.css';

type Tab = 'roster' | 'coverage' | 'pool' | 'staff' | 'setup';
const tabs: readonly Tab[] = ['roster', 'coverage', 'pool', 'staff', 'setup'];

/** Staff and shift roster: the week's plan, coverage now and next, the incident's labour pool, the directory. */
export function RosterPage() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('roster');
  // The directory alone: an assignment does not re-read (and re-sort the grid for) 300 people.
  const staff = useLive('roster.staff', {});
  const now = useNow(60_000);
  const label: Record<Tab, string> = {
    roster: t('roster.tabs.roster'),
    coverage: t('roster.tabs.coverage'),
    pool: t('roster.tabs.pool'),
    staff: t('roster.tabs.staff'),
    setup: t('roster.tabs.setup'),
  };
  const people = staff.data ?? [];
  return (
    <div className="roster-page" data-testid="roster-page">
      <div className="roster-tabs" role="tablist" aria-label={t('roster.title')}>
        {tabs.map((name) => (
          <button key={name} type="button" role="tab" aria-selected={tab === name} className={tab === name ? 'active' : ''} onClick={() => setTab(name)} data-tab={name}>
            {label[name]}
          </button>
        ))}
      </div>
      {staff.error ? <ErrorText error={staff.error} /> : null}
      <div role="tabpanel">
        {tab === 'roster' ? <RosterBoard staff={people} now={now} /> : null}
        {tab === 'coverage' ? <CoveragePanel /> : null}
        {tab === 'pool' ? <LabourPool staff={people} now={now} /> : null}
        {tab === 'staff' ? <StaffDirectory staff={people} now={now} /> : null}
        {tab === 'setup' ? <RosterSetup now={now} /> : null}
      </div>
    </div>
  );
}
