/**
 * The app never leaves its own origin and never opens windows. Electron's main process enforces this for the
 * desktop app; in a browser on a wall PC this guard is the page's own half of it (the host's CSP covers fetches,
 * frames and form posts). Returns a function that removes the guard, for tests.
 */
export function installNavigationGuard(win: Window): () => void {
  const isForeign = (href: string): boolean => {
    try {
      return new URL(href, win.location.href).origin !== win.location.origin;
    } catch {
      return true;
    }
  };

  const onClick = (event: MouseEvent): void => {
    const target = event.target instanceof Element ? event.target.closest('a[href], area[href]') : null;
    const href = target?.getAttribute('href');
    if (href === null || href === undefined) return;
    if (isForeign(href) || target?.getAttribute('target') === '_blank') {
      event.preventDefault();
      console.warn(`blocked navigation to ${href}`);
    }
  };

  const originalOpen = win.open.bind(win);
  win.open = (url?: string | URL) => {
    console.warn(`blocked window.open(${String(url ?? '')})`);
    return null;
  };
  win.document.addEventListener('click', onClick, true);
  win.document.addEventListener('auxclick', onClick, true);
  return () => {
    win.open = originalOpen;
    win.document.removeEventListener('click', onClick, true);
    win.document.removeEventListener('auxclick', onClick, true);
  };
}
