import { create } from 'zustand';

/** The console's base path: every page lives under it (the server answers the page for all of them). */
export const CONSOLE_BASE = '/console';

const currentPath = (): string => {
  const path = window.location.pathname;
  return path.startsWith(CONSOLE_BASE) ? path.slice(CONSOLE_BASE.length) || '/' : '/';
};

/** The page address under `/console` (e.g. `/inbox`), kept in step with the browser's history. */
export const useRoute = create<{ path: string }>(() => ({ path: currentPath() }));

window.addEventListener('popstate', () => useRoute.setState({ path: currentPath() }));

/** Goes to `path` under `/console`, keeping the query (language, theme); `replace` leaves no history entry. */
export const navigate = (path: string, replace = false): void => {
  const url = `${CONSOLE_BASE}${path}${window.location.search}`;
  if (replace) window.history.replaceState(null, '', url);
  else window.history.pushState(null, '', url);
  useRoute.setState({ path });
};
