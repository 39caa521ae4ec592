import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { routeKey } from '../i18n/keys';
import { selectIsExercise } from '../state/selectors';
import { useApp } from '../state/store-context';
import { exerciseRoutes, navRoutes, routePaths, type RouteName } from './routes';
import { shortcutFor } from './shortcuts';

export function NavBar() {
  const { t } = useTranslation();
  const current = useApp((s) => s.route);
  const navigate = useApp((s) => s.navigate);
  const inExercise = useApp(selectIsExercise);
  const follow = (route: RouteName) => (event: MouseEvent) => {
    // Ordinary links (so they work without script), followed in-app so the socket and state stay up.
    event.preventDefault();
    navigate(route);
  };
  return (
    <nav className="nav" aria-label={t('nav.label')}>
      {navRoutes.filter((route) => inExercise || !exerciseRoutes.has(route)).map((route) => (
        <a
          key={route}
          href={routePaths[route]}
          className={route === current ? 'nav-link active' : 'nav-link'}
          aria-current={route === current ? 'page' : undefined}
          onClick={follow(route)}
          data-testid={`nav-${route}`}
        >
          <span>{t(routeKey(route))}</span>
          <kbd className="nav-key" aria-hidden="true">{shortcutFor(route)}</kbd>
        </a>
      ))}
    </nav>
  );
}
