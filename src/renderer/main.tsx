import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './app/App';
import { routeFromPath } from './app/routes';
import { createI18n } from './i18n/i18n';
import { installNavigationGuard } from './security/navigation-guard';
import { createAppStore } from './state/create-app-store';
import { StoreProvider } from './state/store-context';
import { chooseTransport } from './transport/choose-client';
import './styles/theme.css';

async function start(): Promise<void> {
  installNavigationGuard(window);
  const transport = chooseTransport(window);
  const store = createAppStore(transport, (path) => window.history.pushState(null, '', path), routeFromPath(window.location.pathname));
  window.addEventListener('popstate', () => store.getState().routeChanged(routeFromPath(window.location.pathname)));

  const i18n = await createI18n(store.getState().settings?.language ?? 'zh-CN');
  // The workstation's settings decide the language, including a change made in another window.
  const applyLanguage = (language: string | undefined): void => {
    if (!language || language === i18n.language) return;
    void i18n.changeLanguage(language);
  };
  i18n.on('languageChanged', (language) => {
    document.documentElement.lang = language;
    document.title = i18n.t('app.title');
  });
  document.title = i18n.t('app.title');
  store.subscribe((state) => applyLanguage(state.settings?.language));
  applyLanguage(store.getState().settings?.language);

  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root');
  createRoot(root).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <StoreProvider store={store}>
          <App store={store} />
        </StoreProvider>
      </I18nextProvider>
    </StrictMode>,
  );
}

void start();
