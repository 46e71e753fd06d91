import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { whenConnected } from './api/client';
import { startWorkspace } from './app/boot';
import { startTheme } from './features/settings/utils/theme';
import { initI18n } from './i18n';
import './styles/tokens.css';
import './styles/base.css';
import './styles/ui.css';
import './styles/app.css';
import './features/leads/components/leads.css';
import './features/import/components/import.css';
import './features/settings/components/settings.css';

// Theme and language come from the last start, before the first paint, so nothing flashes.
startTheme();
initI18n();
startWorkspace();

const root = document.getElementById('root');
// The first render waits a moment for the connection to open, so the request for the first rows is
// already with the core while React draws the frame.
void whenConnected(150).then(() => {
  if (root) {
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
  }
});
