import { useTranslation } from 'react-i18next';
import { BoardPage } from '../features/board/BoardPage';
import { CasualtiesPage } from '../features/casualties/CasualtiesPage';
import { MapPage } from '../features/map/MapPage';
import { ResourcesPage } from '../features/resources/ResourcesPage';
import { RosterPage } from '../features/roster/RosterPage';
import { LanguageToggle } from '../features/settings/LanguageToggle';
import { SettingsPage } from '../features/settings/SettingsPage';
import { WarningPage } from '../features/warning/WarningPage';
import { PlansPage } from '../features/plans/PlansPage';
import { useApp } from '../state/store-context';
import { ExerciseBanner } from './ExerciseBanner';
import { HelpOverlay } from './HelpOverlay';
import { IncidentHeader } from './IncidentHeader';
import { NavBar } from './NavBar';
import { OfflineBanner } from './OfflineBanner';
import { RejectedChanges } from './RejectedChanges';
import { StuckChanges } from './StuckChanges';
import { SyncNotices } from './SyncNotices';
import type { RouteName } from './routes';
import { StatusArea } from './StatusArea';
import { PanelBoundary } from '../ui/PanelBoundary';

function Page({ route }: { route: RouteName }) {
  if (route === 'board') return <BoardPage />;
  if (route === 'map') return <MapPage />;
  if (route === 'resources') return <ResourcesPage />;
  if (route === 'roster') return <RosterPage />;
  if (route === 'warning') return <WarningPage />;
  if (route === 'casualties') return <CasualtiesPage />;
  if (route === 'plans') return <PlansPage />;
  if (route === 'settings') return <SettingsPage />;
  // The wall has no operator frame: App renders it on its own.
  return null;
}

/** The operator's frame: title bar, incident header, navigation, the page, and the status line. */
export function AppFrame() {
  const { t } = useTranslation();
  const route = useApp((s) => s.route);
  return (
    <div className="frame">
      <a className="skip-link" href="#main">{t('app.skipToContent')}</a>
      <ExerciseBanner />
      <div className="titlebar">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true" />
          <span className="brand-title">{t('app.title')}</span>
          <span className="brand-subtitle">{t('app.subtitle')}</span>
        </div>
        <StatusArea />
        <LanguageToggle />
      </div>
      <OfflineBanner />
      <PanelBoundary name="incident-header"><IncidentHeader /></PanelBoundary>
      <NavBar />
      <PanelBoundary name="stuck-changes"><StuckChanges /></PanelBoundary>
      <PanelBoundary name="rejected-changes"><RejectedChanges /></PanelBoundary>
      <PanelBoundary name="sync-notices"><SyncNotices /></PanelBoundary>
      <main id="main" className="page" tabIndex={-1}>
        <PanelBoundary key={route} name={`page-${route}`}><Page route={route} /></PanelBoundary>
      </main>
      <footer className="footer">{t('help.hint')}</footer>
      <HelpOverlay />
    </div>
  );
}
